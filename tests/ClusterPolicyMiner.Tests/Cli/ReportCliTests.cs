using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary><c>cpm compare --format …</c> and <c>cpm diff --format html</c> over the repository's corpus.</summary>
public sealed class ReportCliTests
{
    private static Task<(int Code, string Out, string Err)> Cpm(params string[] args) => CpmRunner.Run(args);

    private static async Task<string> Store(TempFolder dir)
    {
        var db = dir.File("s.db");
        var (code, _, err) = await Cpm("ingest", Path.Combine(TestPaths.RepoRoot, "corpus"), "--db", db);
        Assert.True(code == 0, err);
        return db;
    }

    [Fact]
    public async Task EveryTextFormatOfCompareIsWrittenAndTheWorkbookNeedsAnOutputFile()
    {
        using var dir = new TempFolder();
        var db = await Store(dir);
        foreach (var format in new[] { "table", "md", "csv", "html" })
        {
            var (code, output, err) = await Cpm("compare", "--format", format, "--db", db);
            Assert.True(code == 0, format + ": " + err);
            Assert.Contains(format == "table" ? "metric" : "output_3y_each", output);
        }
        var noOut = await Cpm("compare", "--format", "xlsx", "--db", db);
        Assert.Equal(ExitCodes.Usage, noOut.Code);
        Assert.Contains("--out", noOut.Err);

        var xlsx = dir.File("c.xlsx");
        var written = await Cpm("compare", "--format", "xlsx", "--out", xlsx, "--db", db);
        Assert.Equal(0, written.Code);
        using var wb = new ClosedXML.Excel.XLWorkbook(xlsx);
        Assert.Equal(3, wb.Worksheets.Count);
    }

    [Fact]
    public async Task DiffAsHtmlIsTheSideBySidePage()
    {
        using var dir = new TempFolder();
        var db = await Store(dir);
        var ids = (await Cpm("list", "--db", db)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
            .Where(t => t.Length >= 8 && t.All(char.IsAsciiHexDigitLower)).Take(2).ToList();
        Assert.Equal(2, ids.Count);
        var (code, html, err) = await Cpm("diff", ids[0], ids[1], "--format", "html", "--db", db);
        Assert.True(code == 0, err);
        Assert.Contains("<table class=\"side\" id=\"articles\">", html);
    }

    [Fact]
    public void WithoutChromiumThePdfWriterSaysInOneLineWhatToInstall()
    {
        Assert.Null(PdfPrinter.FindBrowser(searchPath: Path.Combine(Path.GetTempPath(), "cpm-no-such-dir")));
        Assert.DoesNotContain('\n', PdfPrinter.MissingMessage);
        Assert.Contains("apt-get install chromium", PdfPrinter.MissingMessage);
    }
}
