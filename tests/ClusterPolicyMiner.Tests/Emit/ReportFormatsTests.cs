using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Tests.Support;
using Markdig;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;
using static ClusterPolicyMiner.Tests.Emit.ReportTestData;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>The CSV, Markdown, Excel, PDF and diff-page writers, each from the same report model.</summary>
public sealed class ReportFormatsTests
{
    [Fact]
    public void TheCsvStartsWithAByteOrderMarkAndHasOneRowPerDocumentAndCriterionWithItsCitation()
    {
        var report = Report();
        var csv = ReportWriter.Csv(report);
        var bytes = new UTF8Encoding(false).GetBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("jurisdiction,date,kind,status,metric,label,op,value,unit,phrase,requirement,verdict,baseline,baseline_value,reason,path,quote,document_id", lines[0]);
        var model = ReportWriter.Model(report);
        Assert.Equal(model.Documents.Count * model.Rows.Count, lines.Length - 1);
        var shaanxi = lines.Single(l => l.Contains(",output_3y_each,") && l.EndsWith(Shaanxi.Id));
        Assert.StartsWith("陕西省,2023-04-28,implementing-measures,final,output_3y_each,近三年产值(每年均),>=,3000000000,CNY,以上,30亿元以上,stricter,20亿元以上,2000000000,", shaanxi);
        Assert.Contains(",近三年产值均在30亿元以上,", shaanxi);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1,2)", "'@SUM(1,2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("-5", "-5")]
    [InlineData("+1.5", "+1.5")]
    [InlineData("高于70%", "高于70%")]
    [InlineData("", "")]
    public void CsvCellsThatASpreadsheetWouldEvaluateAreNeutralised(string cell, string written) =>
        Assert.Equal(written, CsvReport.Neutralise(cell));

    [Fact]
    public void AFormulaInNoticeTextReachesTheCsvNeutralised()
    {
        var formula = Make("formula", Meta("海南省", "notice", "final", new DateOnly(2024, 1, 1)),
            "第一条 =1+1 近三年产值均在20亿元以上。\n",
            new Spec("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上", "=1+1 近三年产值均在20亿元以上"));
        var csv = ReportWriter.Csv(Report([.. Docs, formula]));
        Assert.Contains(",'=1+1 近三年产值均在20亿元以上,", csv);
        Assert.DoesNotContain(",=1+1", csv);
    }

