using System.Text.RegularExpressions;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Acquire;

/// <summary>The real-format corpus fixtures decode to text holding their seed's sentences.</summary>
public class FixtureDecodingTests
{
    private static readonly string[] Articles =
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九"];

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    [Fact]
    public void TheGbkPortalPageHoldsSeed002sArticlesAndAnnex()
    {
        var d = Acq.Decode(Acq.Corpus("beijing-2023-measures-draft.portal.gbk.html"));
        Assert.Contains("第十九条本办法发布之日起实施,有效期三年。", d.Text);
        Assert.Contains("有效发明专利年均增长率不低于15%", d.Text);
        Assert.Contains("当前位置：", d.Text);           // the furniture is still there: cleaning is a later stage
        Assert.Contains("\r\n", d.Text);                 // and so are the page's CRLF line ends
        foreach (var n in Articles)
            Assert.Contains($"<p style=\"text-indent: 2em;\">第{n}条", d.Text);
    }

    [Fact]
    public void TheBig5PortalPageHoldsSeed003sBodyWithItsNumericCharacterReferencesUntouched()
    {
        var d = Acq.Decode(Acq.Corpus("shanghai-2024-application-notice.portal.big5.html"));
        Assert.Contains("(五)協同創新能力較強。集群近三年中小企業研發經費年均增長5%以上;", d.Text);
        Assert.Contains("<p align=\"right\">上海市經濟和信息化委員會</p>", d.Text);
        Assert.Contains("初審?f&#249;)ㄟ^", d.Text);   // resolving &#…; is the HTML parser's job
        Assert.DoesNotContain("(yè)", d.Text);
    }

    [Fact]
    public void TheTraditionalRepostOfSeed001IsUtf8ByStatistics()
    {
        var d = Acq.Decode(Acq.Corpus("shaanxi-2023-implementing-measures.zh-hant.txt"));
        Assert.Equal((DocumentFormat.Txt, "utf-8", "statistics"), (d.Format, d.Encoding, d.EncodingRule));
        Assert.Contains("陝工信發〔2023〕89號", d.Text);
        Assert.Contains("產業集羣發展實施辦法（暫行）", d.Text);
    }

    [Theory]
    [InlineData("beijing-2023-measures-draft.txt")]
    [InlineData("qinghai-2023-implementing-rules.txt")]
    [InlineData("shaanxi-2023-implementing-measures.txt")]
    [InlineData("shanghai-2024-application-notice.zh-hant.txt")]
    [InlineData("shanxi-2025-application-notice.zh-hant.txt")]
    public void EverySeedIsUtf8TextWithoutDiagnostics(string name)
    {
        var d = Acq.Decode(Acq.Corpus(name));
        Assert.Equal((DocumentFormat.Txt, "utf-8", "statistics"), (d.Format, d.Encoding, d.EncodingRule));
        Assert.Empty(d.Diagnostics);
    }

    [RequiresCommandFact("pdftotext", "poppler-utils")]
    public void ThePdfThroughPdftotextHoldsEveryArticleOfSeed000WithAFormFeedPerPage()
    {
        var d = new DocumentDecoder(new DecodeOptions())
            .Decode(new RawDocument("qinghai.pdf", Acq.Corpus("qinghai-2023-implementing-rules.libreoffice.pdf")));
        Assert.Equal((DocumentFormat.Pdf, "utf-8", "pdf"), (d.Format, d.Encoding, d.EncodingRule));
        Assert.Empty(d.Diagnostics);
        Assert.Equal(7, d.Text.Count(c => c == '\f'));
        var squeezed = Squeeze(d.Text);
        foreach (var n in Articles)
            Assert.Contains($"第{n}条", squeezed);
        Assert.Contains("第十九条本实施细则自2023年6月27日起实施,有效期2年。", squeezed);
        Assert.Contains("工业互联网平台应用普及率不低于8%", squeezed);
        Assert.Matches(@"(?m)^- ?7 ?-$", d.Text);   // the page footers are still there for the cleaner
    }

    [RequiresCommandFact("pdftotext", "poppler-utils")]
    public void APageBreakOfThePdfFallsInsideAParagraph()
    {
        var d = new DocumentDecoder(new DecodeOptions())
            .Decode(new RawDocument("qinghai.pdf", Acq.Corpus("qinghai-2023-implementing-rules.libreoffice.pdf")));
        var firstPage = d.Text[..d.Text.IndexOf('\f')];
        var lastLine = firstPage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Last(l => !Regex.IsMatch(l, @"^-\d+-$"));
        Assert.False(lastLine.EndsWith('。'), $"page 1 ends a paragraph: {lastLine}");
    }

    [Fact]
    public void SourcesMdNamesEveryCorpusFile()
    {
        var sources = File.ReadAllText(Path.Combine(TestPaths.Corpus, "SOURCES.md"));
        var documents = FileSource.Enumerate([TestPaths.Corpus]).Where(f => !f.IsSkipped).ToList();
        Assert.Equal(11, documents.Count);
        foreach (var f in documents)
            Assert.Contains($"`{Path.GetFileName(f.Path)}`", sources);
    }
}
