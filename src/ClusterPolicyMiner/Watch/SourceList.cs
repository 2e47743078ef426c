using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClusterPolicyMiner.Watch;

/// <summary>A listing page to watch: where it is, how its notice links are found, and the keywords a
/// link's text must contain (any one of them; none means every link).</summary>
/// <param name="Selector">CSS selector of the links (or of elements holding them), read with AngleSharp.</param>
/// <param name="Pattern">Instead of a selector: a regular expression over the markup whose group
/// <c>url</c> (else group 1) is the link and optional group <c>text</c> its text; use inline flags
/// such as (?s) or (?i) where needed.</param>
public sealed record ListingPage(Uri Url, string? Selector, string? Pattern, IReadOnlyList<string> Keywords);

/// <summary>The listing pages of one jurisdiction (e.g. 陕西省).</summary>
public sealed record WatchedJurisdiction(string Name, IReadOnlyList<ListingPage> Listings);

/// <summary>The contents of <c>corpus/sources.yaml</c>. Invalid entries are left out and described in
/// <see cref="Errors"/> (one line each, with the YAML line when known); nothing throws.</summary>
public sealed record SourceList(IReadOnlyList<WatchedJurisdiction> Jurisdictions, IReadOnlyList<string> Errors)
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(1);

    public static SourceList Parse(string yaml)
    {
        SourcesFile file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<SourcesFile?>(yaml) ?? new SourcesFile();
        }
        catch (YamlException e)
        {
            return new SourceList([], [$"line {e.Start.Line}: {(e.InnerException ?? e).Message.ReplaceLineEndings(" ")}"]);
        }

        var errors = new List<string>();
        var jurisdictions = new List<WatchedJurisdiction>();
        foreach (var entry in file.Jurisdictions ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add("a jurisdiction without a name was skipped");
                continue;
            }
            var listings = new List<ListingPage>();
            foreach (var listing in entry.Listings ?? [])
            {
                if (Validate(entry.Name, listing) is { } error) errors.Add(error);
                else listings.Add(new ListingPage(new Uri(listing.Url!), Blank(listing.Selector), Blank(listing.Pattern),
                    [.. (listing.Keywords ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim())]));
            }
            jurisdictions.Add(new WatchedJurisdiction(entry.Name.Trim(), listings));
        }
        return new SourceList(jurisdictions, errors);
    }

    /// <summary>The links a pattern finds, compiled with a time budget against runaway expressions.</summary>
    internal static Regex CompilePattern(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, RegexBudget);

    private static string? Validate(string jurisdiction, ListingEntry listing)
    {
        var where = $"{jurisdiction}: listing {listing.Url ?? "(no url)"}";
        if (!Uri.TryCreate(listing.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return $"{where}: url must be an absolute http(s) URL";
        if (Blank(listing.Selector) is not null && Blank(listing.Pattern) is not null)
            return $"{where}: give a selector or a pattern, not both";
        if (Blank(listing.Selector) is { } selector)
        {
            try { new HtmlParser().ParseDocument("").QuerySelectorAll(selector); }
            catch (Exception e) { return $"{where}: selector '{selector}' is not valid CSS ({e.Message})"; }
        }
        if (Blank(listing.Pattern) is { } pattern)
        {
            try { CompilePattern(pattern); }
            catch (ArgumentException e) { return $"{where}: pattern is not a valid regular expression ({e.Message})"; }
        }
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // The YAML shape; YamlDotNet fills these, then they are checked and turned into the records above.
    private sealed class SourcesFile
    {
        public List<JurisdictionEntry>? Jurisdictions { get; set; }
    }

    private sealed class JurisdictionEntry
    {
        public string? Name { get; set; }
        public List<ListingEntry>? Listings { get; set; }
    }

    private sealed class ListingEntry
    {
        public string? Url { get; set; }
        public string? Selector { get; set; }
        public string? Pattern { get; set; }
        public List<string>? Keywords { get; set; }
    }
}
