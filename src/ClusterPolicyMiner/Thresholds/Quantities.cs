using ClusterPolicyMiner.Numbers;

namespace ClusterPolicyMiner.Thresholds;

/// <summary>A number in the canonical unit of the model: the unit, the value (and the upper bound of a range)
/// and the unit as written.</summary>
internal sealed record Quantity(string Unit, decimal? Value, decimal? Upper, string? Written);

/// <summary>Turns a mention into its canonical unit: money in yuan, areas in km² (1 亩 = 1/15 公顷 = 666.67 m²,
/// 1 公顷 = 0.01 km², 1 m² = 10⁻⁶ km²), counters as <c>count</c>, 次 as <c>occurrences</c>, 倍 as <c>times</c>.</summary>
internal static class Quantities
{
    private static readonly Dictionary<string, decimal> ToKm2 = new(StringComparer.Ordinal)
    {
        ["km2"] = 1m, ["亩"] = 1m / 1500m, ["公顷"] = 0.01m, ["m2"] = 0.000001m,
    };

    /// <summary>Counters of things; 次 (times an event happens) is a frequency, unit <c>occurrences</c>.</summary>
    private const string Counters = "家个项名件人座所台套批";

    public static Quantity Of(NumberMention m)
    {
        var written = m.Kind == NumberKind.Date ? null : Written(m.Text);
        if (m.Unit is { } u && ToKm2.TryGetValue(u, out var factor))
            return new Quantity("km2", Area(m.Value, factor), Area(m.Upper, factor), written);
        var unit = m switch
        {
            { Kind: NumberKind.Money } => "CNY",
            { Kind: NumberKind.Percent } => "%",
            { Kind: NumberKind.Date } => "date",
            { Unit: { Length: 1 } c } when Counters.Contains(c[0]) => "count",
            { Unit: "次" } => "occurrences",
            { Unit: { } other } => other,
            _ => "number",
        };
        return new Quantity(unit, m.Value, m.Upper, written);
    }

    /// <summary>150亿 with no 元: a number with a scale word, which is money when its label is a money metric.</summary>
    public static bool HasScaleWord(NumberMention m) => m.Unit is null && (m.Text.Contains('亿') || m.Text.Contains('万')
        || m.Text.Contains('億') || m.Text.Contains('萬'));

    private static decimal? Area(decimal? value, decimal factor) =>
        value is { } v ? decimal.Round(v * factor, 6) / 1.000000000000000000000000000m : null;

    /// <summary>The unit as written: what follows the last digit of the mention (亿元, 万亩, 成, 家, %), without
    /// the marks of an open amount; 百分之 for 百分之五十.</summary>
    private static string? Written(string text)
    {
        if (text.StartsWith("百分之", StringComparison.Ordinal) || text.StartsWith("百分點", StringComparison.Ordinal)) return "百分之";
        // 3个百分点: percentage points, whose 百 and 点 the digit scan below would take for numerals.
        foreach (var points in (string[])["个百分点", "百分点"])
            if (text.EndsWith(points, StringComparison.Ordinal)) return points;
        var end = text.Length;
        var i = end;
        while (i > 0 && !IsDigitLike(text[i - 1])) i--;
        var unit = text[i..end].TrimStart('余', '多', '几', '餘', '幾').Trim();
        return unit.Length == 0 ? null : unit;
    }

    private static bool IsDigitLike(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９'
        || "零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟廿卅点.兩貳參陸".Contains(c);
}
