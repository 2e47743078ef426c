using System.Globalization;
using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Clean;

/// <summary>Reads the information block of government CMS pages (索引号 / 主题分类 / 发布机构 / 成文日期 /
/// 文号 / 发布日期 / 有效性), laid out as a table (a label and its value on separate lines), one pair per line
/// or one run of pairs on a line. A block is at least <see cref="MinLabels"/> distinct labels within a few
/// lines; its lines are returned so that the cleaner removes them after their values are read.</summary>
internal static partial class CmsBlockReader
{
    public const int MinLabels = 3;

    /// <summary>Lines of a block are at most this many lines apart.</summary>
    private const int MaxGap = 3;

    private static readonly string[] Labels =
        ["索引号", "主题分类", "发布机构", "成文日期", "发文字号", "文号", "发布日期", "有效性", "名称", "标题", "发文机关", "主题词", "公开方式", "信息分类"];

    /// <summary>Labels that alone tell a CMS block from a page's date line.</summary>
    private static readonly string[] BlockOnly = ["索引号", "主题分类", "成文日期", "发文字号", "文号", "有效性", "发文机关", "公开方式", "信息分类"];

    public static (CmsMetadata? Cms, IReadOnlySet<int> Lines) Read(IReadOnlyList<string> lines)
    {
        var labelled = new List<int>();
        for (var i = 0; i < lines.Count; i++)
            if (LabelAtStartRegex().IsMatch(lines[i])) labelled.Add(i);

        // The densest run of labelled lines no more than MaxGap apart.
        List<int> best = [];
        var run = new List<int>();
        foreach (var i in labelled)
        {
            if (run.Count > 0 && i - run[^1] > MaxGap) run = [];
            run.Add(i);
            if (DistinctLabels(lines, run).Count > DistinctLabels(lines, best).Count) best = [.. run];
        }
        var labels = DistinctLabels(lines, best);
        if (labels.Count < MinLabels || !labels.Overlaps(BlockOnly)) return (null, new HashSet<int>());

        var block = new HashSet<int>();
        for (var i = best[0]; i <= best[^1]; i++) block.Add(i);
        // A table's last label has its value on the next line.
        if (best[^1] + 1 < lines.Count && LabelOnlyRegex().IsMatch(lines[best[^1]]) && !LabelAtStartRegex().IsMatch(lines[best[^1] + 1]))
            block.Add(best[^1] + 1);

        var joined = string.Join(" ", block.Order().Select(i => lines[i]));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in PairRegex().Matches(joined))
        {
            var v = m.Groups["value"].Value.Trim(' ', '\u3000');
            if (!values.ContainsKey(m.Groups["label"].Value)) values[m.Groups["label"].Value] = v;
        }
        string? Get(params string[] keys) => keys.Select(k => values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var number = Get("文号", "发文字号");
        var cms = new CmsMetadata(Get("发布机构", "发文机关"), number is null ? null : NormalizeNumber(number),
            ParseDate(Get("成文日期")), ParseDate(Get("发布日期")), Get("名称", "标题"));
        return (cms, block);
    }

    private static HashSet<string> DistinctLabels(IReadOnlyList<string> lines, List<int> run) =>
        [.. run.SelectMany(i => PairLabelRegex().Matches(lines[i]).Select(m => m.Groups["label"].Value))];

    /// <summary>Document-number brackets in every form to 〔〕 (the structure stage's rule, kept here so the
    /// clean stage does not depend on it).</summary>
    private static string NormalizeNumber(string raw)
    {
        var s = string.Concat(raw.Where(c => !char.IsWhiteSpace(c)));
        return DocNumberBracketRegex().Replace(s, "〔${year}〕");
    }

    private static DateOnly? ParseDate(string? s)
    {
        if (s is null || DateRegex().Match(s) is not { Success: true } m) return null;
        var (y, mo, d) = (Int(m.Groups["y"].Value), Int(m.Groups["m"].Value), Int(m.Groups["d"].Value));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private const string LabelAlternation = "索引号|主题分类|发布机构|成文日期|发文字号|文号|发布日期|有效性|名称|标题|发文机关|主题词|公开方式|信息分类";

    [GeneratedRegex(@"^(?:" + LabelAlternation + @")\s*(?:[:：]|$)")]
    private static partial Regex LabelAtStartRegex();

    [GeneratedRegex(@"^(?:" + LabelAlternation + @")\s*[:：]?\s*$")]
    private static partial Regex LabelOnlyRegex();

    [GeneratedRegex(@"(?<label>" + LabelAlternation + @")\s*[:：]|^(?<label>" + LabelAlternation + @")\s*$")]
    private static partial Regex PairLabelRegex();

    [GeneratedRegex(@"(?<label>" + LabelAlternation + @")(?:\s*[:：]|\s)\s*(?<value>.*?)(?=\s*(?:" + LabelAlternation + @")\s*[:：]|\s+(?:" + LabelAlternation + @")(?:\s|$)|\s*$)")]
    private static partial Regex PairRegex();

    [GeneratedRegex(@"[〔\[［【(（﹝]\s*(?<year>[12]\d{3})\s*[〕\]］】)）﹞]")]
    private static partial Regex DocNumberBracketRegex();

    [GeneratedRegex(@"(?<y>(19|20)\d{2})\s*(-|/|\.|年)\s*(?<m>\d{1,2})\s*(-|/|\.|月)\s*(?<d>\d{1,2})")]
    private static partial Regex DateRegex();
}
