using System.Text;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Acquire;

/// <summary>Options for turning raw bytes into text.</summary>
public sealed record DecodeOptions
{
    /// <summary>Inputs larger than this are refused with <see cref="DiagnosticCode.TooLarge"/>.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The pdftotext command (a name looked up on PATH, or a path) used by the default extractor.</summary>
    public string PdfToTextCommand { get; init; } = "pdftotext";

    /// <summary>How long pdftotext may run on one file before its process tree is killed.</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>Sniffs the format of raw bytes and decodes them to text (PDF through an extractor).
/// Bad input is reported as diagnostics on the result, never thrown.</summary>
public sealed class DocumentDecoder(DecodeOptions options, IPdfTextExtractor? pdfExtractor = null)
{
    private readonly IPdfTextExtractor _pdf =
        pdfExtractor ?? new PdfToTextExtractor(options.PdfToTextCommand, options.PdfTimeout);

    /// <summary>GB18030 and Big5 live in the code-pages provider; registering it twice is harmless.</summary>
    static DocumentDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public DecodeOptions Options { get; } = options;

    /// <summary>Encoding name and rule of a document whose encoding was never decided.</summary>
    public const string UnknownEncoding = "unknown", NoRule = "none";

    public DecodedDocument Decode(RawDocument raw)
    {
        var bytes = raw.Bytes;
        if (bytes.Length == 0)
            return Failed(raw, DocumentFormat.Txt, DiagnosticCode.EmptyInput, "empty input: the file has no bytes");
        if (bytes.Length > Options.MaxBytes)
            return Failed(raw, DocumentFormat.Txt, DiagnosticCode.TooLarge,
                $"too large: {bytes.Length} bytes is over the limit of {Options.MaxBytes}");

        var sniff = FormatSniffer.Sniff(bytes);
        if (sniff.Format == DocumentFormat.Pdf)
            return DecodePdf(raw);
        if (sniff.BinaryReason is { } why)
            return Failed(raw, sniff.Format, DiagnosticCode.BinaryInput, $"binary input: {why}");

        var declared = new List<DeclaredCharset>();
        if (!string.IsNullOrWhiteSpace(raw.HttpCharset))
            declared.Add(new DeclaredCharset(raw.HttpCharset.Trim(), EncodingRules.Http));
        if (sniff.Format == DocumentFormat.Html && CharsetEvidence.MetaCharset(bytes) is { } meta)
            declared.Add(new DeclaredCharset(meta, EncodingRules.Meta));

        var decision = EncodingDetector.Decide(bytes, declared, sniff.Utf16Candidates);
        var diagnostics = decision.Notes.Select(n => Diag(raw, DiagnosticCode.Note, n)).ToList();
        if (decision.Text is null)
        {
            diagnostics.Add(Diag(raw, DiagnosticCode.UnknownEncoding, decision.FailureReason ?? "unknown encoding"));
            return new DecodedDocument(raw.Id, raw.Source, sniff.Format, UnknownEncoding, NoRule, "", diagnostics);
        }

        var text = decision.Text;
        if (decision.InvalidSequences > 0)
            diagnostics.Add(new Diagnostic(DiagnosticCode.InvalidSequences, raw.Id, text.IndexOf('\uFFFD'),
                $"{decision.InvalidSequences} invalid {decision.EncodingName} sequence(s) replaced by U+FFFD"));
        if (string.IsNullOrWhiteSpace(text))
            diagnostics.Add(Diag(raw, DiagnosticCode.EmptyInput, "empty input: the file holds only whitespace"));
        else if (sniff.Format == DocumentFormat.Html && FormatSniffer.LooksCutOffHtml(text))
            diagnostics.Add(Diag(raw, DiagnosticCode.Truncated, "truncated HTML: <html> is opened but never closed"));

        return new DecodedDocument(raw.Id, raw.Source, sniff.Format, decision.EncodingName, decision.Rule,
            text, diagnostics);
    }

    private DecodedDocument DecodePdf(RawDocument raw)
    {
        var diagnostics = new List<Diagnostic>();
        if (!FormatSniffer.HasPdfEnd(raw.Bytes))
            diagnostics.Add(Diag(raw, DiagnosticCode.Truncated,
                "truncated PDF: no %%EOF at the end of the file; extracting what is there"));

        var extraction = _pdf.Extract(raw.Bytes);
        if (extraction.Failure is { } failure)
            diagnostics.Add(Diag(raw, DiagnosticCode.PdfExtractionFailed, $"PDF text extraction failed: {failure}"));
        return new DecodedDocument(raw.Id, raw.Source, DocumentFormat.Pdf, "utf-8", EncodingRules.Pdf,
            extraction.Text ?? "", diagnostics);
    }

    private static DecodedDocument Failed(RawDocument raw, DocumentFormat format, DiagnosticCode code, string message) =>
        new(raw.Id, raw.Source, format, UnknownEncoding, NoRule, "", [Diag(raw, code, message)]);

    private static Diagnostic Diag(RawDocument raw, DiagnosticCode code, string message) =>
        new(code, raw.Id, null, message);
}
