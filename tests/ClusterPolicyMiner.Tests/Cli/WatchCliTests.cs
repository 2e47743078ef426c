using System.Text.Json;
using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Tests.Acquire.Web;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary>`cpm fetch` and `cpm watch` end to end on the SQLite store, against a server on 127.0.0.1.</summary>
[Collection("local-http")]
public sealed class WatchCliTests : IAsyncLifetime
{
    private const string ListingHtml = """
        <html><head><meta charset="utf-8"><title>通知公告</title></head><body>
        <ul class="news">
          <li><a href="/notices/gbk.html">陕西省关于组织开展2024年度中小企业特色产业集群申报工作的通知</a></li>
          <li><a href="/notices/other.html">关于举办职业技能大赛的通知</a></li>
        </ul></body></html>
        """;

    private readonly TempFolder _dir = new();
    private LocalHttpServer _server = null!;

    public Task InitializeAsync()
    {
        _server = NoticeSite.StartWithListing(ListingHtml);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private static Task<(int Code, string Out, string Err)> Cpm(params string[] args) => CpmRunner.Run(args);

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public async Task WatchingTwiceIngestsTheNoticeOnceAndTheSecondRunOnlyAsksConditionally()
    {
        var sources = _dir.File("sources.yaml");
        File.WriteAllText(sources, $"""
            jurisdictions:
              - name: 陕西省
                listings:
                  - url: {_server.Url("/gxt/list.html")}
                    selector: ul.news a
                    keywords: [特色产业集群]
            """);
        var db = _dir.File("s.db");

        var first = await Cpm("watch", "--sources", sources, "--db", db, "--delay", "0", "--json", "--allow-private");
        Assert.Equal(0, first.Code);
        var notice = Assert.Single(Lines(first.Out));
        Assert.Equal("new", notice.GetProperty("status").GetString());
        Assert.EndsWith("/notices/gbk.html", notice.GetProperty("source").GetString());

        var before = _server.Requests.Count;
        var second = await Cpm("watch", "--sources", sources, "--db", db, "--delay", "0", "--json", "--allow-private");
        Assert.Equal(0, second.Code);
        Assert.Empty(Lines(second.Out));
        var listingRequests = _server.Requests.Skip(before).Where(r => r.PathAndQuery.StartsWith("/gxt/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(listingRequests);
        Assert.All(listingRequests, r => Assert.True(r.IsConditional, $"{r.PathAndQuery} was asked for without a condition"));
        Assert.DoesNotContain(_server.Requests.Skip(before), r => r.PathAndQuery.StartsWith("/notices/", StringComparison.Ordinal));

        var shown = await Cpm("show", notice.GetProperty("id").GetString()!, "--text", "--db", db);
        Assert.Contains("不低于50%", shown.Out);
    }

    [Fact]
    public async Task FetchStoresANewNoticeRefetchesItConditionallyAndReportsAFailedUrlWithExitCode1()
    {
        var db = _dir.File("s.db");
        var url = _server.Url("/notices/gbk.html").AbsoluteUri;
        var first = await Cpm("fetch", url, "--db", db, "--delay", "0", "--json", "--allow-private");
        Assert.Equal(0, first.Code);
        Assert.Equal("new", Lines(first.Out)[0].GetProperty("status").GetString());

        var before = _server.Requests.Count;
        var again = await Cpm("fetch", url, _server.Url("/missing.html").AbsoluteUri, "--db", db, "--delay", "0", "--json", "--allow-private");
        Assert.Equal(1, again.Code);
        var lines = Lines(again.Out);
        Assert.Equal("unchanged", lines[0].GetProperty("status").GetString());
        Assert.Equal("error", lines[1].GetProperty("status").GetString());
        Assert.Contains("404", lines[1].GetProperty("error").GetString());
        Assert.Contains(_server.Requests.Skip(before), r => r.PathAndQuery == "/notices/gbk.html" && r.IsConditional);
        Assert.Contains("missing.html", again.Err);
    }
}
