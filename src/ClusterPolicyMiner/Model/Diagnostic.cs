namespace ClusterPolicyMiner.Model;

/// <summary>Every kind of problem the pipeline reports. Bad data is a value, never an exception.</summary>
public enum DiagnosticCode
{
    /// <summary>The file is empty.</summary>
    EmptyInput,
    /// <summary>The bytes are neither text, HTML nor PDF (NUL bytes, control characters).</summary>
    BinaryInput,
    /// <summary>No candidate encoding decodes the bytes without many invalid sequences.</summary>
    UnknownEncoding,
    /// <summary>The bytes decode, but with some invalid sequences (replaced by U+FFFD).</summary>
    InvalidSequences,
    /// <summary>The input looks cut off (a PDF without %%EOF, HTML without its closing tags).</summary>
    Truncated,
    /// <summary>The input is larger than the configured limit.</summary>
    TooLarge,
    /// <summary>pdftotext failed, timed out or is not installed.</summary>
    PdfExtractionFailed,
    /// <summary>The file could not be read.</summary>
    ReadFailed,
    /// <summary>After cleaning, almost no body text is left.</summary>
    NoBodyText,
    /// <summary>A repeated copy of the body was removed.</summary>
    RepeatedBodyRemoved,
    /// <summary>Numbering of chapters, articles or items skips or repeats a number.</summary>
    NumberingGap,
    /// <summary>A metadata field could not be determined and is null.</summary>
    MetadataUnknown,
    /// <summary>A number in a requirement sentence whose metric is not in the taxonomy.</summary>
    UnknownMetric,
    /// <summary>A document redefines 以上/以下; the redefinition was applied.</summary>
    ComparatorRedefined,
    /// <summary>Fetching a URL failed.</summary>
    FetchFailed,
    /// <summary>A number in a clause that looks like a requirement (a comparator, or 须/应/需 near it) that no
    /// rule could read; the message quotes the clause.</summary>
    UnreadRequirement,
    /// <summary>A number too large (or too long) to be a value; it is not read.</summary>
    NumberOutOfRange,
    /// <summary>A stage failed on this document; the message names the stage and the cause.</summary>
    StageFailed,
    /// <summary>A stage ran past its time budget on this document.</summary>
    BudgetExceeded,
    /// <summary>The input is not a regular file (a FIFO, a device, a directory).</summary>
    NotRegularFile,
    /// <summary>The cleaner removed a paragraph that had sentence punctuation and numbers.</summary>
    ContentRemoved,
    /// <summary>Anything else worth a reader's attention.</summary>
    Note,
}

/// <summary>A problem found in one document, with where it was found.</summary>
/// <param name="Code">What kind of problem.</param>
/// <param name="DocumentId">The document's sha256 id, or null before it is known.</param>
/// <param name="Offset">Character offset in the stage's text, when there is one.</param>
/// <param name="Message">One line for a person.</param>
public sealed record Diagnostic(DiagnosticCode Code, string? DocumentId, int? Offset, string Message)
{
    /// <summary>Errors stop a document; the rest are warnings and notes.</summary>
    public bool IsError => Code is DiagnosticCode.EmptyInput or DiagnosticCode.BinaryInput
        or DiagnosticCode.UnknownEncoding or DiagnosticCode.PdfExtractionFailed
        or DiagnosticCode.ReadFailed or DiagnosticCode.TooLarge or DiagnosticCode.FetchFailed
        or DiagnosticCode.StageFailed or DiagnosticCode.BudgetExceeded or DiagnosticCode.NotRegularFile;

    public override string ToString() => Offset is { } o ? $"{Code}@{o}: {Message}" : $"{Code}: {Message}";
}
