using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Structure;

/// <summary>The kind of a document in the contract's vocabulary: measures, application, recommendation,
/// publicity, list, review (notices and measures of an issuing body) and news, explainer, summary (secondary
/// sources). Decided on the title first, then on signals of the text; null when nothing says.</summary>
internal static partial class DocumentKinds
{
    /// <summary>Title words of the secondary sources, checked first.</summary>
    private static readonly (string Kind, string[] Words)[] SecondaryWords =
    [
        ("explainer", ["解读", "一图读懂", "图解", "答记者问", "问答"]),
        ("summary", ["搜索结果", "摘要", "汇编", "汇总", "要点"]),
    ];

    /// <summary>Title words of the work a notice calls for; when a title names several (申报和…复核工作),
    /// the first named wins.</summary>
    private static readonly (string Kind, string[] Words)[] WorkWords =
    [
        ("review", ["复核"]),
        ("recommendation", ["推荐"]),
        ("application", ["申报", "申请", "遴选", "认定工作", "培育工作", "征集"]),
    ];

    /// <summary>A 公示 is a publicity whatever it lists (拟认定名单公示); 名单 and 公布 without any work named is a list.</summary>
    private static readonly string[] PublicityWords = ["公示"];

    private static readonly string[] ListWords = ["名单", "公布"];

    private static readonly string[] MeasureWords =
        ["办法", "细则", "措施", "方案", "条例", "规定", "认定标准", "指南", "意见"];

    public static string? Of(string? title, string? noticeTitle, string text)
    {
        var t = title ?? noticeTitle ?? "";
        var notice = noticeTitle ?? t;
        // A notice without its title says what it is about in its opening: 现就…申报工作,通知如下.
        if (notice.Length == 0 && NoticeOpeningRegex().Match(text[..Math.Min(text.Length, 600)]) is { Success: true } op)
            notice = op.Value;
        if (IsMeasureTitle(t) && !SecondaryWords.Any(w => ContainsAny(t, w.Words))) return "measures";
        var opening = text[..Math.Min(text.Length, 600)];
        if (SearchResultsRegex().IsMatch(opening)) return "summary";
        foreach (var (kind, words) in SecondaryWords)
            if (ContainsAny(t, words)) return kind;
        // A report about a notice, under a headline that is not an official title.
        if (!OfficialTitleRegex().IsMatch(t) && NewsSignalRegex().IsMatch(text)) return "news";
        foreach (var s in (string[])[t, notice])
        {
            if (ContainsAny(s, PublicityWords)) return "publicity";
            var first = WorkWords.Select(w => (w.Kind, At: w.Words.Select(x => s.IndexOf(x, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min()))
                .MinBy(x => x.At);
            if (first.At != int.MaxValue) return first.Kind;
            if (ContainsAny(s, ListWords)) return "list";
        }
        if (notice.Length > 0 && OfficialTitleRegex().IsMatch(notice) && notice.Contains("开展", StringComparison.Ordinal))
            return "application";
        return null;
    }

    /// <summary>The title is a measure's own (…管理办法, …若干措施（征求意见稿）), not a notice about one.</summary>
    private static bool IsMeasureTitle(string title)
    {
        if (title.Length == 0) return false;
        var core = BracketTailRegex().Replace(title, "");
        return MeasureWords.Any(w => core.EndsWith(w, StringComparison.Ordinal))
            || (core.Contains("印发", StringComparison.Ordinal) && MeasureWords.Any(w => core.Contains(w, StringComparison.Ordinal)));
    }

    private static bool ContainsAny(string s, string[] words) => words.Any(w => s.Contains(w, StringComparison.Ordinal));

    [GeneratedRegex(@"([（(][^（()）]{1,12}[）)])+$")]
    private static partial Regex BracketTailRegex();

    [GeneratedRegex(@"关于.{2,120}的(?:通知|公告|通告|公示|决定|意见|批复|函)|(?:办法|细则|措施|方案|公示)$")]
    private static partial Regex OfficialTitleRegex();

    [GeneratedRegex(@"记者|本网讯|讯（|责任编辑|编辑：|小编|来源：[^\n]{0,12}(网|报|新闻|客户端)")]
    private static partial Regex NewsSignalRegex();

    [GeneratedRegex(@"现就[^。]{2,80}通知如下")]
    private static partial Regex NoticeOpeningRegex();

    [GeneratedRegex(@"找到约?\s*[\d,]+\s*条结果|搜索结果")]
    private static partial Regex SearchResultsRegex();
}
