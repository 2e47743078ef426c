using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Tests.Watch;

public class LinkExtractorTests
{
    private static readonly Uri Page = new("http://127.0.0.1:8080/gxt/tzgg/index.html");

    private const string Listing = """
        <html><head><meta charset="utf-8"></head><body>
        <div class="nav"><a href="/zt/">特色产业集群专题</a></div>
        <ul class="list">
          <li><a href="t20240412_1.html">关于开展2024年度中小企业特色产业集群申报工作的通知</a><span>2024-04-12</span></li>
          <li><a href="./t20240301_2.html#top" title="关于公布2023年度省级中小企业特色产业集群名单的通知">关于公布2023年度省级中小企业特色…</a></li>
          <li><a href="/other/t20240201_3.html">关于举办职业技能大赛的通知</a></li>
          <li><a href="t20240412_1.html">关于开展2024年度中小企业特色产业集群申报工作的通知</a></li>
          <li><a href="javascript:void(0)">特色产业集群</a></li>
        </ul></body></html>
        """;

    private static ListingPage With(string? selector = null, string? pattern = null, params string[] keywords) =>
        new(Page, selector, pattern, keywords);

    [Fact]
    public void ASelectorPicksTheLinksWithAKeywordResolvedAgainstThePageAndWithoutDuplicates()
    {
        var (links, error) = LinkExtractor.Extract(Listing, Page, With("ul.list li", null, "特色产业集群"));

        Assert.Null(error);
        Assert.Equal(
            ["http://127.0.0.1:8080/gxt/tzgg/t20240412_1.html", "http://127.0.0.1:8080/gxt/tzgg/t20240301_2.html"],
            links.Select(l => l.Url.AbsoluteUri));
        // The full title from the title attribute beats the shortened text.
        Assert.Equal("关于公布2023年度省级中小企业特色产业集群名单的通知", links[1].Title);
    }

    [Fact]
    public void WithoutSelectorOrKeywordsEveryHttpLinkOfThePageCounts()
    {
        var (links, _) = LinkExtractor.Extract(Listing, Page, With());

        Assert.Equal(4, links.Count);
        Assert.Equal("http://127.0.0.1:8080/zt/", links[0].Url.AbsoluteUri);
    }

    [Fact]
    public void APatternTakesTheUrlAndTextGroups()
    {
        var (links, _) = LinkExtractor.Extract(Listing, Page,
            With(null, """<li><a href="(?<url>[^"]+)"[^>]*>(?<text>[^<]*)</a>""", "特色"));

        Assert.Equal(["t20240412_1.html", "t20240301_2.html"], links.Select(l => l.Url.Segments[^1]));
        Assert.Equal("关于开展2024年度中小企业特色产业集群申报工作的通知", links[0].Title);
    }

    [Fact]
    public void ABaseElementChangesWhereRelativeLinksPoint()
    {
        var html = """<html><head><base href="/notices/"></head><body><a href="a.html">特色产业集群</a></body></html>""";

        var (links, _) = LinkExtractor.Extract(html, Page, With());

        Assert.Equal("http://127.0.0.1:8080/notices/a.html", links.Single().Url.AbsoluteUri);
    }
}
