using System.Globalization;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>Writes a requirement back in the words a Chinese notice uses: 20亿元以上, 高于70%, 不超过100平方公里.
/// Phrases that precede the number (高于, 不低于 …) go in front, the rest (以上, 以下, 以内, 左右) behind.</summary>
public static class ThresholdText
{
    private static readonly HashSet<string> PrefixPhrases = new(StringComparer.Ordinal)
    {
        "高于", "低于", "超过", "不超过", "不少于", "不低于", "不高于", "至少", "不满", "不足", "少于", "多于", "约", "达到", "大于", "小于",
    };

    /// <summary>One bound of a range is ≥10平方公里 or ≤100平方公里. A relative rule names its reference after the bound (高于2%（相对全省平均水平）), so that its
    /// number never reads as an absolute value.</summary>
    public static string Describe(Threshold t)
    {
        var amount = Amount(t);
        // One bound of a range (5至10亿元) is written with its comparator: its phrase 至 joins the two bounds.
        var text = string.IsNullOrEmpty(t.Phrase) || t.Qualifiers.Contains("range", StringComparer.Ordinal) ? OpSymbol(t.Op) + amount
            : PrefixPhrases.Contains(t.Phrase) ? t.Phrase + amount : amount + t.Phrase;
        return t.Reference is { } reference ? $"{text}（相对{reference}）" : text;
    }

    /// <summary>The value in the unit a reader expects: 亿元 for round sums of money, % for shares.</summary>
    public static string Amount(Threshold t) => t.Value is { } v ? Amount(v, t.Unit) : t.TextValue ?? "?";

    public static string Amount(decimal v, string unit) => unit switch
    {
        "CNY" when v >= 100_000_000m => Number(v / 100_000_000m) + "亿元",
        "CNY" when v >= 10_000m => Number(v / 10_000m) + "万元",
        "CNY" => Number(v) + "元",
        "%" => Number(v) + "%",
        "km2" => Number(v) + "平方公里",
        "years" => Number(v) + "年",
        "working_days" => Number(v) + "个工作日",
        "count" => Number(v),
        "times" => Number(v) + "倍",
        _ => Number(v) + unit,
    };

    /// <summary>Invariant, without trailing zeros: 20, 1.5, 0.25.</summary>
    public static string Number(decimal v) => v.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The same value with its scale normalised, so 50.0 and 50 serialise alike.</summary>
    public static decimal Normalize(decimal v) => decimal.Parse(Number(v), CultureInfo.InvariantCulture);

    private static string OpSymbol(string op) => op switch
    {
        ">=" => "≥", "<=" => "≤", "~" => "约", _ => op,
    };

    /// <summary>The baseline in words, with its source: the national standard's number, title and date (and
    /// the curated file when its text is not in the corpus), a chosen document, or the median.</summary>
    public static string BaselineWords(ComparisonMatrix m, Func<string, string> nameOf)
    {
        var b = m.Baseline;
        if (m.BaselineKind == BaselineKind.Median || b is null)
            return m.BaselineKind == BaselineKind.Median ? "per-metric median of the shown final documents"
                : (m.BaselineKind == BaselineKind.National ? "national measure, " : "chosen document, ") + nameOf(m.BaselineDocumentId ?? "");
        var date = IsoDate.Of(b.Issued);
        var what = $"《{b.Title}》{b.DocNumber}" + (date is null ? "" : $" ({date})");
        return m.BaselineKind switch
        {
            BaselineKind.National when b.DocumentId is null =>
                $"national standard {what}, annex {b.Annex}; values from {NationalBaseline.FileName}, each with its quote (its text is not in the corpus)",
            BaselineKind.National => $"national standard {what}, document {nameOf(b.DocumentId!)}",
            _ => $"chosen document {nameOf(b.DocumentId!)}",
        };
    }

    /// <summary>The verdict in the words of a report; against the national baseline a missing baseline value
    /// is "no national value".</summary>
    public static string VerdictWord(Verdict v, BaselineKind kind) =>
        v == Verdict.NoBaseline && kind == BaselineKind.National ? "no national value" : VerdictWord(v);

    public static string VerdictWord(Verdict v) => v switch
    {
        Verdict.Baseline => "baseline",
        Verdict.Equal => "equal",
        Verdict.Stricter => "stricter",
        Verdict.Looser => "looser",
        Verdict.Incomparable => "incomparable",
        Verdict.NoBaseline => "no baseline value",
        Verdict.Draft => "draft",
        _ => "not set",
    };
}
