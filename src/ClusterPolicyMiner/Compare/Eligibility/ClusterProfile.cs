using System.Globalization;
using ClusterPolicyMiner.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterPolicyMiner.Compare.Eligibility;

/// <summary>A cluster's own figures, read from a YAML profile:
/// <code>
/// name: 示例集群
/// jurisdiction: 青海省        # optional: check only this jurisdiction's rules (青海 is accepted)
/// output:                     # output value by year; yuan, or with 亿/万 (元)
///   2022: 24亿
///   2023: 26亿元
///   2024: 2850000000
/// figures:                    # canonical metric id: value (% optional on shares)
///   sme_output_share: 60%
///   champion_or_little_giant_count: 1
/// </code>
/// output_3y_each is the lowest of the last three years of <c>output</c>; output_growth_annual, when not
/// given, is the compound annual growth over the years of <c>output</c>. What makes the profile unusable
/// (bad YAML, an unknown metric or jurisdiction, an impossible value) is in <see cref="Diagnostics"/>;
/// what is likely a mistake but usable (a share written as a fraction) is in <see cref="Warnings"/>.</summary>
public sealed record ClusterProfile(
    string? Name,
    string? Jurisdiction,
    IReadOnlyDictionary<int, decimal> Output,
    IReadOnlyDictionary<string, decimal> Figures,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Diagnostic>? Warnings = null)
{
    /// <summary>Warnings, never null.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = Warnings ?? [];

    public static ClusterProfile Parse(string yaml)
    {
        var errors = new List<Diagnostic>();
        var warnings = new List<Diagnostic>();
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
            // YamlDotNet's message repeats the position in parentheses; one line with line and column is enough.
            var message = e.InnerException?.Message ?? e.Message;
            var paren = message.IndexOf("(Line:", StringComparison.Ordinal);
            if (paren > 0) message = message[..paren].TrimEnd();
            errors.Add(Note($"line {e.Start.Line}, column {e.Start.Column}: not valid YAML: {message.Trim()}"));
        }
        if (root is null)
        {
            if (errors.Count == 0 && yaml.Trim().Length > 0) errors.Add(Note("the profile is not a mapping of keys to values"));
            return new ClusterProfile(null, null, output, figures, errors, warnings);
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var at = $"line {keyNode.Start.Line}: ";
            switch (key)
            {
                case "name": name = (value as YamlScalarNode)?.Value; break;
                case "jurisdiction":
                    var written = (value as YamlScalarNode)?.Value;
                    if (string.IsNullOrWhiteSpace(written)) break;
                    jurisdiction = ProfileRules.Jurisdiction(written);
                    if (jurisdiction is null)
                        errors.Add(Note($"{at}jurisdiction '{written}' is not a province-level name (e.g. 青海省 or 青海) or 全国"));
                    break;
                case "output":
                    foreach (var (k, v, line) in Entries(value, key, errors))
                    {
                        if (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1949 or > 2200)
                            errors.Add(Note($"line {line}: output: '{k}' is not a year"));
                        else if (ParseAmount(v) is not { } amount) errors.Add(Note($"line {line}: output {k}: '{v}' is not an amount"));
                        else if (amount < 0) errors.Add(Note($"line {line}: output {k}: {v} is negative"));
                        else output[year] = amount;
                    }
                    break;
                case "figures":
                    foreach (var (k, v, line) in Entries(value, key, errors))
                    {
                        if (ProfileRules.UnitOf(k) is not { } unit)
                        {
                            errors.Add(Note(ProfileRules.IsProcedural(k)
                                ? $"line {line}: figures: '{k}' is a procedural fact of the notices, not a criterion a cluster meets"
                                : $"line {line}: figures: unknown metric '{k}'; did you mean '{ProfileRules.Nearest(k)}'?"));
                            continue;
                        }
                        if (ParseAmount(v) is not { } amount) { errors.Add(Note($"line {line}: figures {k}: '{v}' is not a number")); continue; }
                        if (ProfileRules.Check(k, unit, amount, v) is { } problem)
                        {
                            (problem.IsError ? errors : warnings).Add(Note($"line {line}: figures {k}: {problem.Message}"));
                            if (problem.IsError) continue;
                        }
                        figures[k] = amount;
                    }
                    break;
                default: errors.Add(Note($"{at}unknown profile key '{key}' (name, jurisdiction, output, figures)")); break;
            }
        }
        return new ClusterProfile(name, jurisdiction, output, figures, errors, warnings);
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

    private static IEnumerable<(string Key, string? Value, long Line)> Entries(YamlNode node, string section, List<Diagnostic> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Note($"line {node.Start.Line}: '{section}' must be a mapping"));
            yield break;
        }
        foreach (var (k, v) in map.Children)
            yield return ((k as YamlScalarNode)?.Value ?? "", (v as YamlScalarNode)?.Value, k.Start.Line);
    }

    private static Diagnostic Note(string message) => new(DiagnosticCode.Note, null, null, message);
}
