using ClusterPolicyMiner.Acquire.Web;

namespace ClusterPolicyMiner.Tests.Acquire.Web;

public class RobotsRulesTests
{
    private const string Portal = """
        # A portal's robots.txt
        User-agent: *
        Disallow: /admin/
        Disallow: /search
        Allow: /admin/public/
        Disallow: /*.doc$

        User-agent: BadBot
        User-agent: OtherBot
        Disallow: /
        """;

    // One row per case: robots.txt path, whether we may fetch it. Add a row for every bug found.
    [Theory]
    [InlineData("/zwgk/tzgg/202404/t20240412_1.html", true)]
    [InlineData("/admin/login", false)]
    [InlineData("/admin/public/notice.html", true)] // the longer Allow wins
    [InlineData("/search?q=集群", false)]
    [InlineData("/searching", false)] // a plain rule is a prefix
    [InlineData("/files/notice.doc", false)]
    [InlineData("/files/notice.docx", true)] // "$" anchors the end
    [InlineData("/robots.txt", true)]
    public void TheStarGroupAppliesWithTheLongestMatchWinning(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Portal, FetchOptions.ProductToken).Allows(new Uri("http://127.0.0.1" + path)));

    [Fact]
    public void AGroupNamingOurProductTokenReplacesTheStarGroup()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: clusterpolicyminer\nDisallow: /private/\n", FetchOptions.ProductToken);

        Assert.True(rules.Allows(new Uri("http://127.0.0.1/notice.html")));
        Assert.False(rules.Allows(new Uri("http://127.0.0.1/private/a.html")));
    }

    [Fact]
    public void ConsecutiveUserAgentLinesShareOneGroup()
    {
        var rules = RobotsRules.Parse("User-agent: SomeBot\nUser-agent: ClusterPolicyMiner\nDisallow: /x/\n", FetchOptions.ProductToken);

        Assert.False(rules.Allows(new Uri("http://127.0.0.1/x/1.html")));
    }

    [Fact]
    public void AnEmptyDisallowAllowsEverything()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow:\n", FetchOptions.ProductToken);

        Assert.True(rules.Allows(new Uri("http://127.0.0.1/anything")));
    }

    [Fact]
    public void WithoutAnyMatchingGroupEverythingIsAllowed()
    {
        var rules = RobotsRules.Parse("User-agent: BadBot\nDisallow: /\n", FetchOptions.ProductToken);

        Assert.True(rules.Allows(new Uri("http://127.0.0.1/notice.html")));
    }
}
