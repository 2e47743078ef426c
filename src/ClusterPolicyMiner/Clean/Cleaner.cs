using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Clean;

/// <summary>Options of the cleaning stage.</summary>
public sealed record CleanOptions
{
    /// <summary>Lines or blocks learnt as the furniture of a site (see SiteTemplateLearner).</summary>
    public IReadOnlySet<string> TemplateLines { get; init; } = new HashSet<string>();
}

/// <summary>Removes site furniture, page furniture and repeated copies of the body.</summary>
public static class Cleaner
{
    // PLACEHOLDER: replaced by the Clean implementation.
    public static CleanDocument Clean(NormalizedDocument doc, CleanOptions? options = null) =>
        new(doc, doc.Text, PageInfo.None, []);
}
