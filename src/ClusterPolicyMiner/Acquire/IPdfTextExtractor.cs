namespace ClusterPolicyMiner.Acquire;

/// <summary>What a PDF extractor returns: the text (pages separated by form feeds), or why there is none.</summary>
public sealed record PdfExtraction(string? Text, string? Failure)
{
    public static PdfExtraction Ok(string text) => new(text, null);

    public static PdfExtraction Failed(string reason) => new(null, reason);
}

/// <summary>Turns the bytes of a PDF into text. Implementations report failure as a value, never throw.</summary>
public interface IPdfTextExtractor
{
    PdfExtraction Extract(byte[] pdf);
}
