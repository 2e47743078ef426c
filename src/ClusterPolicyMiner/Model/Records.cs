namespace ClusterPolicyMiner.Model;

/// <summary>The formats the pipeline understands, sniffed from the bytes.</summary>
public enum DocumentFormat { Txt, Html, Pdf }

/// <summary>Bytes as acquired from a file or URL, before anything is decided about them.</summary>
/// <param name="Source">File path (relative as given) or URL.</param>
/// <param name="Bytes">The raw bytes.</param>
/// <param name="HttpCharset">The charset of an HTTP Content-Type header, when fetched.</param>
public sealed record RawDocument(string Source, byte[] Bytes, string? HttpCharset = null)
{
    /// <summary>sha256 of the bytes, lower-case hex: the document's id.</summary>
    public string Id { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes));
}

/// <summary>Text decoded from the bytes; for HTML it is the markup, for PDF pdftotext's output.</summary>
/// <param name="EncodingRule">Which evidence decided the encoding: bom, http, meta, statistics, pdf.</param>
public sealed record DecodedDocument(
    string Id,
    string Source,
    DocumentFormat Format,
    string Encoding,
    string EncodingRule,
    string Text,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Decoded text after normalisation (T→S, widths, pinyin marks, CJK spacing).</summary>
public sealed record NormalizedDocument(
    DecodedDocument Decoded,
    string Text,
    IReadOnlyList<string> Normalizations,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Facts read from the page furniture before it was removed: the site's headline and date line
/// (来源:… 日期:2023-08-17), kept apart from the notice's own signature date.</summary>
/// <param name="Cms">The government CMS block (索引号 / 发布机构 / 成文日期 / 文号 / 发布日期), read as
/// metadata before it was removed; null when the page has none.</param>
public sealed record PageInfo(string? Headline, DateOnly? Published, string? Site, CmsMetadata? Cms = null)
{
    public static PageInfo None { get; } = new(null, null, null);
}

/// <summary>The clean body: furniture, repeated copies and page furniture removed.</summary>
public sealed record CleanDocument(
    NormalizedDocument Normalized,
    string Text,
    PageInfo Page,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The fields of a government CMS information block (信息公开 table or run of label-value pairs);
/// a field the block leaves empty is null.</summary>
public sealed record CmsMetadata(string? Issuer, string? DocNumber, DateOnly? Issued, DateOnly? Published, string? Title);
