using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Acquire;

/// <summary>Every way pdftotext can fail is a PdfExtractionFailed diagnostic naming the reason.</summary>
public sealed class PdfToTextExtractorTests : TempFolderTest
{
    private static byte[] Pdf => Acq.Corpus("qinghai-2023-implementing-rules.libreoffice.pdf");

    /// <summary>A stand-in for pdftotext: a shell script with the given body, made executable.</summary>
    private string Script(string body)
    {
        var path = Path.Combine(Folder, "fake-pdftotext");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())   // the tests that use scripts need sh, so they skip on Windows anyway
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static Diagnostic Failure(DecodedDocument d)
    {
        var error = Assert.Single(d.Diagnostics);
        Assert.Equal(DiagnosticCode.PdfExtractionFailed, error.Code);
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    [Fact]
    public void AMissingBinaryIsADiagnosticNamingTheCommand()
    {
        var missing = Path.Combine(Folder, "no-such-pdftotext");
        var d = Acq.Decode(Pdf, pdf: new PdfToTextExtractor(missing));
        Assert.Contains($"cannot run '{missing}'", Failure(d).Message);
        Assert.Equal(("", DocumentFormat.Pdf), (d.Text, d.Format));
    }

    [Fact]
    public void TheCommandNamedInTheOptionsIsTheOneRun()
    {
        var missing = Path.Combine(Folder, "elsewhere-pdftotext");
        var d = new DocumentDecoder(new DecodeOptions { PdfToTextCommand = missing }).Decode(new RawDocument("x.pdf", Pdf));
        Assert.Contains(missing, Failure(d).Message);
    }

    [RequiresCommandFact("sh", "dash")]
    public void ACommandThatRunsPastTheTimeoutIsKilledAndReported()
    {
        var d = Acq.Decode(Pdf, pdf: new PdfToTextExtractor(Script("sleep 30"), TimeSpan.FromMilliseconds(300)));
        Assert.Contains("timed out after 0.3 s and was killed", Failure(d).Message);
    }

    [RequiresCommandFact("sh", "dash")]
    public void ANonZeroExitIsReportedWithTheFirstLineOfStandardError()
    {
        var d = Acq.Decode(Pdf, pdf: new PdfToTextExtractor(Script("cat >/dev/null; echo 'Syntax Error: broken xref' >&2; echo more >&2; exit 3")));
        Assert.EndsWith("exited with code 3: Syntax Error: broken xref", Failure(d).Message);
    }

    [RequiresCommandFact("sh", "dash")]
    public void OutputOfOnlyFormFeedsIsReportedAsNoText()
    {
        var d = Acq.Decode(Pdf, pdf: new PdfToTextExtractor(Script("cat >/dev/null; printf '\\f\\n\\f'")));
        Assert.Contains("gave no text", Failure(d).Message);
    }

    [RequiresCommandFact("sh", "dash")]
    public void TheFakeReceivesThePdfOnStandardInputAndItsOutputIsTheText()
    {
        // The script answers with the byte count it read, which must be the PDF's length.
        var d = Acq.Decode(Pdf, pdf: new PdfToTextExtractor(Script("printf '第一条 %s\\f' \"$(wc -c | tr -d ' ')\"")));
        Assert.Empty(d.Diagnostics);
        Assert.Equal($"第一条 {Pdf.Length}\f", d.Text);
    }

    [RequiresCommandFact("pdftotext", "poppler-utils")]
    public void RealPdftotextOnBrokenBytesFailsAsADiagnostic()
    {
        var broken = "%PDF-1.7\n1 0 obj garbage\n%%EOF\n"u8.ToArray();
        var d = Acq.Decode(broken, pdf: new PdfToTextExtractor());
        Assert.Contains("pdftotext", Failure(d).Message);
    }
}
