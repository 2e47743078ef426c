using System.Globalization;
using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Clean;

/// <summary>Where the page facts were found, so that the line cleaner can drop those lines.</summary>
/// <param name="CmsLines">The lines of the CMS information block, read into <see cref="PageInfo.Cms"/>.</param>
internal sealed record PageFacts(PageInfo Page, int DateLine, int HeadlineLine, IReadOnlySet<int> CmsLines);

/// <summary>Reads the site's date line (`来源:高新院 achie.org 日期:2023-08-17 点击:`) and the page headline
/// before the furniture is removed. The date is the site's publication date, not the notice's own.</summary>
internal static partial class PageInfoReader
{
    [GeneratedRegex(@"(?<y>(19|20)\d{2})\s*(-|/|\.|年)\s*(?<m>\d{1,2})\s*(-|/|\.|月)\s*(?<d>\d{1,2})")]
    private static partial Regex Date();

    /// <summary>The value after 来源: up to the next field label or the end.</summary>
    [GeneratedRegex(@"(来源|信息来源|发布机构)[:：]\s*(?<site>.*?)\s*(?=(日期|发布日期|发布时间|时间|点击|浏览|作者|字号|$|(19|20)\d{2}-))")]
    private static partial Regex Source();

    [GeneratedRegex(@"(日期|发布时间|发布日期|发表时间|更新时间|时间|点击|浏览次数|阅读次数)[:：]|^(19|20)\d{2}-\d{1,2}-\d{1,2}\s")]
    private static partial Regex DateFieldLabel();

    /// <summary>A date line in the other common dresses: `发表时间：2023年11月02日 09:15`, `日期：2024/03/15`,
    /// `【2024-07-02】 来源：…`, `2022-10-10 浏览量：123`, `2024-11-05 18:30 海南`. A date written 年月日 alone
    /// on its line is a signature, not this.</summary>
    [GeneratedRegex(@"^(?:(?:发布时间|发布日期|发表时间|更新时间|日期|时间)\s*[:：]\s*(19|20)\d{2}\s*[-/.年]|【\s*(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*】|(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*$|\s+(?:浏览|阅读|点击|来源|作者|编辑|[\p{IsCJKUnifiedIdeographs}]{1,6}$)))")]
    private static partial Regex DressedDateLine();

    /// <summary>A line of page metadata: a 来源 field, or a date field, next to another field label.</summary>
    public static bool IsDateLine(string line)
    {
        if (line.Length > 120 || line.Contains('。') || line.Contains('，')) return false;
        if (line.Length <= 80 && DressedDateLine().IsMatch(line)) return true;
        if (!line.Contains("来源", StringComparison.Ordinal) && !line.Contains("日期", StringComparison.Ordinal)
            && !line.Contains("时间", StringComparison.Ordinal)) return false;
        var hasSource = line.Contains("来源:", StringComparison.Ordinal) || line.Contains("来源：", StringComparison.Ordinal);
        var hasDateField = DateFieldLabel().IsMatch(line);
        return (hasSource && (hasDateField || Date().IsMatch(line))) || (hasDateField && Date().IsMatch(line)
            && (line.Contains("点击", StringComparison.Ordinal) || line.Contains("浏览", StringComparison.Ordinal)
                || line.StartsWith("发布时间", StringComparison.Ordinal) || line.StartsWith("日期", StringComparison.Ordinal)));
    }

    /// <summary>Reads the first date line and the headline next to it; lines are already trimmed.</summary>
    public static PageFacts Read(IReadOnlyList<string> lines, string? htmlTitle = null)
    {
        var dateLine = -1;
        for (var i = 0; i < lines.Count && dateLine < 0; i++)
            if (IsDateLine(lines[i])) dateLine = i;

        DateOnly? published = null;
        string? site = null;
        if (dateLine >= 0)
        {
            var line = lines[dateLine];
            if (Date().Match(line) is { Success: true } m)
                published = ParseDate(m);
            if (Source().Match(line) is { Success: true } s && s.Groups["site"].Value.Length > 0)
                site = s.Groups["site"].Value.Trim();
        }

        var (cms, cmsLines) = CmsBlockReader.Read(lines);
        var headlineLine = FindHeadline(lines, dateLine);
        var headline = headlineLine >= 0 ? lines[headlineLine] : CleanTitle(htmlTitle);
        return new PageFacts(new PageInfo(headline, cms?.Published ?? published, site, cms), dateLine, headlineLine, cmsLines);
    }

    /// <summary>The headline is the line just before the date line when it is a short title, not a sentence,
    /// a menu item or furniture.</summary>
    private static int FindHeadline(IReadOnlyList<string> lines, int dateLine)
    {
        for (var i = dateLine - 1; i >= 0; i--)
        {
            if (lines[i].Length == 0) continue;
            var kind = LineClassifier.Classify(lines[i]);
            if (FurnitureLexicon.OrgName().IsMatch(lines[i])) return -1; // the site's or issuer's name, not a headline
            return kind == LineKind.TitleLike || (kind == LineKind.Plain && LineMeasures.Of(lines[i]).Cjk >= 6) ? i : -1;
        }
        return -1;
    }

    private static DateOnly? ParseDate(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>An HTML title usually carries the site name after a separator: `标题_某某网` or `标题 - 某某网`.</summary>
    private static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var cut = title.Split(['_', '|', '—'], 2)[0];
        var dash = cut.LastIndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0) cut = cut[..dash];
        return cut.Trim() is { Length: > 0 } t ? t : null;
    }
}
