using System.Globalization;
using ClusterPolicyMiner.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterPolicyMiner.Compare.Eligibility;

/// <summary>A cluster's own figures, read from a YAML profile:
/// <code>
/// name: 示例集群
/// jurisdiction: 青海省        # optional: check only this jurisdiction's rules
/// output:                     # output value by year; yuan, or with 亿/万 (元)
///   2022: 24亿
///   2023: 26亿元
///   2024: 2850000000
/// figures:                    # canonical metric id: value (% optional on shares)
///   sme_output_share: 60%
///   champion_or_little_giant_count: 1
/// </code>
/// output_3y_each is the lowest of the last three years of <c>output</c>; output_growth_annual, when not
/// given, is the compound annual growth over the years of <c>output</c>. Bad values become diagnostics.</summary>
public sealed record ClusterProfile(
    string? Name,
    string? Jurisdiction,
    IReadOnlyDictionary<int, decimal> Output,
    IReadOnlyDictionary<string, decimal> Figures,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ClusterProfile Parse(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var output = new SortedDictionary<int, decimal>();
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        string? name = null, jurisdiction = null;

        YamlMappingNode? root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(Note($"profile is not valid YAML: {e.Message}"));
        }
        if (root is null)
        {
            if (diagnostics.Count == 0) diagnostics.Add(Note("profile is empty or not a mapping"));
            return new ClusterProfile(null, null, output, figures, diagnostics);
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "name": name = (value as YamlScalarNode)?.Value; break;
                case "jurisdiction": jurisdiction = (value as YamlScalarNode)?.Value; break;
                case "output":
                    foreach (var (k, v) in Entries(value, key, diagnostics))
                    {
                        if (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                            diagnostics.Add(Note($"output: '{k}' is not a year"));
                        else if (ParseAmount(v) is { } amount) output[year] = amount;
                        else diagnostics.Add(Note($"output {k}: '{v}' is not an amount"));
                    }
                    break;
                case "figures":
                    foreach (var (k, v) in Entries(value, key, diagnostics))
                    {
                        if (ParseAmount(v) is { } amount) figures[k] = amount;
                        else diagnostics.Add(Note($"figures {k}: '{v}' is not a number"));
                    }
                    break;
                default: diagnostics.Add(Note($"unknown profile key '{key}' ignored")); break;
            }
        }
        return new ClusterProfile(name, jurisdiction, output, figures, diagnostics);
    }

    /// <summary>Reads 24亿, 24亿元, 3000万, 60%, 1,200 or a plain number; null when it is none of those.</summary>
    internal static decimal? ParseAmount(string? text)
    {
        if (text is null) return null;
        var s = text.Trim().Replace(",", "").Replace("，", "");
        if (s.EndsWith('元')) s = s[..^1];
        var factor = 1m;
        if (s.EndsWith('亿')) (s, factor) = (s[..^1], 100_000_000m);
        else if (s.EndsWith('万')) (s, factor) = (s[..^1], 10_000m);
        else if (s.EndsWith('%') || s.EndsWith('％')) s = s[..^1];
        return decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? ThresholdText.Normalize(v * factor)
            : null;
    }

    private static IEnumerable<(string Key, string? Value)> Entries(YamlNode node, string section, List<Diagnostic> diagnostics)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(Note($"'{section}' must be a mapping"));
            yield break;
        }
        foreach (var (k, v) in map.Children)
            yield return ((k as YamlScalarNode)?.Value ?? "", (v as YamlScalarNode)?.Value);
    }

    private static Diagnostic Note(string message) => new(DiagnosticCode.Note, null, null, message);
}
