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

    /// <summary>Template lines per site key (see <see cref="SiteKey"/>); sites with no template are absent.
    /// Documents whose site cannot be told are skipped.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Learn(
        IEnumerable<NormalizedDocument> documents, int minDocuments = 2)
    {
        var perSite = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            var lines = PageLines(doc);
            var key = SiteKey(PageInfoReader.Read(lines).Page, doc.Decoded.Source);
            if (key is null) continue;
            if (!perSite.TryGetValue(key, out var counts)) perSite[key] = counts = new(StringComparer.Ordinal);
            foreach (var line in lines.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal))
                counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        var result = new SortedDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (site, counts) in perSite)
        {
            var template = counts.Where(kv => kv.Value >= minDocuments && !IsBodyLike(kv.Key))
                .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            if (template.Count > 0) result[site] = template;
        }
        return result;
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
    private static List<string> PageLines(NormalizedDocument doc)
    {
        if (doc.Decoded.Format != DocumentFormat.Html) return Cleaner.SplitLines(doc.Text);
        return [.. HtmlPage.Of(doc.Text).Lines(new NormalizeOptions())];
    }
}
