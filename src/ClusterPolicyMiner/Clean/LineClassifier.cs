using System.Text.RegularExpressions;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Clean;

/// <summary>What one line of a page dump is.</summary>
internal enum LineKind
{
    Blank,
    /// <summary>Lexicon furniture, breadcrumbs, date lines, widgets, HTML debris, page numbers.</summary>
    Furniture,
    /// <summary>A heading after which only furniture follows (相关阅读, 上一篇, 版权声明, …).</summary>
    TailMarker,
    /// <summary>A short link-like line: a menu item.</summary>
    LinkLike,
    /// <summary>A headline without clause punctuation (关于…的通知).</summary>
    TitleLike,
    /// <summary>A punctuated sentence or a line opening a structural unit (第X条, （一）, 一、, 附件).</summary>
    Body,
    /// <summary>Anything else: issuer names, dates, contact lines, short headings.</summary>
    Plain,
}

/// <summary>Classifies the lines of a page dump with the Chinese measures and the furniture lexicon, then
/// decides which lines are the notice: from its first line (title, addressee or text) to the last line
/// before the tail furniture, minus furniture inside.</summary>
internal static partial class LineClassifier
{
    [GeneratedRegex(@"^[-—–]?\s*\d{1,3}\s*[-—–]?$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d{1,3}\s*/\s*\d{1,3}$|^[—–-]\s*\d{1,3}\s*[—–-]$")]
    private static partial Regex PageNumber();

    /// <summary>How many lines from the start of the notice its own title may stand (issuer, number, title).</summary>
    private const int OwnTitleReach = 4;

    public static bool IsPageNumber(string line) => PageNumber().IsMatch(line);

    public static bool IsTitleLike(string line) =>
        line.Length is >= 6 and <= 100 && !LineMeasures.Of(line).IsSentence
        && !line.Any(c => c is '。' or '，' or '；' or ',' or ';')
        && !StructuralMarker.StartsLine(line) && FurnitureLexicon.TitleEnding().IsMatch(line);

    public static LineKind Classify(string line)
    {
        if (line.Length == 0) return LineKind.Blank;
        var m = LineMeasures.Of(line);
        if (FurnitureLexicon.IsTailMarker(line) && !m.IsSentence) return LineKind.TailMarker;
        if (StructuralMarker.StartsLine(line) && !FurnitureLexicon.IsHtmlDebris(line)) return LineKind.Body;
        if (IsFurniture(line, m)) return LineKind.Furniture;
        if (m.IsSentence) return LineKind.Body;
        if (FurnitureLexicon.MenuItemPrefix().IsMatch(line) && line.Length <= 24 && m.Punctuation == 0)
            return LineKind.LinkLike;
        if (IsTitleLike(line)) return LineKind.TitleLike;
        return LineKind.Plain;
    }

    private static bool IsFurniture(string line, LineMeasures m)
    {
        if (FurnitureLexicon.Widgets.Contains(line) || FurnitureLexicon.FontSizeBar().IsMatch(line)) return true;
        if (FurnitureLexicon.IsHtmlDebris(line) || (line.Length <= 16 && IsPageNumber(line))) return true;
        // No CJK and no digit: `Network`, `TOP`, `|`, stray template words.
        if (m.Cjk == 0 && !line.Any(char.IsDigit) && line.Length <= 24) return true;
        if (m.IsSentence)
            return (FurnitureLexicon.StartsWithPhrase(line) && m.Cjk < 120) || FurnitureLexicon.ContainsPromo(line);
        return FurnitureLexicon.ContainsPhrase(line) || PageInfoReader.IsDateLine(line)
            || FurnitureLexicon.IsBreadcrumb(line) || HasFurnitureFeatures(line, m);
    }

    /// <summary>Features of furniture that no lexicon lists: a service number (400/800, or a number beside
    /// 热线, 客服, 咨询, 微信, 举报; a name and a number alone is the notice's contact and stays), a keyword or menu run (terms joined by `_` or `|`),
    /// a navigation bar opening with 首页, a site's own name, an advertising or disclaimer phrase.</summary>
    private static bool HasFurnitureFeatures(string line, LineMeasures m)
    {
        if (line.Length > 120 || line.Contains('。')) return false;
        if (FurnitureLexicon.PhoneNumber().Match(line) is { Success: true } phone && !FurnitureLexicon.ContactLine().IsMatch(line)
            && (phone.Value[0] is '4' or '8' || FurnitureLexicon.ServiceWord().IsMatch(line)))
            return true;
        if (FurnitureLexicon.KeywordRun().IsMatch(line)) return true;
        if (line.StartsWith("首页", StringComparison.Ordinal) && m.Punctuation == 0 && line.Length <= 60) return true;
        return FurnitureLexicon.SiteName().IsMatch(line) || FurnitureLexicon.ContainsPromo(line);
    }

