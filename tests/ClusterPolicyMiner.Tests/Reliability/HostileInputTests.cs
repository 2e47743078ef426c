using System.Text;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;

namespace ClusterPolicyMiner.Tests.Reliability;

/// <summary>Hostile shapes of input (deep nesting, page-long lines) stay within linear work, and the cleaner
/// says so when it removes a paragraph that reads like content. Speed itself is measured in whole-process
/// runs (README), not here: these tests check the outputs the linear paths give.</summary>
public class HostileInputTests
{
    private static PolicyDocument Process(string source, string content) =>
        new DocumentPipeline(new()).Process(new RawDocument(source, Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void ShallowMarkupPassesTheDepthGuardAsTheSameString()
    {
        var page = "<html><body><div class=main><div><p>第一条 为促进发展，制定本办法。<p>第二条 有效期三年。</div></div></body></html>";
        Assert.Same(page, HtmlDepthGuard.Flatten(page));
    }

    [Fact]
    public void DeepNestingIsFlattenedBelowTheLimitAndItsTextKept()
    {
        var depth = 5000;
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "第一条 为促进中小企业发展，制定本办法。"
                   + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var flat = HtmlDepthGuard.Flatten(page);
        Assert.Equal(HtmlDepthGuard.MaxDepth, flat.Split("<div>").Length - 1);
        Assert.Equal(HtmlDepthGuard.MaxDepth, flat.Split("</div>").Length - 1);
        Assert.Contains("第一条 为促进中小企业发展，制定本办法。", flat);
    }

    [Fact]
    public void AHundredThousandNestedDivsStillGiveTheNoticeText()
    {
        var depth = 100_000;
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth))
                   + "<p>第一条 为促进中小企业特色产业集群发展，制定本办法。</p><p>第二条 集群认定有效期为三年。</p>"
                   + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var doc = Process("deep.html", page);
        Assert.DoesNotContain(doc.Diagnostics, d => d.IsError);
        Assert.Contains("集群认定有效期为三年", doc.Text);
    }

    [Fact]
    public void EveryNumberOnAPageLongLineIsStillRead()
    {
        // One "sentence" of 20,000 clauses: each clause keeps its own threshold.
        var clauses = Enumerable.Range(1, 20_000).Select(i => $"集群主导产业产值不低于{i}亿元");
        var doc = Process("long.txt", "第一条 " + string.Join("，", clauses) + "。\n");
        Assert.DoesNotContain(doc.Diagnostics, d => d.IsError);
        Assert.Equal(20_000, doc.Thresholds.Count(t => t.Unit == "CNY"));
        Assert.Equal(100_000_000m, doc.Thresholds.First().Value);
        Assert.Equal(20_000m * 100_000_000m, doc.Thresholds.Last().Value);
    }

    [Fact]
    public void AParagraphOfCriteriaDroppedAfterAJunkLineIsAContentRemovedDiagnostic()
    {
        var text = "关于开展2024年度中小企业特色产业集群申报工作的通知\n各市工业和信息化局：\n"
                   + "第一条 为促进中小企业特色产业集群发展，制定本细则。\n相关阅读\n+cmd|'\n"
                   + "申报集群应当满足：主导产业产值不低于10亿元；中小企业产值占比不低于70%；专精特新中小企业不少于5家。\n";
        var doc = Process("cmd.txt", text);
        var removed = Assert.Single(doc.Diagnostics, d => d.Code == DiagnosticCode.ContentRemoved);
        Assert.Contains("主导产业产值不低于10亿元", removed.Message);
        Assert.False(removed.IsError);
    }

    [Theory]
    [InlineData("主导产业产值不低于10亿元；中小企业产值占比不低于70%。", true)]
    [InlineData("集群内专精特新中小企业不少于五家，且近三年均有增长。", true)]
    [InlineData("出于传递更多信息之目的，本网转载的内容并不代表本网赞同其观点。", false)]
    [InlineData("版权所有 某省工业和信息化厅", false)]
    [InlineData("12345", false)]
    public void ALineReadsLikeContentWhenItHasSentencesAndQuantities(string line, bool content) =>
        Assert.Equal(content, Cleaner.LooksLikeContent(line));

    [Fact]
    public void TextPastTheCharacterLimitIsTooLargeAndTheBatchGoesOn()
    {
        var pipeline = new DocumentPipeline(new() { MaxTextChars = 2000 });
        var docs = pipeline.ProcessBatch(
        [
            new RawDocument("long.txt", Encoding.UTF8.GetBytes(new string('a', 5000) + "\n")),
            new RawDocument("ok.txt", Encoding.UTF8.GetBytes("第一条 为促进中小企业特色产业集群发展，制定本办法。\n")),
        ]);
        var tooLarge = Assert.Single(docs[0].Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCode.TooLarge, tooLarge.Code);
        Assert.Equal("too large: the text has 5001 characters, over the limit of 2000", tooLarge.Message);
        Assert.Equal("", docs[0].Text);
        Assert.DoesNotContain(docs[1].Diagnostics, d => d.IsError);

        // Bytes past four per character of the limit are refused before decoding.
        var undecoded = pipeline.Process(new RawDocument("huge.txt", new byte[8001]));
        Assert.Equal("too large: 8001 bytes of text hold more than the limit of 2000 characters",
            Assert.Single(undecoded.Diagnostics).Message);
    }
}
