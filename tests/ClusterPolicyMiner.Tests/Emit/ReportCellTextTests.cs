using System.Text;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;
using static ClusterPolicyMiner.Tests.Emit.ReportTestData;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>What a matrix cell says in every format: a two-sided range is written with both bounds while its
/// verdict is the compared bound's, and the Markdown says once why a document has no criteria.</summary>
public sealed class ReportCellTextTests
{
    /// <summary>A notice written for these tests, in the manner of a provincial 认定通知, read by the whole pipeline.</summary>
    private static PolicyDocument Notice(string province, string criteria) =>
        new DocumentPipeline(new()).Process(new RawDocument($"{province}.txt", Encoding.UTF8.GetBytes(
            $"{province}工业和信息化厅关于组织开展中小企业特色产业集群认定工作的通知\n\n各盟市工业和信息化局：\n"
            + "　　现就有关事项通知如下。\n　　一、认定条件\n" + criteria + $"{province}工业和信息化厅\n2024年4月10日\n")));

    private static ComparisonReport Against(PolicyDocument doc) => Report([.. Docs, doc]);

    /// <summary>The range criterion, the two-bound text every format shows, the compared bound and the verdict against
    /// Qinghai's 不超过100平方公里 (the upper bound faces it).</summary>
    public static TheoryData<string, string, string, string, CellVerdict> Ranges => new()
    {
        { "内蒙古自治区", "　　（一）集群占地面积在10至100平方公里之间。\n", "10平方公里至100平方公里", "≤100平方公里", CellVerdict.Equal },
        { "黑龙江省", "　　（一）集群占地面积一般在5平方公里至80平方公里之间，近三年主导产业产值均在15亿元以上。\n", "5平方公里至80平方公里", "≤80平方公里", CellVerdict.Stricter },
        { "吉林省", "　　（一）集群占地面积原则上为20～150平方公里。\n", "20平方公里~150平方公里", "≤150平方公里", CellVerdict.Looser },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void ARangeCellShowsBothBoundsInEveryFormatWhileItsVerdictIsTheComparedBounds(
        string province, string criteria, string both, string compared, CellVerdict verdict)
    {
        var doc = Notice(province, criteria);
        Assert.Equal(2, doc.Thresholds.Count(t => t.Metric == "area_km2" && t.Qualifiers.Contains("range")));
        var report = Against(doc);

        var model = ReportWriter.Model(report);
        var cell = model.Rows.Single(r => r.Metric == "area_km2").Cells.Single(c => c.DocumentId == doc.Id);
        Assert.Equal(both, cell.Requirement!.Text);
        Assert.Equal(verdict, cell.Verdict);
        Assert.Equal(compared, ThresholdText.Describe(report.Matrix.Rows.Single(r => r.Metric == "area_km2").Cells.Single(c => c.DocumentId == doc.Id).Threshold!));
        Assert.Contains($"range {both}", cell.Reason); // the reason stays Compare's: which bound was compared
        var symbol = VerdictWords.Symbol(verdict);

        var html = new HtmlParser().ParseDocument(ReportWriter.Html(report));
        var td = html.QuerySelector($"td[data-metric='area_km2'][data-doc='{doc.Id}']")!;
        Assert.Equal(both, td.QuerySelector(".req")!.TextContent);
        Assert.Equal(VerdictWords.Id(verdict), td.GetAttribute("data-verdict"));

        var md = ReportWriter.Markdown(report);
        var mdRow = md.Split('\n').Single(l => l.StartsWith("| 占地面积 (area_km2)", StringComparison.Ordinal));
        Assert.Contains($"| {symbol} {both} [{cell.Footnote}] |", mdRow);
        Assert.DoesNotContain($"{symbol} {compared} [", mdRow);

        var csvLine = ReportWriter.Csv(report).Split('\n').Single(l => l.Contains(",area_km2,") && l.EndsWith(doc.Id));
        Assert.Contains($",{both},{VerdictWords.Word(verdict)},", csvLine);

        using var wb = new XLWorkbook(new MemoryStream(ReportWriter.Xlsx(report)));
        var sheet = wb.Worksheet("Matrix");
        var column = 4 + model.Documents.ToList().FindIndex(d => d.Id == doc.Id);
        var row = 2 + model.Rows.ToList().FindIndex(r => r.Metric == "area_km2");
        Assert.Equal($"{symbol} {both} [{cell.Footnote}]", sheet.Cell(row, column).GetString());
    }

    [Fact]
    public void AOneSidedCellKeepsItsOwnText()
    {
        var doc = Notice("辽宁省", "　　（一）集群占地面积一般不超过60平方公里。\n");
        var cell = ReportWriter.Model(Against(doc)).Rows.Single(r => r.Metric == "area_km2").Cells.Single(c => c.DocumentId == doc.Id);
        Assert.Equal("不超过60平方公里", cell.Requirement!.Text);
        Assert.Equal(CellVerdict.Stricter, cell.Verdict);
    }

    [Fact]
    public void TheMarkdownSaysOnceWhyADocumentHasNoCriteriaAndMarksItsCells()
    {
        var report = Report();
        var model = ReportWriter.Model(report);
        var reason = model.Document(ProceduralOnly.Id).NoCriteriaReason!;
        var md = ReportWriter.Markdown(report);
        Assert.Equal(1, Count(md, MarkdownReport.Text(reason)));
        var documentsRow = md.Split('\n').Single(l => l.Contains(ClusterPolicyMiner.Model.DocumentIds.Short(ProceduralOnly.Id), StringComparison.Ordinal));
        Assert.Contains(MarkdownReport.Text(reason), documentsRow);

        var column = 2 + model.Documents.ToList().FindIndex(d => d.Id == ProceduralOnly.Id);
        var matrixRows = md.Split('\n').Where(l => model.Rows.Any(r => l.StartsWith($"| {MarkdownReport.Text(r.Label)} ({r.Metric}) |", StringComparison.Ordinal))).ToList();
        Assert.Equal(model.Rows.Count, matrixRows.Count);
        Assert.All(matrixRows, l => Assert.Equal("— no criteria (see note)", l.Split(" | ")[column].Trim()));
        // Every other cell is as full as before: none is empty.
        Assert.All(matrixRows.SelectMany(l => l.Trim('|', ' ').Split(" | ")), c => Assert.False(string.IsNullOrWhiteSpace(c)));
    }

    [Fact]
    public void TheHtmlStillGivesTheNoCriteriaReasonInEachCellOfTheColumn()
    {
        var report = Report();
        var model = ReportWriter.Model(report);
        var reason = model.Document(ProceduralOnly.Id).NoCriteriaReason!;
        var html = new HtmlParser().ParseDocument(ReportWriter.Html(report));
        var cells = html.QuerySelectorAll($"td[data-doc='{ProceduralOnly.Id}']");
        Assert.Equal(model.Rows.Count, cells.Length);
        Assert.All(cells, td => Assert.Equal(reason, td.QuerySelector(".reason")!.TextContent));
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
