namespace ClusterPolicyMiner.Model;

/// <summary>Kinds of outline node, as named in the JSON contract.</summary>
public enum OutlineKind { Part, Chapter, Section, Article, Item, Subitem, Annex }

/// <summary>One node of a document's outline with its span [Start, End) in the clean text.</summary>
public sealed record OutlineNode(
    OutlineKind Kind,
    int Number,
    string? Title,
    string Path,
    int Start,
    int End,
    IReadOnlyList<OutlineNode> Children);

/// <summary>A document cited by the text: 《title》 and its document number when given.</summary>
public sealed record Citation(string Title, string? DocNumber);

/// <summary>The notice's metadata; unknown fields are null.</summary>
public sealed record PolicyMetadata(
    string? Jurisdiction,
    string? Issuer,
    string? Title,
    string? DocNumber,
    string? Kind,
    string? Status,
    DateOnly? Issued,
    DateOnly? Published,
    DateOnly? Effective,
    DateOnly? Expires,
    int? ValidityYears,
    int? EditionYear,
    IReadOnlyList<Citation> Cites)
{
    public static PolicyMetadata Empty { get; } =
        new(null, null, null, null, null, null, null, null, null, null, null, null, []);
}

/// <summary>Where a fact was read: the outline path, the quoted clause and its span in the clean text.</summary>
public sealed record SourceRef(string Path, string Quote, int Start, int End);

/// <summary>One numeric requirement or procedural fact.</summary>
/// <param name="Metric">Canonical metric id from the taxonomy, or "unknown".</param>
/// <param name="Label">The label as written in the text.</param>
/// <param name="Op">One of &gt;=, &lt;=, &gt;, &lt;, ~, =.</param>
/// <param name="Value">The value in canonical units (yuan, percent points, count, years, days).</param>
/// <param name="Unit">CNY, %, km2, count, years, working_days, date.</param>
/// <param name="Phrase">The comparator phrase as written (以上, 不超过, …).</param>
/// <param name="Qualifiers">each-of-last-3-years, annual-average, soft, …</param>
/// <param name="Group">Alternatives joined by 或者 share a group id; null when alone.</param>
public sealed record Threshold(
    string Metric,
    string Label,
    string Op,
    decimal? Value,
    string Unit,
    string Phrase,
    IReadOnlyList<string> Qualifiers,
    string? Group,
    SourceRef Source,
    string? TextValue = null);

/// <summary>The whole model of one document: the JSON contract of <c>cpm extract --json</c>.</summary>
public sealed record PolicyDocument(
    string Id,
    string Source,
    DocumentFormat Format,
    string Encoding,
    string EncodingRule,
    PolicyMetadata Metadata,
    string Text,
    IReadOnlyList<string> Normalizations,
    IReadOnlyList<OutlineNode> Outline,
    IReadOnlyList<Threshold> Thresholds,
    IReadOnlyList<Threshold> Procedural,
    IReadOnlyList<Diagnostic> Diagnostics);
