using System.Text;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Acquire;

/// <summary>A PDF extractor that answers without running anything, and remembers whether it was asked.</summary>
internal sealed class FakePdfExtractor(PdfExtraction answer) : IPdfTextExtractor
{
    public int Calls { get; private set; }

    public PdfExtraction Extract(byte[] pdf)
    {
        Calls++;
        return answer;
    }
}

/// <summary>Shared helpers: real encoders for GBK and Big5 bytes, the corpus files, decoding in one call.</summary>
internal static class Acq
{
    static Acq() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding(936);

    public static Encoding Big5 => Encoding.GetEncoding(950);

    /// <summary>An encoder that drops characters the code page lacks, with a decoder that throws.</summary>
    public static Encoding Dropping(int codePage) =>
        Encoding.GetEncoding(codePage, new EncoderReplacementFallback(""), DecoderFallback.ExceptionFallback);

    public static byte[] Corpus(string name) => File.ReadAllBytes(Path.Combine(TestPaths.Corpus, name));

    public static DecodedDocument Decode(byte[] bytes, string? httpCharset = null, DecodeOptions? options = null,
        IPdfTextExtractor? pdf = null) =>
        new DocumentDecoder(options ?? new DecodeOptions(), pdf ?? new FakePdfExtractor(PdfExtraction.Ok("pdf text\f")))
            .Decode(new RawDocument("test-input", bytes, httpCharset));

    /// <summary>Replaces the first occurrence of an ASCII string in the bytes (for rewriting a page's meta).</summary>
    public static byte[] ReplaceAscii(byte[] bytes, string from, string to)
    {
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(from));
        Assert.True(at >= 0, $"'{from}' is not in the bytes");
        return [.. bytes[..at], .. Encoding.ASCII.GetBytes(to), .. bytes[(at + from.Length)..]];
    }

    public static IEnumerable<DiagnosticCode> Codes(this DecodedDocument d) => d.Diagnostics.Select(x => x.Code);
}

/// <summary>A test class that owns a fresh temporary folder, deleted after each test.</summary>
public abstract class TempFolderTest : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("cpm-acquire-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
