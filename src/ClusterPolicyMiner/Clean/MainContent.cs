using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Clean;

/// <summary>Main-content extraction on its own: one decoded document normalised and cleaned as the pipeline
/// cleans a document that comes alone (no other page of its site to learn a template from), without reading
/// its structure or thresholds. An HTML page's clean text is its main content. What <c>cpm extract --text</c>
/// prints, and what the extraction benchmarks measure against Readability.</summary>
public static class MainContent
{
    public static CleanDocument Of(DecodedDocument decoded, NormalizeOptions? normalize = null)
    {
        normalize ??= new NormalizeOptions();
        var options = decoded.Format == DocumentFormat.Html ? normalize with { CharactersOnly = true } : normalize;
        var normalized = Normalizer.Normalize(decoded.Text, options);
        return Cleaner.Clean(new NormalizedDocument(decoded, normalized.Text, normalized.Fired, decoded.Diagnostics));
    }
}
