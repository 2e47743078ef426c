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
/// <param name="Programme">The programme the document's criteria belong to: <c>sme_cluster</c> for the SME
/// characteristic cluster programme, otherwise the other programme as named; null when the text names none.</param>
/// <param name="Level">The issuing level: 全国, 省, 市 or 县; null when unknown.</param>
/// <param name="EffectiveRule">How <c>Effective</c> was read or derived (e.g. "自印发之日起: = issued"); null when read as written or unknown.</param>
/// <param name="ExpiresRule">How <c>Expires</c> was read or derived; null when read as written or unknown.</param>
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
    IReadOnlyList<Citation> Cites,
    string? Programme = null,
    string? Level = null,
    string? EffectiveRule = null,
    string? ExpiresRule = null)
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
/// <param name="TextValue">A value that is not a number (a date such as 03-31), when Value is null.</param>
/// <param name="Conditions">What limits the rule to a region or class of applicant (中西部地区, 革命老区, 计划单列市…);
/// empty when the rule holds for every applicant.</param>
/// <param name="Reference">For a relative rule (高于全省平均水平2个百分点), the reference it is measured against.</param>
/// <param name="Exclusion">For a rule read from an exclusion (不足5%的不予认定), the exclusion phrase as written.</param>
/// <param name="UnitWritten">The unit as written in the text (亿元, 万亩, 成), beside the canonical <c>Unit</c>.</param>
/// <param name="Programme">The programme this rule belongs to when the page holds several; null means the document's.</param>
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
    string? TextValue = null,
    IReadOnlyList<string>? Conditions = null,
    string? Reference = null,
    string? Exclusion = null,
    string? UnitWritten = null,
    string? Programme = null)
{
    /// <summary>Conditions, never null.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = Conditions ?? [];
}

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
