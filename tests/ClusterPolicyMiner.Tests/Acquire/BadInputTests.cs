using System.Text;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Acquire;

/// <summary>Bad input comes back as diagnostics with one-line messages, never as an exception.</summary>
public class BadInputTests
{
    private static Diagnostic SingleError(DecodedDocument d, DiagnosticCode code)
    {
        var error = Assert.Single(d.Diagnostics, x => x.IsError);
        Assert.Equal(code, error.Code);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(d.Id, error.DocumentId);
        return error;
    }

    [Fact]
    public void AnEmptyFileIsEmptyInput()
    {
        var d = Acq.Decode([]);
        Assert.Contains("no bytes", SingleError(d, DiagnosticCode.EmptyInput).Message);
        Assert.Equal(("unknown", "none", ""), (d.Encoding, d.EncodingRule, d.Text));
    }

    [Fact]
    public void AFileOfOnlyWhitespaceIsEmptyInput() =>
        Assert.Contains("only whitespace", SingleError(Acq.Decode(" \r\n\t "u8.ToArray()), DiagnosticCode.EmptyInput).Message);

    [Fact]
    public void APngImageIsBinaryInput()
    {
        // The PNG signature and the start of an IHDR chunk of a 1x1 image.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
        Assert.Contains("PNG", SingleError(Acq.Decode(png), DiagnosticCode.BinaryInput).Message);
    }

    [Fact]
    public void AnElfExecutableIsBinaryInput()
    {
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0];
        Assert.Contains("ELF", SingleError(Acq.Decode(elf), DiagnosticCode.BinaryInput).Message);
    }

    [Fact]
    public void TextWithScatteredNulBytesIsBinaryInput()
    {
        var bytes = Encoding.UTF8.GetBytes("第一条 总则\n").Concat(new byte[] { 0, 0x13, 0, 0 }).ToArray();
        Assert.Contains("NUL", SingleError(Acq.Decode(bytes), DiagnosticCode.BinaryInput).Message);
    }

    [Fact]
    public void BytesWithManyControlCharactersAreBinaryInput()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        Assert.Contains("control character", SingleError(Acq.Decode(bytes), DiagnosticCode.BinaryInput).Message);
    }

    [Fact]
    public void BytesNoCandidateCanDecodeAreUnknownEncoding()
    {
        // 0x80 and 0xFF start no sequence in UTF-8, GB18030 or Big5.
        var bytes = Enumerable.Repeat((byte[])[(byte)'a', (byte)'b', 0x80, 0xFF], 50).SelectMany(b => b).ToArray();
        var error = SingleError(Acq.Decode(bytes), DiagnosticCode.UnknownEncoding);
        Assert.Contains("invalid sequence", error.Message);
    }

    [Fact]
    public void AnInputOverTheLimitIsTooLarge()
    {
        var d = Acq.Decode(new byte[2048], options: new DecodeOptions { MaxBytes = 1024 });
        Assert.Contains("over the limit of 1024", SingleError(d, DiagnosticCode.TooLarge).Message);
    }

    [Fact]
    public void APdfWithoutEofIsATruncatedWarningAndIsStillExtracted()
    {
        var pdf = Acq.Corpus("qinghai-2023-implementing-rules.libreoffice.pdf");
        var fake = new FakePdfExtractor(PdfExtraction.Ok("第一条\f"));
        var d = Acq.Decode(pdf[..(pdf.Length / 2)], pdf: fake);
        var warning = Assert.Single(d.Diagnostics);
        Assert.Equal(DiagnosticCode.Truncated, warning.Code);
        Assert.False(warning.IsError);
        Assert.Equal(1, fake.Calls);
        Assert.Equal("第一条\f", d.Text);
    }

    [Fact]
    public void ACompletePdfIsNotTruncated()
    {
        var d = Acq.Decode(Acq.Corpus("qinghai-2023-implementing-rules.libreoffice.pdf"));
        Assert.Equal(DocumentFormat.Pdf, d.Format);
        Assert.Empty(d.Diagnostics);
    }

    [Fact]
    public void AnHtmlPageCutOffBeforeItsEndIsATruncatedWarning()
    {
        var page = Acq.Corpus("beijing-2023-measures-draft.portal.gbk.html");
        var d = Acq.Decode(page[..(page.Length * 2 / 3)]);
        Assert.Equal(DocumentFormat.Html, d.Format);
        Assert.Equal(DiagnosticCode.Truncated, Assert.Single(d.Diagnostics).Code);
    }
}
