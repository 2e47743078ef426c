using AngleSharp.Html.Parser;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Tests.Support;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;
using static ClusterPolicyMiner.Tests.Emit.ReportTestData;

namespace ClusterPolicyMiner.Tests.Emit;

public sealed class ReportWriterTests
{
    [Fact]
    public void TheMarkdownReportMatchesTheReviewedGoldenFile() =>
        GoldenFile.AssertMatches("comparison.md", ReportWriter.Markdown(Report()));

    [Fact]
    public void TwoRunsGiveIdenticalBytesForEveryReport()
    {
        var first = ReportWriter.Write(Report());
        var second = ReportWriter.Write(Report([.. Docs.Reverse()]));
        Assert.Equal(["reports/comparison.md", "reports/comparison.csv", "reports/comparison.html"], first.Select(f => f.RelativePath));
        Assert.Equal(first, second);
        Assert.Equal(ReportWriter.Xlsx(Report()), ReportWriter.Xlsx(Report([.. Docs.Reverse()])));
    }

    [Fact]
    public void EveryCellWithoutARequirementSaysWhy()
    {
        var model = ReportWriter.Model(Report());
        var empty = model.Rows.SelectMany(r => r.Cells).Where(c => c.Requirement is null).ToList();
        Assert.NotEmpty(empty);
        Assert.All(model.Rows.SelectMany(r => r.Cells), c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        var hebei = model.Rows[0].Cells.Single(c => c.DocumentId == ProceduralOnly.Id);
        Assert.Equal(CellVerdict.NotSet, hebei.Verdict);
        Assert.Equal("no criteria in this document: they are in 《河北省中小企业特色产业集群认定管理办法》冀工信企〔2023〕12号, not in the corpus", hebei.Reason);
        // A draft named explicitly is shown but not judged; its empty cells still say it is a draft.
        var named = ReportWriter.Model(Report() with
        {
            Matrix = global::ClusterPolicyMiner.Compare.ComparisonMatrix.Build(Docs, new() { DocumentIds = [Qinghai.Id, Beijing.Id] }),
        });
        var draftCells = named.Rows.SelectMany(r => r.Cells).Where(c => c.DocumentId == Beijing.Id).ToList();
        Assert.NotEmpty(draftCells);
        Assert.All(draftCells.Where(c => c.Requirement is not null), c => Assert.Equal(CellVerdict.Draft, c.Verdict));
        Assert.All(draftCells.Where(c => c.Requirement is null), c => Assert.StartsWith("draft, not in force; ", c.Reason));
        Assert.Contains(draftCells, c => c.Requirement is not null);
    }

    [Fact]
    public void TheNationalBaselineIsNamedAndEachOfItsValuesIsCitedWithTheAnnexAndQuote()
    {
        var report = Report() with { Matrix = global::ClusterPolicyMiner.Compare.ComparisonMatrix.Build(Docs, new() { On = new DateOnly(2024, 6, 1) }) };
        var model = ReportWriter.Model(report);
        Assert.True(model.Baseline.IsNational);
        Assert.Contains("工信部企业〔2022〕119号", model.Baseline.Name);
        var output = model.Rows.Single(r => r.Metric == "output_3y_each");
        Assert.Equal("40亿元以上", output.Baseline!.Text);
        var note = model.Footnotes.Single(f => f.Number == output.BaselineFootnote);
        Assert.Equal("工信部企业〔2022〕119号", note.Citation.DocNumber);
        Assert.Contains("40亿元以上", note.Citation.Quote);
        Assert.Contains(model.Legend, e => e.Word == "no national value");
        var html = new HtmlParser().ParseDocument(ReportWriter.Html(report));
        Assert.Contains("工信部企业〔2022〕119号", html.GetElementById("baseline")!.TextContent);
        Assert.Contains("40亿元以上", html.GetElementById("fn-" + output.BaselineFootnote)!.TextContent);
    }

    [Fact]
    public void EveryRequirementInTheMatrixHasAFootnoteWithItsPathAndQuote()
    {
        var model = ReportWriter.Model(Report());
        foreach (var cell in model.Rows.SelectMany(r => r.Cells).Where(c => c.Requirement is not null))
        {
            var note = model.Footnotes.Single(f => f.Number == cell.Footnote);
            Assert.Equal(cell.Requirement!.Citation, note.Citation);
            Assert.NotEqual("", note.Citation.Path);
            Assert.NotEqual("", note.Citation.Quote);
        }
        Assert.Equal(model.Footnotes.Count, model.Footnotes.Select(f => f.Citation).Distinct().Count());
    }

    [Fact]
    public void NoticeTextIsEscapedInTheHtmlPage()
    {
        var html = ReportWriter.Html(Report([.. Docs, Hostile]) with { TemplateDiffs = [global::ClusterPolicyMiner.Compare.TemplateDiff.Compare(Hostile, Qinghai)] });
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", html);
        Assert.Contains("&amp;lt;b&amp;gt;", html);
        var dom = new HtmlParser().ParseDocument(html);
        Assert.Single(dom.QuerySelectorAll("script"));
        Assert.Empty(dom.QuerySelectorAll("img, a[href^='javascript']"));
        Assert.Contains(dom.QuerySelectorAll("#footnotes li"), li => li.TextContent.Contains("<script>alert(1)</script>![图](https://example.com/x.png)"));
    }

    [Fact]
    public void TheHtmlPageLoadsNothingFromTheNetwork()
    {
        var html = ReportWriter.Html(Report());
        var dom = new HtmlParser().ParseDocument(html);
        Assert.Empty(dom.QuerySelectorAll("link, img, iframe, script[src], object, embed, [src]"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
    }

    [Fact]
    public void ThePageAsksForCjkFontsAndPrintsOnA4LandscapeWithSymbolsBesideTheColours()
    {
        var html = ReportWriter.Html(Report());
        Assert.Contains("font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif", html);
        Assert.Contains("@page{size:A4 landscape", html);
        var dom = new HtmlParser().ParseDocument(html);
        foreach (var td in dom.QuerySelectorAll("#matrix td[data-verdict]"))
        {
            var symbol = td.QuerySelector(".sym")?.TextContent;
            Assert.Equal(td.GetAttribute("data-verdict") switch
            {
                "stricter" => "▲", "looser" => "▼", "equal" => "=", "baseline" => "◆", "not-set" => "—", "incomparable" => "≠", "draft" => "※", _ => "○",
            }, symbol);
        }
    }

    [Fact]
    public void EachCriterionChartHasAnAxisWithItsUnitADotPerDocumentSortedAndTheBaselineLine()
    {
        var dom = new HtmlParser().ParseDocument(ReportWriter.Html(Report()));
        var chart = dom.GetElementById("chart-output_3y_each")!;
        Assert.Contains(chart.QuerySelectorAll("text.axis-label"), t => t.TextContent == "亿元");
        Assert.True(chart.QuerySelectorAll("text.tick").Length >= 5);
        var dots = chart.QuerySelectorAll("circle.dot");
        // In force on 2024-06-01 (Beijing's draft is not): Shanghai and Shaanxi 30亿 (by name), Qinghai 20亿.
        Assert.Equal([Shanghai.Id, Shaanxi.Id, Qinghai.Id], dots.Select(d => d.GetAttribute("data-doc")));
        var x = dots.Select(d => double.Parse(d.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(x.OrderDescending(), x);
        var reference = chart.QuerySelector("line.ref")!;
        Assert.Equal(x[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), reference.GetAttribute("x1"));
        Assert.Contains("20亿元以上", chart.QuerySelector("text.ref-label")!.TextContent);
        // Shaanxi's profile: a bar per criterion both it and the baseline set with a value, 100% = the baseline.
        var profile = dom.GetElementById("profile-" + Shaanxi.Id)!;
        var model = ReportWriter.Model(Report());
        var comparable = model.Rows.Count(r => r.Baseline?.Value is not null
            && r.Cells.Single(c => c.DocumentId == Shaanxi.Id).Requirement?.Value is not null);
        Assert.Equal(comparable, profile.QuerySelectorAll("rect.bar").Length);
        Assert.Contains("100% = baseline value", profile.QuerySelector("text.ref-label")!.TextContent);
        Assert.Contains(profile.QuerySelectorAll("text"), t => t.TextContent.Contains("30亿元以上 (150%)"));
        Assert.Contains(profile.QuerySelectorAll("text.axis-label"), t => t.TextContent == "% of the baseline value");
    }

    [Fact]
    public void TheEditionSectionSaysInWordsWhatChanged()
    {
        var dom = new HtmlParser().ParseDocument(ReportWriter.Html(Report()));
        var items = dom.QuerySelectorAll("section.edition-diff ul.threshold-changes li").Select(li => li.TextContent).ToList();
        Assert.Contains("近三年产值: 20亿元以上 → 25亿元以上, stricter", items);
        Assert.Contains("产值年均增速: 高于5% → 5%以上, looser", items);
    }

    [RequiresCommandFact("chromium", "chromium")]
    public void WithJavaScriptOffChromiumShowsTheCountsLegendFootnotesAndEveryMatrixCell()
    {
        var report = Report();
        var model = ReportWriter.Model(report);
        var folder = Chromium.OutputFolder();
        var page = Path.Combine(folder, "comparison.html");
        File.WriteAllText(page, ReportWriter.Html(report));
        var dom = new HtmlParser().ParseDocument(Chromium.DumpDom(page, javascript: false));
        Assert.Equal(report.Matrix.Columns.Count, dom.QuerySelectorAll("#matrix thead th[data-doc]").Length);

        Assert.Null(dom.GetElementById("filter")); // the script did not run
        Assert.Equal(model.Rows.Count, dom.QuerySelectorAll("#matrix tbody tr").Length);
        foreach (var row in model.Rows)
            foreach (var cell in row.Cells)
            {
                var td = dom.QuerySelector($"#matrix td[data-metric='{row.Metric}'][data-doc='{cell.DocumentId}']");
                Assert.NotNull(td);
                Assert.Equal(VerdictWords.Id(cell.Verdict), td.GetAttribute("data-verdict"));
                Assert.Contains(cell.Requirement?.Text ?? cell.Reason, td.TextContent);
            }
        foreach (var e in model.Legend)
        {
            var id = VerdictWords.Id(e.Verdict);
            Assert.Equal(dom.QuerySelectorAll($"#matrix td[data-verdict='{id}']").Length.ToString(), dom.GetElementById("count-" + id)?.TextContent);
            Assert.NotNull(dom.QuerySelector($"#legend tr[data-verdict='{id}']"));
        }
        Assert.Equal("7", dom.GetElementById("count-baseline")?.TextContent);
        foreach (var link in dom.QuerySelectorAll("#matrix sup a"))
        {
            var note = dom.GetElementById(link.GetAttribute("href")!.TrimStart('#'));
            Assert.NotNull(note);
            var f = model.Footnotes.Single(x => "fn-" + x.Number == note.Id);
            Assert.Contains(f.Citation.Path, note.TextContent);
            Assert.Contains(f.Citation.Quote, note.TextContent);
        }
        Assert.Contains(dom.QuerySelectorAll("section.edition-diff ul.articles del"), e => e.TextContent == "高于");

        var png = Chromium.Screenshot(page, Path.Combine(folder, "comparison.png"));
        Assert.True(new FileInfo(png).Length > 10_000);
    }
}