    [Fact]
    public void TheMarkdownHasNoHtmlEntitiesAndNoticeTextNeverBecomesALinkAnImageOrHtml()
    {
        var md = ReportWriter.Markdown(Report([.. Docs, Hostile]));
        Assert.DoesNotMatch(@"&(lt|gt|amp|quot|#\d+);", md.Replace("\\&lt;b\\&gt;", "")); // the notice's own text is kept, escaped
        var html = Markdown.ToHtml(md, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var dom = new HtmlParser().ParseDocument(html);
        Assert.Empty(dom.QuerySelectorAll("img, script, a[href^='javascript'], a[href^='http']"));
        Assert.Empty(dom.QuerySelectorAll("a"));
        Assert.True(dom.QuerySelectorAll("table").Length >= 3); // legend, documents, matrix render as tables
        var matrix = dom.QuerySelectorAll("table").First(t => t.TextContent.Contains("output_3y_each"));
        Assert.Equal(ReportWriter.Model(Report([.. Docs, Hostile])).Documents.Count + 2, matrix.QuerySelectorAll("thead th").Length);
        Assert.Contains("<script>alert(1)</script>![图](https://example.com/x.png)", dom.Body!.TextContent);
    }

    [Fact]
    public void TheWorkbookOpensWithClosedXmlWithTheMatrixThresholdsAndDocumentsSheets()
    {
        var report = Report();
        var model = ReportWriter.Model(report);
        using var wb = new XLWorkbook(new MemoryStream(ReportWriter.Xlsx(report)));
        Assert.Equal(["Matrix", "Thresholds", "Documents"], wb.Worksheets.Select(w => w.Name));

        var matrix = wb.Worksheet("Matrix");
        Assert.Equal(1, matrix.SheetView.SplitRow);
        Assert.True(matrix.AutoFilter.IsEnabled);
        Assert.Equal(model.Documents[0].Label, matrix.Cell(1, 4).GetString());
        var shaanxiColumn = 4 + model.Documents.ToList().FindIndex(d => d.Id == Shaanxi.Id);
        var outputRow = 2 + model.Rows.ToList().FindIndex(r => r.Metric == "output_3y_each");
        var cell = matrix.Cell(outputRow, shaanxiColumn);
        Assert.StartsWith("▲ 30亿元以上 [", cell.GetString());
        Assert.Equal(XLColor.FromHtml("#F6CFC6"), cell.Style.Fill.BackgroundColor);
        Assert.Contains(matrix.ColumnsUsed().SelectMany(c => c.CellsUsed()), c => c.GetString() == "▼ looser");

        var thresholds = wb.Worksheet("Thresholds");
        Assert.Equal(model.Thresholds.Count + 1, thresholds.LastRowUsed()!.RowNumber());
        Assert.Equal("quote", thresholds.Cell(1, 11).GetString());
        Assert.All(Enumerable.Range(2, model.Thresholds.Count), r => Assert.NotEqual("", thresholds.Cell(r, 11).GetString()));
        Assert.Equal(1, thresholds.SheetView.SplitRow);

        var documents = wb.Worksheet("Documents");
        Assert.Equal(model.Documents.Count + 1, documents.LastRowUsed()!.RowNumber());
        Assert.True(documents.AutoFilter.IsEnabled);
    }

    [RequiresCommandFact("chromium", "chromium")]
    public void ThePdfHasEveryDocumentsColumnOnTheMatrixPageInA4Landscape()
    {
        // Fourteen jurisdictions: the seeds plus ten provinces written like Shaanxi's measures.
        var provinces = new[] { "山东省", "江苏省", "浙江省", "广东省", "四川省", "湖北省", "湖南省", "河南省", "福建省", "安徽省" };
        var clones = provinces.Select((p, i) => Make("pdf-" + i, Meta(p, "implementing-measures", "final", new DateOnly(2023, 5, 1 + i)),
            Shaanxi.Text, [.. Shaanxi.Thresholds.Select(t => new Spec(t.Metric, t.Label, t.Op, t.Value!.Value + i, t.Unit, t.Phrase, t.Source.Quote))]));
        var report = Report([.. Docs, .. clones]);
        Assert.Equal(14, report.Matrix.Columns.Count);
        var pdf = Path.Combine(Chromium.OutputFolder(), "comparison.pdf");
        File.WriteAllBytes(pdf, ReportWriter.Pdf(report));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(pdf)[..4]));
        if (!HasCommand("pdftotext")) return; // set-up installs poppler-utils; without it only the bytes are checked

        var pages = Run("pdftotext", "-layout", pdf, "-").Split('\f');
        var matrixPage = pages.Single(p => p.Contains("Criteria × documents"));
        // One header line holds every document's jurisdiction: the matrix is not cut at the side of the page.
        var header = matrixPage.Split('\n').First(l => l.TrimStart().StartsWith("criterion"));
        foreach (var c in report.Matrix.Columns)
        {
            Assert.Contains(c.Jurisdiction, header);
            Assert.Contains(c.Edition!.Value.ToString("yyyy-MM-dd"), matrixPage);
        }
        var size = Run("pdfinfo", pdf).Split('\n').First(l => l.StartsWith("Page size:"));
        Assert.Contains("(A4)", size);
        var points = System.Text.RegularExpressions.Regex.Matches(size, @"[\d.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(points[0] > points[1], "landscape: wider than tall, " + size);
    }

