using System.Runtime.CompilerServices;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Clean;

/// <summary>One HTML page read once: the site-template learner (its rendered lines) and the cleaner (the
/// same lines and the main content) ask for the same page in one run, and AngleSharp parses it once.
/// Pages are remembered against the markup string itself (not its value) for as long as that string lives,
/// i.e. as long as its document does; a page is the pure function of its markup, so what is remembered never
/// changes a result.</summary>
internal sealed class HtmlPage
{
    private static readonly ConditionalWeakTable<string, HtmlPage> Pages = new();

    private Normalized? _lines;

    private HtmlPage(HtmlText text) => Text = text;

    /// <summary>The page text, its main content and its title (<see cref="HtmlContentExtractor.Extract"/>).</summary>
    public HtmlText Text { get; }

    public static HtmlPage Of(string markup) =>
        Pages.GetValue(markup, m => new HtmlPage(HtmlContentExtractor.Extract(m)));

    /// <summary>The lines of the page text once normalised with <paramref name="options"/>, trimmed
    /// (<see cref="Cleaner.SplitLines"/>); the last options asked for are remembered.</summary>
    public IReadOnlyList<string> Lines(NormalizeOptions options)
    {
        if (_lines is { } known && known.Options == options) return known.Lines;
        var lines = Cleaner.SplitLines(Normalizer.Normalize(Text.PageText, options).Text);
        _lines = new Normalized(options, lines);
        return lines;
    }

    private sealed record Normalized(NormalizeOptions Options, List<string> Lines);
}
