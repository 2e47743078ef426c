using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ClusterPolicyMiner.Watch;

/// <summary>A notice link found on a listing page, absolute, without fragment.</summary>
internal sealed record ListingLink(Uri Url, string Title);

/// <summary>Finds the notice links of a listing page by its selector or pattern, keeps those whose
/// text holds a keyword, resolves them against the page (and its &lt;base&gt;), in page order.</summary>
internal static partial class LinkExtractor
{
    /// <summary>The links, or an error when the pattern ran out of its time budget.</summary>
    public static (IReadOnlyList<ListingLink> Links, string? Error) Extract(string html, Uri pageUrl, ListingPage listing)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href
            && Uri.TryCreate(pageUrl, href.Trim(), out var declared) ? declared : pageUrl;

        IEnumerable<(string Href, string Text, string Title)> candidates;
        try
        {
            candidates = listing.Pattern is { } pattern ? ByPattern(html, pattern) : BySelector(document, listing.Selector);
        }
        catch (RegexMatchTimeoutException)
        {
            return ([], "listing: the link pattern took too long on this page");
        }
        var links = new List<ListingLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rawHref, text, title) in candidates)
        {
            if (listing.Keywords.Count > 0 && !listing.Keywords.Any(k => text.Contains(k, StringComparison.Ordinal) || title.Contains(k, StringComparison.Ordinal)))
                continue;
            if (Resolve(baseUrl, rawHref) is not { } url || !seen.Add(url.AbsoluteUri)) continue;
            // Portals shorten long titles in the text and keep the full one in the title attribute.
            links.Add(new ListingLink(url, title.Length > text.Length ? title : text));
        }
        return (links, null);
    }

    private static IEnumerable<(string Href, string Text, string Title)> BySelector(IDocument document, string? selector)
    {
        var matched = document.QuerySelectorAll(selector ?? "a[href]");
        foreach (var element in matched)
        {
            IEnumerable<IElement> anchors = element.LocalName == "a" && element.HasAttribute("href")
                ? [element]
                : element.QuerySelectorAll("a[href]");
            foreach (var anchor in anchors)
                yield return (anchor.GetAttribute("href")!, Squeeze(anchor.TextContent), Squeeze(anchor.GetAttribute("title") ?? ""));
        }
    }

    // Matched eagerly, so a runaway pattern times out inside Extract's guard.
    private static List<(string Href, string Text, string Title)> ByPattern(string html, string pattern)
    {
        var found = new List<(string, string, string)>();
        foreach (Match match in SourceList.CompilePattern(pattern).Matches(html))
        {
            var url = match.Groups["url"] is { Success: true } named ? named : match.Groups[1];
            if (!url.Success) continue;
            var text = match.Groups["text"] is { Success: true } t ? t.Value : Tags().Replace(match.Value, " ");
            found.Add((WebUtility.HtmlDecode(url.Value), Squeeze(WebUtility.HtmlDecode(text)), ""));
        }
        return found;
    }

    private static Uri? Resolve(Uri baseUrl, string href)
    {
        if (!Uri.TryCreate(baseUrl, href.Trim(), out var url)) return null;
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return null;
        return url.Fragment.Length == 0 ? url : new Uri(url.GetLeftPart(UriPartial.Query));
    }

    private static string Squeeze(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