    [Fact]
    public void TheDiffPageShowsArticlesSideBySideAndMarksRenumberedAndMovedArticles()
    {
        // Old: validity, applicants, criteria, appeals. New: a purpose article first, the applicants' article
        // moved to the end, the criteria changed in place (same number), the appeals article as it was.
        const string old = "第一条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n第二条 申报主体应当如实填报材料，对真实性负责。\n" +
            "第三条 近三年产值均在20亿元以上。\n第四条 申报主体可自收到撤销决定之日起15个工作日内提出申诉。\n";
        const string @new = "第一条 为促进中小企业高质量发展，制定本细则。\n第二条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n" +
            "第三条 近三年产值均在25亿元以上。\n第四条 申报主体可自收到撤销决定之日起15个工作日内提出申诉。\n第五条 申报主体应当如实填报材料，对真实性负责。\n";
        var a = Make("diff-old", Meta("青海省", "implementing-rules", "final", new DateOnly(2023, 6, 27)), old,
            new Spec("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上", "近三年产值均在20亿元以上"));
        var b = Make("diff-new", Meta("青海省", "implementing-rules", "final", new DateOnly(2025, 6, 27)), @new,
            new Spec("output_3y_each", "近三年产值", ">=", 2_500_000_000, "CNY", "以上", "近三年产值均在25亿元以上"));
        var report = new ComparisonReport("版本比较", ComparisonMatrix.Build([a, b], new MatrixOptions { DocumentIds = [a.Id, b.Id] }),
            [EditionDiff.Compare(a, b)], [], [a, b]);
        var html = ReportWriter.DiffHtml(report);
        Assert.Contains("Noto Sans CJK SC", html);
        var dom = new HtmlParser().ParseDocument(html);
        var rows = dom.QuerySelectorAll("#articles tbody tr");
        var renumbered = rows.Single(r => r.GetAttribute("data-change") == "renumbered");
        Assert.Contains("第一条 → 第二条", renumbered.TextContent);
        Assert.Equal(2, renumbered.QuerySelectorAll("td.before, td.after").Length);
        Assert.Empty(renumbered.QuerySelectorAll("ins, del"));
        var moved = rows.Single(r => r.GetAttribute("data-change") == "moved");
        Assert.Contains("第二条 → 第五条", moved.TextContent);
        var modified = rows.Single(r => r.GetAttribute("data-change") == "modified");
        Assert.Contains("第三条 → 第三条", modified.TextContent); // 2{-0-}{+5+}亿元: 20 → 25
        Assert.Contains(modified.QuerySelectorAll("td.before del"), d => d.TextContent == "0");
        Assert.Contains(modified.QuerySelectorAll("td.after ins"), d => d.TextContent == "5");
        Assert.Single(rows, r => r.GetAttribute("data-change") == "unchanged");
        Assert.Single(rows, r => r.GetAttribute("data-change") == "added");
        Assert.Contains("近三年产值: 20亿元以上 → 25亿元以上, stricter", dom.QuerySelector("ul.threshold-changes")!.TextContent);
    }

    [Fact]
    public void TheTemplateDiffPageShowsTemplateAndDocumentClausesSideBySide()
    {
        var report = new ComparisonReport("模板比较", ComparisonMatrix.Build([Qinghai, Shaanxi], new MatrixOptions { DocumentIds = [Qinghai.Id, Shaanxi.Id] }),
            [], [TemplateDiff.Compare(Shaanxi, Qinghai)], [Qinghai, Shaanxi]);
        var dom = new HtmlParser().ParseDocument(ReportWriter.DiffHtml(report));
        var reworded = dom.QuerySelectorAll("#clauses tbody tr").First(r => r.GetAttribute("data-status") == "reworded");
        Assert.NotEmpty(reworded.QuerySelectorAll("td.before del"));
        Assert.NotEmpty(reworded.QuerySelectorAll("td.after ins"));
        Assert.Empty(reworded.QuerySelectorAll("td.before ins, td.after del"));
        Assert.Contains(dom.QuerySelectorAll("#clauses tbody tr"), r => r.GetAttribute("data-status") == "added");
    }

    private static bool HasCommand(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, name)));

    private static string Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