    /// <summary>Which lines to keep. <paramref name="headlineLine"/> is the page headline found next to the
    /// date line (or -1): it goes, and so does every later repetition of <paramref name="headline"/> except
    /// the notice's own title (the first line of the body).</summary>
    public static bool[] Keep(IReadOnlyList<string> lines, int headlineLine, string? headline)
    {
        var kinds = lines.Select(Classify).ToArray();
        var keep = new bool[lines.Count];

        MarkBanners(lines, kinds);
        var start = FindStart(lines, kinds, headlineLine);
        if (start < 0) return keep;
        var end = FindEnd(kinds, start);
        MarkHeadlineLists(kinds, start, end);

        // The notice's own title may follow an issuer line and a document number: its first occurrence near
        // the start is kept.
        var ownTitle = headline is null ? -1 : Enumerable.Range(start, Math.Min(OwnTitleReach, end - start)).FirstOrDefault(i => lines[i] == headline, -1);
        for (var i = start; i < end; i++)
        {
            var k = kinds[i];
            if (k is LineKind.Blank or LineKind.Furniture or LineKind.TailMarker) continue;
            if (k == LineKind.LinkLike && IsInRun(kinds, i, LineKind.LinkLike)) continue;
            if (headline is not null && i != start && i != ownTitle && lines[i] == headline) continue;
            keep[i] = true;
        }
        return keep;
    }

    /// <summary>Before the first body line, an organisation's bare name followed by a menu, breadcrumb or
    /// date line is the site's banner, not an issuer line above the title.</summary>
    private static void MarkBanners(IReadOnlyList<string> lines, LineKind[] kinds)
    {
        for (var i = 0; i < lines.Count && kinds[i] != LineKind.Body; i++)
        {
            if (kinds[i] != LineKind.Plain || !FurnitureLexicon.OrgName().IsMatch(lines[i])) continue;
            var next = i + 1;
            while (next < lines.Count && kinds[next] == LineKind.Blank) next++;
            if (next < lines.Count && kinds[next] is LineKind.Furniture or LineKind.LinkLike) kinds[i] = LineKind.Furniture;
        }
    }

    /// <summary>The first line that is neither furniture, a menu, nor the page headline.</summary>
    private static int FindStart(IReadOnlyList<string> lines, LineKind[] kinds, int headlineLine)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == headlineLine) continue;
            if (kinds[i] is LineKind.Body or LineKind.Plain) return i;
            if (kinds[i] == LineKind.TitleLike && !IsInRun(kinds, i, LineKind.TitleLike)) return i;
        }
        return -1;
    }

    /// <summary>The body ends at the first tail marker after a body line, then trailing furniture is trimmed.</summary>
    private static int FindEnd(LineKind[] kinds, int start)
    {
        var end = kinds.Length;
        var sawBody = false;
        for (var i = start; i < kinds.Length; i++)
        {
            if (kinds[i] == LineKind.Body) sawBody = true;
            else if (kinds[i] == LineKind.TailMarker && sawBody) { end = i; break; }
        }
        while (end > start && kinds[end - 1] is LineKind.Blank or LineKind.Furniture or LineKind.LinkLike
                   or LineKind.TailMarker)
            end--;
        return end;
    }

    /// <summary>Runs of two or more headlines after the first body line are lists of other pages' headlines.</summary>
    private static void MarkHeadlineLists(LineKind[] kinds, int start, int end)
    {
        var firstBody = Array.IndexOf(kinds, LineKind.Body, start);
        if (firstBody < 0) return;
        var listed = Enumerable.Range(firstBody, Math.Max(0, end - firstBody))
            .Where(i => kinds[i] == LineKind.TitleLike && IsInRun(kinds, i, LineKind.TitleLike)).ToList();
        foreach (var i in listed) kinds[i] = LineKind.Furniture;
    }

    /// <summary>Whether the nearest non-blank neighbour on either side has the same kind.</summary>
    private static bool IsInRun(LineKind[] kinds, int i, LineKind kind)
    {
        for (var j = i - 1; j >= 0; j--)
            if (kinds[j] != LineKind.Blank) { if (kinds[j] == kind) return true; break; }
        for (var j = i + 1; j < kinds.Length; j++)
            if (kinds[j] != LineKind.Blank) return kinds[j] == kind;
        return false;
    }
}
