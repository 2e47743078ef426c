using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterPolicyMiner.Numbers;

namespace ClusterPolicyMiner.Tests.Numbers;

/// <summary>Runs the Chinese specs of Microsoft Recognizers-Text (MIT licence, microsoft/Recognizers-Text at
/// commit 90e968ea, Specs/Number/Chinese and Specs/NumberWithUnit/Chinese) against ChineseNumberRecognizer.
/// A case passes when the values the recogniser reports for the model's kind equal the expected values,
/// in order. Cases outside what policy text needs are listed with the reason, never silently dropped.</summary>
internal static partial class RecognizersTextSuite
{
    public sealed record Outcome(string Model, string Input, string? OutOfScope, bool Passed, string Detail);

    public static IReadOnlyList<Outcome> Run(string model, string json)
    {
        using var doc = JsonDocument.Parse(json.TrimStart('\uFEFF'));
        var outcomes = new List<Outcome>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var input = c.GetProperty("Input").GetString() ?? "";
            var results = c.GetProperty("Results").EnumerateArray().ToList();
            var reason = OutOfScope(model, c, input, results);
            if (reason is not null)
            {
                outcomes.Add(new Outcome(model, input, reason, false, ""));
                continue;
            }
            var expected = results.Select(r => Value(r.GetProperty("Resolution"))).ToList();
            var actual = Project(model, ChineseNumberRecognizer.Recognize(input));
            var passed = expected.Count == actual.Count && expected.Zip(actual).All(p => Close(p.First, p.Second));
            outcomes.Add(new Outcome(model, input, null, passed,
                $"expected [{string.Join(", ", expected)}] got [{string.Join(", ", actual)}]"));
        }
        return outcomes;
    }

    /// <summary>The values of the mentions the model is about: any number for NumberModel, percentages for
    /// PercentModel, and so on.</summary>
    private static List<decimal> Project(string model, IReadOnlyList<NumberMention> mentions) =>
        mentions.Where(m => model switch
            {
                "NumberModel" => m.Kind is not (NumberKind.Date or NumberKind.Range),
                "PercentModel" => m.Kind == NumberKind.Percent,
                "OrdinalModel" => m.Kind == NumberKind.Ordinal,
                "CurrencyModel" => m.Kind == NumberKind.Money,
                "DimensionModel" => m.Kind == NumberKind.Dimension,
                _ => false,
            })
            .Where(m => m.Value is not null)
            .Select(m => m.Value!.Value).ToList();

    private static decimal Value(JsonElement resolution)
    {
        var text = resolution.GetProperty("value").GetString()!.TrimEnd('%');
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Equal up to the 15 significant digits the suite prints (350.333333333333).</summary>
    private static bool Close(decimal expected, decimal actual)
    {
        var scale = Math.Max(1m, Math.Abs(expected));
        return Math.Abs(expected - actual) <= scale * 1e-12m;
    }

    private static string? OutOfScope(string model, JsonElement c, string input, List<JsonElement> results)
    {
        if (c.TryGetProperty("NotSupported", out var ns) && (ns.GetString() ?? "").Contains("dotnet"))
            return "the reference .NET implementation itself does not pass it (NotSupported: dotnet)";
        if (c.TryGetProperty("IgnoreResolution", out var ir) && ir.GetBoolean())
            return "the suite marks its own expected value as wrong (IgnoreResolution)";
        var folded = new string(input.Select(ch => ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch).ToArray());
        if (Scientific().IsMatch(folded)) return "scientific notation (README: outside policy text)";
        if (KiloMega().IsMatch(folded)) return "k/M suffixes (README: outside policy text)";
        switch (model)
        {
            case "PercentModel" when folded.Contains('折') || folded.Contains('成'):
                return "折 and 成 (README: outside policy text)";
            case "PercentModel" when Regex.IsMatch(folded, @"\d-\d+%"):
                return "a range (5-20%) is one Range mention by design, not a bare percentage";
            case "NumberModel" when folded.Contains('打'):
                return "打 (a dozen) is colloquial counting, not policy text";
            case "NumberModel" when Regex.IsMatch(folded, @"\d年\d+月\d+日"):
                return "a written date is one Date mention by design, not three numbers";
            case "CurrencyModel":
                if (results.Count == 0 || results.Any(r => !r.GetProperty("Resolution").TryGetProperty("unit", out var u)
                        || u.GetString() != "Chinese yuan" || !r.GetProperty("Resolution").TryGetProperty("value", out _)))
                    return "a currency other than yuan, or no amount (scope: 元, 万元, 亿元)";
                if (results.Any(r => !(r.GetProperty("Text").GetString() ?? "").Contains('元')))
                    return "yuan written without 元 (scope: 元, 万元, 亿元)";
                if (Regex.IsMatch(folded, "[角毛]|元.*分"))
                    return "角/毛/分 small change does not occur in policy thresholds";
                break;
            case "DimensionModel":
                if (results.Count == 0 || results.Any(r => r.GetProperty("Resolution").GetProperty("unit").GetString()
                        is not ("Mu" or "Square kilometer")))
                    return "a unit other than 亩 and 平方公里 (scope of the brief; bit/byte/Hz/temperature per README)";
                break;
        }
        return null;
    }

    [GeneratedRegex(@"\d\s*[eE]\s*[-+]?\d|\^")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"\d\s*[kKmM](?![a-zA-Z²2])")]
    private static partial Regex KiloMega();
}
