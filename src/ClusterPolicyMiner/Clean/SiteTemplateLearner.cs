using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Clean;

/// <summary>Learns each site's template: the lines that recur in at least <c>minDocuments</c> pages of the
/// same site and are not body-like. Body-like lines are never learnt: punctuated sentences, lines opening
/// a structural unit (第X条, （一）, 一、), addressee lines (ending in ：), and signature parts (an issuing body,
/// a date), since two notices of one issuer share their addressees and signature.</summary>
public static partial class SiteTemplateLearner
{
    [GeneratedRegex(@"^(19|20)\d{2}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex SignatureDate();

    [GeneratedRegex(@"(厅|局|委员会|委|政府|办公室|办公厅|部|院|中心|协会|公司)$")]
    private static partial Regex IssuerEnding();

    /// <summary>How many pages of one site a line must appear in to be part of the site's template.</summary>
    public const int MinDocuments = 2;

    /// <summary>Template lines per site key (see <see cref="SiteKey"/>); sites with no template are absent.
    /// Documents whose site cannot be told are skipped. The same rule as a store's line counts
    /// (<see cref="Candidates"/> per page, a line in at least <paramref name="minDocuments"/> pages).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Learn(
        IEnumerable<NormalizedDocument> documents, int minDocuments = MinDocuments) =>
        Learn(documents.Select(Candidates), minDocuments);

    /// <summary>The same from each page's <see cref="Candidates"/>, worked out once.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Learn(IEnumerable<SiteLines> pages, int minDocuments = MinDocuments)
    {
        var perSite = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (page.Site is not { } key) continue;
            if (!perSite.TryGetValue(key, out var counts)) perSite[key] = counts = new(StringComparer.Ordinal);
            foreach (var line in page.Lines)
                counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        var result = new SortedDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (site, counts) in perSite)
        {
            var template = counts.Where(kv => kv.Value >= minDocuments).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            if (template.Count > 0) result[site] = template;
        }
        return result;
    }

    /// <summary>What one page contributes to its site's template: the site it belongs to (null when it cannot
    /// be told) and its distinct lines that could be template lines (not empty, not body-like), in order.</summary>
    public static SiteLines Candidates(NormalizedDocument doc)
    {
        var lines = PageLines(doc);
        var key = SiteKey(PageInfoReader.Read(lines).Page, doc.Decoded.Source);
        if (key is null) return new SiteLines(null, []);
        return new SiteLines(key, [.. lines.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Where(l => !IsBodyLike(l))]);
    }

    /// <summary>A line's key in a store's template counts: 64-bit FNV-1a over its UTF-16 code units, as a
    /// signed integer (SQLite's); stable across runs and machines.</summary>
    public static long LineHash(string line)
    {
        var h = 14695981039346656037UL;
        foreach (var c in line)
        {
            h = (h ^ (byte)c) * 1099511628211UL;
            h = (h ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return unchecked((long)h);
    }

    /// <summary>The site a page belongs to: the source named on its date line (`高新院 achie.org`), else the
    /// host of its URL, else null.</summary>
    public static string? SiteKey(PageInfo page, string source)
    {
        if (!string.IsNullOrWhiteSpace(page.Site)) return page.Site;
        return Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.Host.ToLowerInvariant()
            : null;
    }

    internal static bool IsBodyLike(string line) =>
        LineMeasures.Of(line).IsSentence || StructuralMarker.StartsLine(line)
        || SignatureDate().IsMatch(line) || (line.Length <= 30 && IssuerEnding().IsMatch(line))
        || (LineMeasures.Of(line).Cjk >= 4 && line[^1] is '：' or ':');

    /// <summary>The page's lines as the cleaner sees them (for HTML the rendered text of the whole page).</summary>
    internal static List<string> PageLines(NormalizedDocument doc)
    {
        if (doc.Decoded.Format != DocumentFormat.Html) return Cleaner.SplitLines(doc.Text);
        return [.. HtmlPage.Of(doc.Text).Lines(new NormalizeOptions())];
    }
}

/// <summary>A page's site and the lines it could share with the site's template.</summary>
public sealed record SiteLines(string? Site, IReadOnlyList<string> Lines);
