using System.Globalization;
using System.Text.Json.Nodes;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Writes one history file per jurisdiction and programme, <c>history/&lt;jurisdiction&gt;.yaml</c> and
/// <c>.json</c> (<c>&lt;jurisdiction&gt;-&lt;programme&gt;</c> for a programme other than the SME cluster one): each criterion's values by the date from which they hold, OpenFisca-style
/// (<c>values: {2023-06-27: {value: 2000000000, …}}</c>), each with the document, path and quote it comes from.</summary>
public static class HistoryFileWriter
{
    public const int FormatVersion = 1;

    /// <summary>The file-name suffix of the history of documents that name no programme.</summary>
    public const string UnstatedProgramme = "programme-unstated";

    public static IReadOnlyList<EmittedFile> Write(IReadOnlyList<JurisdictionHistory> histories, string folder)
    {
        var files = new List<EmittedFile>();
        foreach (var h in histories)
        {
            // The SME cluster programme's history is the jurisdiction's own file; another programme's is suffixed,
            // and so is that of documents naming no programme, which must never take the SME cluster file's name.
            var stem = $"{folder}/{RuleFileWriter.Safe(h.Jurisdiction)}" + h.Programme switch
            {
                Structure.Programmes.SmeCluster => "",
                null => "-" + UnstatedProgramme,
                var p => "-" + RuleFileWriter.Safe(p),
            };
            var tree = Tree(h);
            files.Add(new EmittedFile(stem + ".json", RuleJson.Serialize(tree)));
            files.Add(new EmittedFile(stem + ".yaml",
                YamlText.Write(tree, $"ClusterPolicyMiner history file, format {FormatVersion}: each criterion's value from each date on")));
        }
        return files;
    }

    internal static JsonObject Tree(JurisdictionHistory h)
    {
        var metrics = new JsonObject();
        foreach (var m in h.Metrics)
        {
            var values = new JsonObject();
            foreach (var v in m.Values)
            {
                var t = v.Threshold;
                values[IsoDate.Of(v.Date)] = new JsonObject
                {
                    ["value"] = t?.Value is { } x ? JsonValue.Create(ThresholdText.Normalize(x)) : null,
                    ["op"] = t?.Op,
                    ["unit"] = t?.Unit,
                    ["phrase"] = t?.Phrase,
                    ["documentId"] = v.DocumentId,
                    ["docNumber"] = v.DocNumber,
                    ["path"] = t?.Source.Path,
                    ["quote"] = t?.Source.Quote,
                };
            }
            metrics[m.Metric] = new JsonObject { ["description"] = m.Name, ["values"] = values };
        }
        return new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["jurisdiction"] = h.Jurisdiction,
            ["programme"] = h.Programme,
            ["metrics"] = metrics,
        };
    }
}
