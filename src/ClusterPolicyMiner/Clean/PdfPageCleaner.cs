using System.Text;
using System.Text.RegularExpressions;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Clean;

/// <summary>Removes the page furniture of pdftotext output (pages separated by \f): page numbers, running
/// headers and footers, and joins a paragraph that a page break cut in two.</summary>
internal static partial class PdfPageCleaner
{
    /// <summary>How many lines at the top and at the bottom of a page may be a running header or footer.</summary>
    private const int EdgeLines = 2;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    public static string Clean(string text)
    {
        var pages = text.Split('\f').Select(p => p.Split('\n').Select(Trim).ToList()).ToList();
        if (pages.Count > 1 && pages[^1].All(l => l.Length == 0)) pages.RemoveAt(pages.Count - 1);

        var running = RunningLines(pages);
        var kept = pages.Select(p => DropEdges(p, running)).ToList();

        var sb = new StringBuilder();
        string? pending = null; // the last non-blank line of the previous page, not yet written
        foreach (var page in kept)
        {
            var lines = TrimBlankEdges(page);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (pending is not null)
                {
                    if (i == 0 && ContinuesParagraph(pending, line)) line = Join(pending, line);
                    else sb.Append(pending).Append('\n');
                    pending = null;
                }
                if (i == lines.Count - 1) pending = line;
                else sb.Append(line).Append('\n');
            }
        }
        if (pending is not null) sb.Append(pending).Append('\n');
        return sb.ToString();
    }

    private static string Trim(string line) => line.Trim(' ', '\t', '\r', '\u3000', '\u00a0');

    /// <summary>A line's identity as a header or footer: digits stand for any number (`第3页`, `2023年第5期`).</summary>
    private static string EdgeKey(string line) => Digits().Replace(line, "#");

    /// <summary>Lines at the top or bottom of most pages (at least two, and more than half of them).</summary>
    private static HashSet<string> RunningLines(List<List<string>> pages)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (pages.Count < 2) return result;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var nonBlank = page.Where(l => l.Length > 0).ToList();
            var edges = nonBlank.Take(EdgeLines).Concat(nonBlank.Skip(Math.Max(EdgeLines, nonBlank.Count - EdgeLines)))
                .Select(EdgeKey).Distinct();
            foreach (var e in edges) counts[e] = counts.GetValueOrDefault(e) + 1;
        }
        var needed = Math.Max(2, pages.Count / 2 + 1);
        foreach (var (key, n) in counts)
            if (n >= needed && !LineMeasures.Of(key).IsSentence && !StructuralMarker.StartsLine(key))
                result.Add(key);
        return result;
    }

    /// <summary>Drops page numbers, and running lines among the first and last lines of the page only (a
    /// running header may also be the signature in the body).</summary>
    private static List<string> DropEdges(List<string> page, HashSet<string> running)
    {
        var lines = TrimBlankEdges(page.Where(l => !LineClassifier.IsPageNumber(l)).ToList());
        int top = 0, bottom = lines.Count;
        while (top < Math.Min(EdgeLines, bottom) && running.Contains(EdgeKey(lines[top]))) top++;
        while (bottom > top && lines.Count - bottom < EdgeLines && running.Contains(EdgeKey(lines[bottom - 1]))) bottom--;
        return lines.GetRange(top, bottom - top);
    }

    private static List<string> TrimBlankEdges(List<string> lines)
    {
        var start = lines.FindIndex(l => l.Length > 0);
        if (start < 0) return [];
        var end = lines.FindLastIndex(l => l.Length > 0);
        return lines.GetRange(start, end - start + 1);
    }

    /// <summary>A paragraph continues over the break when the previous page's last line has no
    /// sentence-final punctuation and the next page does not open with a heading.</summary>
    private static bool ContinuesParagraph(string before, string after) =>
        before.Length > 0 && after.Length > 0 && !LineMeasures.IsSentenceFinal(before[^1])
        && !StructuralMarker.StartsLine(after) && !LineClassifier.IsTitleLike(before) && !IsHeading(before);

    /// <summary>A heading such as 六、具有较高绿色化发展水平 or 第二章 培育要求: a structural marker, short,
    /// without clause punctuation. The body after it on the next page is not part of it.</summary>
    private static bool IsHeading(string line) =>
        StructuralMarker.StartsLine(line) && line.Length <= 40 && !line.Any(c => c is '，' or '；' or '。' or ',' or ';');

    private static string Join(string before, string after) => PdfLayout.JoinWrapped(before, after);
}
