using System.Text;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Acquire.Web;
using ClusterPolicyMiner.Tests.Support;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Tests.Watch;

[Collection("local-http")]
public sealed class WatcherTests : IAsyncLifetime
{
    private const string ListingHtml = """
        <html><head><meta charset="utf-8"><title>通知公告</title></head><body>
        <div class="nav"><a href="/zt/">特色产业集群专题</a></div>
        <ul class="news">
          <li><a href="/notices/gbk.html">陕西省关于组织开展2024年度中小企业特色产业集群申报工作的通知</a></li>
          <li><a href="../notices/big5.html" title="关于组织开展2025年度中小企业特色产业集群申报的通知">关于组织开展2025年度…</a></li>
          <li><a href="/notices/cluster.pdf">2024年度中小企业特色产业集群名单</a></li>
          <li><a href="/notices/other.html">关于举办职业技能大赛的通知</a></li>
        </ul></body></html>
        """;

    private static readonly FetchOptions Options = new()
    {
        Timeout = TimeSpan.FromSeconds(5), PerHostDelay = TimeSpan.FromSeconds(1), MaxRetries = 1,
        BaseRetryDelay = TimeSpan.FromSeconds(1),
    };

    private readonly HttpMessageHandler _handler = WebFetcher.CreateDefaultHandler(AddressPolicy.Allowing(System.Net.IPAddress.Loopback));
    private readonly InMemoryWatchState _state = new();
    private readonly List<RawDocument> _ingested = [];
    private LocalHttpServer _server = null!;

    public Task InitializeAsync()
    {
        _server = NoticeSite.StartWithListing(ListingHtml);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _handler.Dispose();
    }

    private SourceList Sources(params string[] listingPaths) => SourceList.Parse($"""
        jurisdictions:
          - name: 陕西省
            listings:
        {string.Concat(listingPaths.Select(p => $"      - url: {_server.Url(p)}\n        selector: ul.news a\n        keywords: [特色产业集群]\n"))}
        """);

    // Each run gets a fresh fetcher, as two `cpm watch` processes would; only the state is shared.
    private async Task<WatchReport> Run(SourceList sources, Func<FetchResult, Task<IngestOutcome>>? ingest = null)
    {
        using var fetcher = new WebFetcher(_handler, Options, new VirtualTime());
        return await new Watcher(fetcher, new WatchOptions()).RunAsync(sources, _state, ingest ?? Ingest);
    }

    private Task<IngestOutcome> Ingest(FetchResult fetched)
    {
        var raw = fetched.ToRawDocument()!;
        _ingested.Add(raw);
        return Task.FromResult(new IngestOutcome(IngestStatus.New, raw.Id));
    }

    [Fact]
    public async Task TheFirstRunIngestsTheMatchingNoticesAndTheSecondFindsNoneNewSendingOnlyConditionalRequests()
    {
        var sources = Sources("/gxt/list.html");
        Assert.Empty(sources.Errors);

        var first = await Run(sources);
        var afterFirst = _server.Requests.Count;
        var second = await Run(sources);
        var secondRequests = _server.Requests.Skip(afterFirst).ToList();

        Assert.Equal(
            ["/notices/gbk.html", "/notices/big5.html", "/notices/cluster.pdf"],
            first.Notices.Select(n => n.Link.AbsolutePath));
        Assert.All(first.Notices, n => Assert.Equal(IngestStatus.New, n.Status));
        Assert.Equal(_ingested.Select(r => r.Id), first.NewDocumentIds);
        Assert.Equal([NoticeSite.Gbk, NoticeSite.Big5, NoticeSite.Pdf], _ingested.Select(r => r.Bytes));
        Assert.Equal("big5", _ingested[1].HttpCharset);
        Assert.Equal("关于组织开展2025年度中小企业特色产业集群申报的通知", first.Notices[1].Title);
        Assert.Equal(new ListingVisit("陕西省", _server.Url("/gxt/list.html"), FetchOutcome.Fetched, 3, 3, null), first.Listings.Single());

        Assert.Empty(second.Notices);
        Assert.Empty(second.NewDocumentIds);
        Assert.False(second.HasErrors);
        Assert.Equal(FetchOutcome.NotModified, second.Listings.Single().Outcome);
        Assert.Equal(3, _ingested.Count);
        // Apart from robots.txt, which a new process reads again, every request of the second run
        // was conditional, and only the listing was asked for.
        var documentRequests = secondRequests.Where(r => r.PathAndQuery != "/robots.txt").ToList();
        Assert.Equal(["/gxt/list.html"], documentRequests.Select(r => r.PathAndQuery));
        Assert.All(documentRequests, r => Assert.Equal("\"list-v1\"", r.IfNoneMatch));
    }

