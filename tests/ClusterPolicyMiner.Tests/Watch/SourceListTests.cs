using ClusterPolicyMiner.Tests.Support;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Tests.Watch;

public class SourceListTests
{
    [Fact]
    public void ListingsAreReadPerJurisdictionInFileOrderWithTheirSelectorPatternAndKeywords()
    {
        var sources = SourceList.Parse("""
            jurisdictions:
              - name: 陕西省
                listings:
                  - url: https://portal.example/gxt/tzgg/
                    selector: ul.list li a
                    keywords: [特色产业集群, 产业集群]
              - name: 青海省
                listings:
                  - url: https://other.example/news.html
                    pattern: 'href="(?<url>[^"]+)"[^>]*>(?<text>[^<]+)'
            """);

        Assert.Empty(sources.Errors);
        Assert.Equal(["陕西省", "青海省"], sources.Jurisdictions.Select(j => j.Name));
        var shaanxi = sources.Jurisdictions[0].Listings.Single();
        Assert.Equal(new Uri("https://portal.example/gxt/tzgg/"), shaanxi.Url);
        Assert.Equal("ul.list li a", shaanxi.Selector);
        Assert.Null(shaanxi.Pattern);
        Assert.Equal(["特色产业集群", "产业集群"], shaanxi.Keywords);
        var qinghai = sources.Jurisdictions[1].Listings.Single();
        Assert.Null(qinghai.Selector);
        Assert.Empty(qinghai.Keywords);
    }

    [Theory]
    [InlineData("url: notices/list.html", "url must be an absolute http(s) URL")]
    [InlineData("url: ftp://portal.example/list", "url must be an absolute http(s) URL")]
    [InlineData("url: https://portal.example/\n        selector: a\n        pattern: x", "give a selector or a pattern, not both")]
    [InlineData("url: https://portal.example/\n        selector: 'ul >> a['", "is not valid CSS")]
    [InlineData("url: https://portal.example/\n        pattern: '(unclosed'", "is not a valid regular expression")]
    public void AnInvalidListingIsLeftOutWithAnErrorAndTheOthersAreKept(string listing, string error)
    {
        var sources = SourceList.Parse($"""
            jurisdictions:
              - name: 北京市
                listings:
                  - {listing}
                  - url: https://portal.example/ok.html
            """);

        Assert.Contains(error, Assert.Single(sources.Errors));
        Assert.Equal(new Uri("https://portal.example/ok.html"), sources.Jurisdictions.Single().Listings.Single().Url);
    }

    [Fact]
    public void BrokenYamlOrAnUnknownKeyIsAnErrorWithItsLineNotAnException()
    {
        var typo = SourceList.Parse("jurisdictions:\n  - name: 上海市\n    listing:\n      - url: https://portal.example/\n");
        var broken = SourceList.Parse("jurisdictions: [\n");

        Assert.StartsWith("line 3: ", Assert.Single(typo.Errors));
        Assert.Empty(typo.Jurisdictions);
        Assert.Single(broken.Errors);
    }

    [Fact]
    public void TheRepositorysSourcesFileParsesWithoutErrorsAndNamesProvincesOverHttps()
    {
        var sources = SourceList.Parse(File.ReadAllText(Path.Combine(TestPaths.Corpus, "sources.yaml")));

        Assert.Empty(sources.Errors);
        Assert.True(sources.Jurisdictions.Count >= 5);
        Assert.All(sources.Jurisdictions, j => Assert.Matches("(省|市|自治区|全国)$", j.Name));
        Assert.All(sources.Jurisdictions.SelectMany(j => j.Listings), l => Assert.Contains("特色产业集群", l.Keywords));
    }
}
