using System.Diagnostics;
using AngleSharp.Html.Parser;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Emit;

public sealed class ReportWriterTests
{
    // A later Qinghai edition (invented for the test) that raises output to 25亿 and says 5%以上 for growth.
    private static readonly PolicyDocument QinghaiLater = Make("qinghai-2025",
        Meta("青海省", "implementing-rules", "final", new DateOnly(2025, 6, 27), null, "青海省促进中小企业特色产业集群发展实施细则"),
        QinghaiCriteria.Replace("20亿元以上", "25亿元以上").Replace("产值年均增速高于5%", "产值年均增速5%以上"),
        [.. Qinghai.Thresholds.Select(t => t.Metric switch
        {
            "output_3y_each" => new Spec(t.Metric, t.Label, ">=", 2_500_000_000, "CNY", "以上", "近三年产值均在25亿元以上", [.. t.Qualifiers]),
            "output_growth_annual" => new Spec(t.Metric, t.Label, ">=", 5, "%", "以上", "产值年均增速5%以上", [.. t.Qualifiers]),
            _ => new Spec(t.Metric, t.Label, t.Op, t.Value!.Value, t.Unit, t.Phrase, t.Source.Quote, [.. t.Qualifiers], t.Group),
        })]);

    private static ComparisonReport Report(IReadOnlyList<PolicyDocument> docs) => new(
        "中小企业特色产业集群认定标准对比",
        ComparisonMatrix.Build(docs, new MatrixOptions { BaselineDocumentId = Qinghai.Id, On = new DateOnly(2024, 6, 1) }),
        [EditionDiff.Compare(Qinghai, QinghaiLater)],
        [TemplateDiff.Compare(Shaanxi, Qinghai)],
        docs);

    private static readonly IReadOnlyList<PolicyDocument> Docs = [.. All, QinghaiLater];

    [Fact]
    public void TheMarkdownReportMatchesTheReviewedGoldenFile() =>
        GoldenFile.AssertMatches("comparison.md", ReportWriter.Markdown(Report(Docs)));

    [Fact]
    public void TwoRunsGiveIdenticalBytesForEveryReport()
    {
        var first = ReportWriter.Write(Report(Docs));
        var second = ReportWriter.Write(Report([.. Docs.Reverse()]));
        Assert.Equal(["reports/comparison.md", "reports/comparison.csv", "reports/comparison.html"], first.Select(f => f.RelativePath));
        Assert.Equal(first, second);
    }

    [Fact]
    public void TheCsvHasOneRowPerMetricAndDocumentWithTheVerdict()
    {
        var lines = ReportWriter.Csv(Report(Docs)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("metric,name,document_id,jurisdiction,edition,op,value,unit,phrase,requirement,verdict,baseline", lines[0]);
        var shaanxiOutput = lines.Single(l => l.StartsWith("output_3y_each,") && l.Contains(Shaanxi.Id));
        Assert.EndsWith(",>=,3000000000,CNY,以上,30亿元以上,stricter,20亿元以上", shaanxiOutput);
    }

    [Fact]
    public void NoticeTextIsEscapedInTheHtmlPage()
    {
        var hostile = Make("hostile", Meta("海南省", "notice", "final", new DateOnly(2024, 1, 1), null, "<script>alert('title')</script>"),
            "第一条 近三年产值均在20亿元以上<script>alert(1)</script>。\n",
            new Spec("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上", "近三年产值均在20亿元以上<script>alert(1)</script>"));
        var html = ReportWriter.Html(Report([.. Docs, hostile]) with
        {
            TemplateDiffs = [TemplateDiff.Compare(hostile, Qinghai)],
        });

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void TheHtmlPageLoadsNothingFromTheNetwork()
    {
        var html = ReportWriter.Html(Report(Docs));
        var dom = new HtmlParser().ParseDocument(html);
        Assert.Empty(dom.QuerySelectorAll("link, img, iframe, script[src], object, embed"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
    }

    [RequiresCommandFact("chromium", "chromium")]
    public void HeadlessChromiumShowsTheMatrixCellsTheChartsAndTheMarkedDiffs()
    {
        var dir = Directory.CreateTempSubdirectory("cpm-report-");
        try
        {
            var page = Path.Combine(dir.FullName, "comparison.html");
            File.WriteAllText(page, ReportWriter.Html(Report(Docs)));
            var dom = new HtmlParser().ParseDocument(DumpDom(page, Path.Combine(dir.FullName, "profile")));

            string? Verdict(string metric, PolicyDocument d) => dom
                .QuerySelector($"#matrix td[data-metric='{metric}'][data-doc='{d.Id}']")?.GetAttribute("data-verdict");
            string? Text(string metric, PolicyDocument d) => dom
                .QuerySelector($"#matrix td[data-metric='{metric}'][data-doc='{d.Id}']")?.TextContent;

            Assert.Equal("20亿元以上", Text("output_3y_each", Qinghai));
            Assert.Equal("baseline", Verdict("output_3y_each", Qinghai));
            Assert.Equal("30亿元以上", Text("output_3y_each", Shaanxi));
            Assert.Equal("stricter", Verdict("output_3y_each", Shaanxi));
            Assert.Equal("高于70%", Text("sme_output_share", Shaanxi));
            Assert.Equal("stricter", Verdict("sme_output_share", Shaanxi));
            Assert.Equal("equal", Verdict("sme_output_share", Shanghai));
            Assert.Equal("looser", Verdict("leading_industry_share", Shanghai));
            // The inline script ran in the browser: it filled in the legend's counts.
            Assert.Equal("7", dom.GetElementById("count-baseline")?.TextContent);
            Assert.Equal(3, dom.QuerySelectorAll("#chart-output_3y_each rect").Length);
            Assert.Contains(dom.QuerySelectorAll("section.edition-diff del"), e => e.TextContent == "高于");
            Assert.Contains(dom.QuerySelectorAll("section.edition-diff ins"), e => e.TextContent == "以上");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static string DumpDom(string page, string profile)
    {
        var psi = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + profile, "--dump-dom", new Uri(page).AbsoluteUri })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90))) p.Kill(true);
        Assert.True(stdout.Length > 0, "chromium printed no DOM: " + stderr.Result);
        return stdout;
    }
}