    [Fact]
    public async Task WhenTheListingChangesOnlyTheNewLinkIsFetched()
    {
        await Run(Sources("/gxt/list.html"));
        var grown = ListingHtml.Replace("<ul class=\"news\">",
            "<ul class=\"news\"><li><a href=\"/notices/gzip.html\">关于2025年度特色产业集群复核的通知</a></li>");
        _server.MapDocument("/gxt/list.html", Encoding.UTF8.GetBytes(grown), "text/html; charset=utf-8", "\"list-v2\"");
        var afterFirst = _server.Requests.Count;

        var second = await Run(Sources("/gxt/list.html"));

        Assert.Equal("/notices/gzip.html", second.Notices.Single().Link.AbsolutePath);
        Assert.Equal(
            ["/robots.txt", "/gxt/list.html", "/notices/gzip.html"],
            _server.Requests.Skip(afterFirst).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ANoticeThatFailedIsTriedAgainOnTheNextRunBecauseTheListingIsNotMarkedCurrent()
    {
        _server.MapDocument("/gxt/list.html", Encoding.UTF8.GetBytes(ListingHtml.Replace("/notices/cluster.pdf", "/notices/gone.pdf")),
            "text/html; charset=utf-8", "\"list-v1\"");

        var first = await Run(Sources("/gxt/list.html"));
        var afterFirst = _server.Requests.Count;
        var second = await Run(Sources("/gxt/list.html"));

        var failed = first.Notices.Single(n => n.Status == IngestStatus.Error);
        Assert.Equal("404 Not Found", failed.Error);
        Assert.True(first.HasErrors);
        Assert.Equal(2, first.NewDocumentIds.Count);
        Assert.Null(_state.GetValidators(_server.Url("/gxt/list.html")));
        // The listing is fetched in full again and only the failed link is retried.
        Assert.Equal(["/notices/gone.pdf"], second.Notices.Select(n => n.Link.AbsolutePath));
        Assert.Null(_server.Requests.Skip(afterFirst).Single(r => r.PathAndQuery == "/gxt/list.html").IfNoneMatch);
    }

    [Fact]
    public async Task AnIngestCallbackThatThrowsCostsOnlyThatNotice()
    {
        var report = await Run(Sources("/gxt/list.html"), fetched =>
            fetched.MediaType == "application/octet-stream" ? throw new InvalidOperationException("store is full") : Ingest(fetched));

        Assert.Equal([IngestStatus.New, IngestStatus.New, IngestStatus.Error], report.Notices.Select(n => n.Status));
        Assert.Equal("ingest: InvalidOperationException: store is full", report.Notices[2].Error);
        Assert.False(_state.HasSeen(_server.Url("/notices/cluster.pdf")));
    }

    [Fact]
    public async Task ADuplicateIsMarkedSeenButIsNotCountedAsNew()
    {
        var report = await Run(Sources("/gxt/list.html"), fetched =>
            Task.FromResult(new IngestOutcome(IngestStatus.Unchanged, fetched.ToRawDocument()!.Id, DuplicateOf: "abc")));

        Assert.All(report.Notices, n => Assert.Equal("abc", n.DuplicateOf));
        Assert.Empty(report.NewDocumentIds);
        Assert.Equal(3, _state.Seen.Count);
    }

    [Fact]
    public async Task AFailingListingIsReportedAndTheOtherListingsStillRun()
    {
        var report = await Run(Sources("/broken", "/gxt/list.html"));

        Assert.Equal([FetchOutcome.Error, FetchOutcome.Fetched], report.Listings.Select(l => l.Outcome));
        Assert.Equal("500 Internal Server Error after 2 attempts", report.Listings[0].Error);
        Assert.Equal(3, report.NewDocumentIds.Count);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public async Task ALinkOnTwoListingsIsFetchedOnce()
    {
        _server.MapDocument("/gxt/list2.html", Encoding.UTF8.GetBytes(ListingHtml), "text/html; charset=utf-8", "\"list2\"");

        var report = await Run(Sources("/gxt/list.html", "/gxt/list2.html"));

        Assert.Equal(3, report.Notices.Count);
        Assert.Equal(new ListingVisit("陕西省", _server.Url("/gxt/list2.html"), FetchOutcome.Fetched, 3, 0, null), report.Listings[1]);
        Assert.Single(_server.Requests, r => r.PathAndQuery == "/notices/gbk.html");
    }

    [Fact]
    public async Task NewNoticesBeyondThePerListingLimitWaitForTheNextRun()
    {
        var sources = Sources("/gxt/list.html");
        using var fetcher = new WebFetcher(_handler, Options, new VirtualTime());
        var watcher = new Watcher(fetcher, new WatchOptions { MaxNewNoticesPerListing = 2 });

        var first = await watcher.RunAsync(sources, _state, Ingest);
        var second = await watcher.RunAsync(sources, _state, Ingest);

        Assert.Equal(2, first.Notices.Count);
        Assert.Equal(3, first.Listings.Single().Unseen);
        Assert.Equal("/notices/cluster.pdf", second.Notices.Single().Link.AbsolutePath);
    }

    [Fact]
    public async Task ProgressCountsEachListingAndEachNoticeItWillFetchTheTotalGrowingAsListingsAreRead()
    {
        var sources = Sources("/gxt/list.html");
        using var fetcher = new WebFetcher(_handler, Options, new VirtualTime());
        var reports = new List<(int Done, int Total)>();
        var watcher = new Watcher(fetcher, new WatchOptions { MaxNewNoticesPerListing = 2 }) { Progress = (d, t) => reports.Add((d, t)) };

        await watcher.RunAsync(sources, _state, Ingest);
        var afterFirst = reports.Count;
        await watcher.RunAsync(sources, _state, Ingest);

        // One listing, then the two notices the limit lets through (of three unseen).
        Assert.Equal([(0, 1), (1, 1), (1, 3), (2, 3), (3, 3)], reports.Take(afterFirst));
        // The second run starts from nothing again and has the one notice left.
        Assert.Equal([(0, 1), (1, 1), (1, 2), (2, 2)], reports.Skip(afterFirst));
    }
}
