using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Builds the rule file of one document as a JSON tree, keys in a fixed order, and serialises it.
/// The YAML file is written from the same tree, so both always say the same thing.</summary>
internal static class RuleJson
{
    /// <summary>The rule file of a document. Effective and expiry dates are the document's own (from its text;
    /// a derived one carries its rule), never a repost's date line or a cluster's recognition period.</summary>
    public static JsonObject Build(PolicyDocument doc, int formatVersion, EditionLink? link = null)
    {
        var m = doc.Metadata;
        var effective = Date(m.Effective);
        var expires = Date(m.Expires);
        var rules = new JsonArray();
        var spans = new CodePointOffsets(doc.Text); // citations count code points of the text, as in the contract
        foreach (var t in doc.Thresholds.OrderBy(t => t.Source.Start).ThenBy(t => t.Metric, StringComparer.Ordinal))
            rules.Add((JsonNode)Rule(doc, t, effective, expires, spans));
        var clusterYears = doc.Procedural.FirstOrDefault(t => t.Metric == "cluster_validity_years")?.Value;

        return new JsonObject
        {
            ["formatVersion"] = formatVersion,
            ["document"] = new JsonObject
            {
                ["id"] = doc.Id,
                ["jurisdiction"] = m.Jurisdiction,
                ["issuer"] = m.Issuer,
                ["title"] = m.Title,
                ["docNumber"] = m.DocNumber,
                ["kind"] = m.Kind,
                ["status"] = m.Status,
                ["issued"] = Date(m.Issued),
                ["effective"] = effective,
                ["expires"] = expires,
                ["source"] = doc.Source,
                ["effectiveRule"] = m.EffectiveRule,
                ["expiresRule"] = m.ExpiresRule,
                ["validityYears"] = m.ValidityYears,
                ["clusterValidityYears"] = clusterYears is { } y ? JsonValue.Create(ThresholdText.Normalize(y)) : null,
                ["role"] = link is null ? null : link.Role.ToString().ToLowerInvariant(),
                ["supersedes"] = link?.Supersedes,
                ["supersededBy"] = link?.SupersededBy,
                ["supersededOn"] = Date(link?.SupersededOn),
                ["applies"] = new JsonArray([.. (link?.Applies ?? []).Select(a => (JsonNode?)a)]),
            },
            ["rules"] = rules,
        };
    }

    private static JsonObject Rule(PolicyDocument doc, Threshold t, string? effective, string? expires, CodePointOffsets spans) => new()
    {
        ["metric"] = t.Metric,
        ["label"] = t.Label,
        ["op"] = t.Op,
        ["value"] = t.Value is { } v ? JsonValue.Create(ThresholdText.Normalize(v)) : null,
        ["textValue"] = t.TextValue,
        ["unit"] = t.Unit,
        ["phrase"] = t.Phrase,
        ["window"] = WindowOf(t.Qualifiers),
        ["soft"] = t.Qualifiers.Contains("soft", StringComparer.Ordinal),
        ["anyOf"] = t.Group,
        ["qualifiers"] = new JsonArray([.. t.Qualifiers.Order(StringComparer.Ordinal).Select(q => (JsonNode?)q)]),
        // Who the rule is limited to (empty: every applicant), what a relative rule is measured against, the
        // exclusion it was read from, the unit as written and the programme when the page holds several.
        ["conditions"] = new JsonArray([.. t.Conditions.Select(c => (JsonNode?)c)]),
        ["reference"] = t.Reference,
        ["exclusion"] = t.Exclusion,
        ["unitWritten"] = t.UnitWritten,
        ["programme"] = t.Programme,
        ["effective"] = effective,
        ["expires"] = expires,
        ["citation"] = new JsonObject
        {
            ["path"] = t.Source.Path,
            ["quote"] = t.Source.Quote,
            ["start"] = spans.ToCodePoints(t.Source.Start),
            ["end"] = spans.ToCodePoints(t.Source.End),
        },
        ["documentId"] = doc.Id,
    };

    /// <summary>近三年均 (each of the last three years) or 年均 (annual average); null when the rule has no window.</summary>
    private static string? WindowOf(IReadOnlyList<string> qualifiers) =>
        qualifiers.Contains("each-of-last-3-years", StringComparer.Ordinal) ? "each-of-last-3-years"
        : qualifiers.Contains("annual-average", StringComparer.Ordinal) ? "annual-average"
        : null;

    private static string? Date(DateOnly? d) => IsoDate.Of(d);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options) + "\n";
}
