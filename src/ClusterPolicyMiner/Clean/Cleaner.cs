using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Clean;

/// <summary>Site templates held outside the options, e.g. as line counts in a store.</summary>
public interface ISiteTemplates
{
    /// <summary>True when <paramref name="line"/> is part of the template of <paramref name="site"/>.</summary>
    bool Contains(string site, string line);
}

/// <summary>Options of the cleaning stage.</summary>
public sealed record CleanOptions
{
    /// <summary>Lines removed from every document, whatever its site.</summary>
    public IReadOnlySet<string> TemplateLines { get; init; } = new HashSet<string>();

    /// <summary>Lines learnt as the furniture of each site (see <see cref="SiteTemplateLearner"/>), keyed by
    /// the site of the page's date line (<see cref="PageInfo.Site"/>) or else the host of its URL.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> SiteTemplates { get; init; } =
        new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>Whether a line is in a site's template when the templates are kept elsewhere (a store's line
    /// counts) rather than in <see cref="SiteTemplates"/>: called with the site key and the line.</summary>
    public ISiteTemplates? SiteTemplateIndex { get; init; }

    /// <summary>The normalisation that settles the whitespace of text read from HTML or joined across PDF
    /// pages (the same as the pipeline's, but never characters-only).</summary>
    public NormalizeOptions Normalize { get; init; } = new();

    /// <summary>Below this many CJK characters of clean text a NoBodyText diagnostic is reported.</summary>
    public int MinBodyCjk { get; init; } = 20;
}

/// <summary>Removes site furniture, page furniture and repeated copies of the body.
/// Steps, in order: (HTML) main-content extraction on the DOM, (PDF) page numbers, running headers and
/// footers and paragraphs joined over page breaks; then on the lines: the page facts are read
/// (<see cref="PageInfo"/>), attribute debris is stripped, the site's template lines go, a repeated body is
/// kept once, and line classification keeps the notice from its first line to the tail furniture.
/// The clean text is the kept lines, trimmed, one paragraph per line, each ending with \n.</summary>
public static partial class Cleaner
{
    public static CleanDocument Clean(NormalizedDocument doc, CleanOptions? options = null)
    {
        options ??= new CleanOptions();
        var settle = options.Normalize with { CharactersOnly = false };
        var diagnostics = new List<Diagnostic>();
        var id = doc.Decoded.Id;

        string text;
        PageFacts? htmlFacts = null;
        switch (doc.Decoded.Format)
        {
            case DocumentFormat.Html:
                var htmlPage = HtmlPage.Of(doc.Text);
                var html = htmlPage.Text;
                var facts = PageInfoReader.Read(htmlPage.Lines(settle), html.Title);
                htmlFacts = facts with { DateLine = -1, HeadlineLine = -1, CmsLines = new HashSet<int>() };
                text = Normalizer.Normalize(html.ContentText, settle).Text;
                break;
            case DocumentFormat.Pdf:
                text = Normalizer.Normalize(PdfPageCleaner.Clean(doc.Text), settle).Text;
                break;
            default:
                text = doc.Text;
                break;
        }

        var lines = SplitLines(text);
        var page = htmlFacts ?? PageInfoReader.Read(lines);
        var offsets = LineOffsets(text);

        lines = [.. lines.Select(FurnitureLexicon.StripTrailingDebris)];
        var dropped = new HashSet<int>();
        var template = TemplateFor(page.Page, doc.Decoded.Source, options);
        for (var i = 0; i < lines.Count; i++)
            if (template(lines[i]) && i != page.DateLine) dropped.Add(i);
        // The CMS block was read into PageInfo.Cms (from the whole page for HTML): its lines go.
        dropped.UnionWith(htmlFacts is null ? page.CmsLines : CmsBlockReader.Read(lines).Lines);

        foreach (var copy in RepeatedBody.Find(lines, dropped))
            diagnostics.Add(new Diagnostic(DiagnosticCode.RepeatedBodyRemoved, id, offsets[copy.FirstLine],
                $"a repeated copy of the body was removed (lines {copy.FirstLine + 1}-{copy.LastLine + 1}, {copy.Chars} characters)"));

        var remaining = Enumerable.Range(0, lines.Count).Where(i => !dropped.Contains(i)).ToList();
        var keep = LineClassifier.Keep([.. remaining.Select(i => lines[i])],
            remaining.IndexOf(page.HeadlineLine), page.Page.Headline);
        var kept = remaining.Where((_, k) => keep[k]).Select(i => lines[i]).ToList();
        foreach (var i in remaining.Where((_, k) => !keep[k]).Where(i => LooksLikeContent(lines[i])))
            diagnostics.Add(new Diagnostic(DiagnosticCode.ContentRemoved, id, offsets[i],
                $"line {i + 1} was removed as page furniture although it reads like content (sentences and numbers): {Quote(lines[i])}"));
        var clean = DocNumberBrackets.Normalize(kept.Count == 0 ? "" : string.Join('\n', kept) + "\n");

        if (LineMeasures.Of(clean).Cjk < options.MinBodyCjk)
            diagnostics.Add(new Diagnostic(DiagnosticCode.NoBodyText, id, null,
                $"only {LineMeasures.Of(clean).Cjk} CJK characters of body text are left after cleaning"));
        return new CleanDocument(doc, clean, page.Page, diagnostics);
    }

    /// <summary>A paragraph of sentences with two or more quantities (a number with a unit or measure word) in
    /// it: if the cleaner drops one, a reader must hear of it.</summary>
    internal static bool LooksLikeContent(string line)
    {
        var m = LineMeasures.Of(line);
        var sentences = line.Count(c => c is '。' or '；' or '！' or '？');
        return sentences >= 1 && Quantity().Count(line) >= 2 && m.Cjk >= 15;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千万亿]+)\s*(?:亿元|万元|元|个|家|项|年|倍|人|名|件|%|％)")]
    private static partial System.Text.RegularExpressions.Regex Quantity();

    private static string Quote(string line) => line.Length <= 40 ? $"「{line}」" : $"「{line[..40]}…」";

    internal static List<string> SplitLines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim(LineTrim))];

    private static readonly char[] LineTrim = [' ', '\t', '\r', '\f', '\u3000', '\u00a0'];

    private static int[] LineOffsets(string text)
    {
        var offsets = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') offsets.Add(i + 1);
        return [.. offsets];
    }

    private static Func<string, bool> TemplateFor(PageInfo page, string source, CleanOptions options)
    {
        var key = SiteTemplateLearner.SiteKey(page, source);
        var site = key is not null && options.SiteTemplates.TryGetValue(key, out var lines) ? lines : null;
        var index = key is null ? null : options.SiteTemplateIndex;
        return line => options.TemplateLines.Contains(line) || site?.Contains(line) == true
                       || index?.Contains(key!, line) == true;
    }
}
