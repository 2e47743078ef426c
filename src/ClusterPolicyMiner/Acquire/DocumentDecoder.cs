using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Acquire;

/// <summary>Options for turning raw bytes into text.</summary>
public sealed record DecodeOptions
{
    /// <summary>Inputs larger than this are refused with <see cref="DiagnosticCode.TooLarge"/>.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;
}

/// <summary>Sniffs the format of raw bytes and decodes them to text (PDF through an extractor).</summary>
public sealed class DocumentDecoder(DecodeOptions options)
{
    public DecodeOptions Options { get; } = options;

    // PLACEHOLDER: replaced by the Acquire implementation (format sniffing, encoding evidence, pdftotext).
    public DecodedDocument Decode(RawDocument raw) =>
        new(raw.Id, raw.Source, DocumentFormat.Txt, "utf-8", "default",
            System.Text.Encoding.UTF8.GetString(raw.Bytes), []);
}
