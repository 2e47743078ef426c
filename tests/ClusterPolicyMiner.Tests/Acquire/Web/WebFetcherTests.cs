using System.Text;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Acquire.Web;

// Tests that open local ports share one collection, so they never run side by side and race for ports.
[Collection("local-http")]
public sealed class WebFetcherTests : IAsyncLifetime
{
    // Delays are virtual (see VirtualTime); only the timeout runs on the real clock.
    private static readonly FetchOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        PerHostDelay = TimeSpan.FromSeconds(2),
        BaseRetryDelay = TimeSpan.FromSeconds(1),
        MaxRetries = 2,
        MaxTotalRetryWait = TimeSpan.FromSeconds(30),
        MaxBodyBytes = 1024 * 1024,
    };

    private readonly HttpMessageHandler _handler = WebFetcher.CreateDefaultHandler(AddressPolicy.Allowing(System.Net.IPAddress.Loopback));
    private LocalHttpServer _server = null!;

    public Task InitializeAsync()
    {
        _server = NoticeSite.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _handler.Dispose();
    }

    private WebFetcher Fetcher(FetchOptions? options = null, VirtualTime? time = null) =>
        new(_handler, options ?? Fast, time ?? new VirtualTime());

    private Task<FetchResult> Fetch(string path, FetchOptions? options = null, VirtualTime? time = null) =>
        Fetcher(options, time).FetchAsync(_server.Url(path));

    private IReadOnlyList<LoggedRequest> RequestsTo(string path) =>
        _server.Requests.Where(r => r.PathAndQuery == path).ToList();

    [Fact]
    public async Task AGbkNoticeKeepsItsBytesAndPassesOnTheCharsetOfTheContentTypeHeader()
    {
        var result = await Fetch("/notices/gbk.html");

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(NoticeSite.Gbk, result.Bytes);
        Assert.Equal("gbk", result.HttpCharset);
        Assert.Equal("text/html", result.MediaType);
        var raw = result.ToRawDocument()!;
        Assert.Equal("gbk", raw.HttpCharset);
        Assert.Equal(_server.Url("/notices/gbk.html").AbsoluteUri, raw.Source);
    }

    [Fact]
    public async Task ABig5NoticeWhoseCharsetIsOnlyInTheHttpHeaderDecodesWithThatCharset()
    {
        var result = await Fetch("/notices/big5.html");

        Assert.DoesNotContain("charset", NoticeSite.Big5Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("big5", result.HttpCharset);
        Assert.Equal(NoticeSite.Big5Text, Encoding.GetEncoding(result.HttpCharset!).GetString(result.Bytes));
        Assert.NotEqual(NoticeSite.Big5Text, Encoding.UTF8.GetString(result.Bytes));
    }

    [Fact]
    public async Task APdfServedAsOctetStreamIsFetchedAsItsBytesForTheDecoderToSniff()
    {
        var result = await Fetch("/notices/cluster.pdf");

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(NoticeSite.Pdf, result.Bytes);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(result.Bytes, 0, 5));
        Assert.Null(result.HttpCharset);
    }

    [Theory]
    [InlineData("/notices/gzip.html", "gzip")]
    [InlineData("/notices/br.html", "br")]
    public async Task ACompressedBodyComesBackDecompressedAndTheRequestOffersAllThreeCodings(string path, string coding)
    {
        var result = await Fetch(path);

        Assert.Equal(NoticeSite.Utf8Text, Encoding.UTF8.GetString(result.Bytes));
        Assert.Contains(result.Headers, h => h.Key == "content-encoding" && h.Value == coding);
        Assert.Equal("gzip, deflate, br", RequestsTo(path).Single().AcceptEncoding);
    }

    [Fact]
    public async Task EveryRequestCarriesADescriptiveUserAgentWithTheVersionAndAProjectLink()
    {
        await Fetch("/notices/gbk.html");

        Assert.All(_server.Requests, r => Assert.Matches(@"^ClusterPolicyMiner/\d+\.\d+\.\d+ \(\+https://[^ )]+; ", r.UserAgent));
    }

    [Fact]
    public async Task HeadersAreKeptSelectedLowerCasedAndSortedByName()
    {
        var result = await Fetch("/notices/gbk.html");

        var names = result.Headers.Select(h => h.Key).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("content-type", names);
        Assert.Contains("etag", names);
        Assert.DoesNotContain("transfer-encoding", names);
        Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
    }

    [Fact]
    public async Task ARedirectChainIsFollowedAndTheFinalUrlAndEachHopAreRecorded()
    {
        var result = await Fetch("/go/1");

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(_server.Url("/go/1"), result.Url);
        Assert.Equal(_server.Url("/notices/gbk.html"), result.FinalUrl);
        Assert.Equal([_server.Url("/go/2"), _server.Url("/notices/gbk.html")], result.Redirects);
        Assert.Equal(NoticeSite.Gbk, result.Bytes);
    }

    [Fact]
    public async Task ARedirectLoopIsRefusedAsSoonAsAUrlComesBack()
    {
        var result = await Fetch("/loop/a");

        Assert.Equal(FetchOutcome.Error, result.Outcome);
        Assert.Equal(FetchErrorKind.Redirect, result.Error!.Kind);
        Assert.StartsWith("redirect loop: ", result.Error.Message);
        Assert.Single(RequestsTo("/loop/a"));
        Assert.Single(RequestsTo("/loop/b"));
    }

    [Fact]
    public async Task MoreRedirectsThanAllowedIsAnError()
    {
        var result = await Fetch("/go/1", Fast with { MaxRedirects = 1 });

        Assert.Equal(FetchErrorKind.Redirect, result.Error!.Kind);
        Assert.Equal("redirect: more than 1 redirects", result.Error.Message);
        Assert.Empty(RequestsTo("/notices/gbk.html"));
    }

    [Fact]
    public async Task ARefetchWithTheStoredETagIsConditionalAndComesBackNotModified()
    {
        var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(_server.Url("/notices/gbk.html"));
        var second = await fetcher.FetchAsync(_server.Url("/notices/gbk.html"), first.Validators);

        Assert.Equal(NoticeSite.NoticeETag, first.ETag);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal(304, second.StatusCode);
        Assert.Empty(second.Bytes);
        Assert.Null(second.ToRawDocument());
        Assert.Equal(first.Validators, second.Validators);
        Assert.Equal([null, NoticeSite.NoticeETag], RequestsTo("/notices/gbk.html").Select(r => r.IfNoneMatch));
    }

    [Fact]
    public async Task ARefetchWithTheStoredLastModifiedSendsIfModifiedSince()
    {
        var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(_server.Url("/notices/dated.html"));
        var second = await fetcher.FetchAsync(_server.Url("/notices/dated.html"), first.Validators);

        Assert.Equal("Mon, 06 Jan 2025 08:00:00 GMT", first.LastModified);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal("Mon, 06 Jan 2025 08:00:00 GMT", second.LastModified);
    }

    [Fact]
    public async Task A503WithRetryAfterIsRetriedAfterExactlyTheWaitTheServerAskedFor()
    {
        var time = new VirtualTime();
        var result = await Fetch(NoticeSite.BusyPath, time: time);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(2, RequestsTo(NoticeSite.BusyPath).Count);
        Assert.Contains(NoticeSite.BusyRetryAfter, time.Waits);
    }

    [Fact]
    public async Task ARetryAfterBeyondTheRetryBudgetEndsTheRetriesWithTheServersAnswer()
    {
        var result = await Fetch("/very-busy");

        Assert.Equal(FetchErrorKind.HttpStatus, result.Error!.Kind);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal("503 Service Unavailable (Retry-After 3600 s is beyond the retry budget)", result.Error.Message);
        Assert.Single(RequestsTo("/very-busy"));
    }

    [Fact]
    public async Task A500IsRetriedWithExponentialBackoffAndThenReportedAsAnError()
    {
        var time = new VirtualTime();
        var result = await Fetch("/broken", Fast with { PerHostDelay = TimeSpan.Zero }, time);

        Assert.Equal(FetchOutcome.Error, result.Outcome);
        Assert.Equal("500 Internal Server Error after 3 attempts", result.Error!.Message);
        Assert.Equal(3, RequestsTo("/broken").Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], time.Waits);
    }

    [Fact]
    public async Task A404IsAnErrorAtOnceWithoutRetries()
    {
        var result = await Fetch("/nowhere.html");

        Assert.Equal("404 Not Found", result.Error!.Message);
        Assert.Equal(404, result.StatusCode);
        Assert.Single(RequestsTo("/nowhere.html"));
        Assert.Equal(DiagnosticCode.FetchFailed, result.ToDiagnostic()!.Code);
    }

    [Fact]
    public async Task AResponseSlowerThanTheLimitIsATimeoutThatBoundsEveryAttemptOfTheUrl()
    {
        // The page takes 10 s; a 2 s limit leaves a busy machine time to send the request at all.
        var options = Fast with { Timeout = TimeSpan.FromSeconds(2), MaxRetries = 1 };
        var result = await Fetch("/slow", options);

        Assert.Equal(FetchErrorKind.Timeout, result.Error!.Kind);
        Assert.StartsWith("timeout: no complete answer for http://127.0.0.1:", result.Error.Message);
        Assert.EndsWith("within the limit of 2 s for the URL (all attempts, retries and redirects)", result.Error.Message);
        Assert.Single(RequestsTo("/slow"));
    }

    [Theory]
    [InlineData("/big", "Content-Length 2097152")]
    [InlineData("/big-chunked", "the body went on past it")]
    public async Task ABodyPastTheSizeLimitIsAnOversizeError(string path, string evidence)
    {
        var result = await Fetch(path);

        Assert.Equal(FetchErrorKind.Oversize, result.Error!.Kind);
        Assert.Equal($"oversize: body larger than 1048576 bytes ({evidence})", result.Error.Message);
        Assert.Empty(result.Bytes);
    }

    [Fact]
    public async Task AnImageIsRefusedByItsContentType()
    {
        var result = await Fetch("/photo.png");

        Assert.Equal(FetchErrorKind.ContentType, result.Error!.Kind);
        Assert.Equal("content type: image/png is not a notice", result.Error.Message);
    }

    [Fact]
    public async Task APathRobotsTxtDisallowsIsNeverRequestedAndRobotsTxtIsReadOncePerHost()
    {
        var fetcher = Fetcher();
        var blocked = await fetcher.FetchAsync(_server.Url("/private/notice.html"));
        var allowed = await fetcher.FetchAsync(_server.Url("/notices/gbk.html"));

        Assert.Equal(FetchErrorKind.Robots, blocked.Error!.Kind);
        Assert.EndsWith("disallows /private/notice.html", blocked.Error.Message);
        Assert.Equal(FetchOutcome.Fetched, allowed.Outcome);
        Assert.Empty(RequestsTo("/private/notice.html"));
        Assert.Single(RequestsTo("/robots.txt"));
    }

    [Fact]
    public async Task ARedirectIntoADisallowedPathIsStoppedBeforeTheHop()
    {
        _server.Map("/to-private", _ => ServedResponse.Redirect("/private/notice.html"));
        var result = await Fetch("/to-private");

        Assert.Equal(FetchErrorKind.Robots, result.Error!.Kind);
        Assert.Empty(RequestsTo("/private/notice.html"));
    }

    [Fact]
    public async Task RobotsTxtAnswering503ClosesTheSite()
    {
        _server.Map("/robots.txt", _ => ServedResponse.Empty(503));
        var result = await Fetch("/notices/gbk.html", Fast with { MaxRetries = 0 });

        Assert.Equal(FetchErrorKind.Robots, result.Error!.Kind);
        Assert.Contains("answered 503", result.Error.Message);
        Assert.Empty(RequestsTo("/notices/gbk.html"));
    }

    [Fact]
    public async Task RobotsTxtAnswering404AllowsEverything()
    {
        _server.Map("/robots.txt", _ => ServedResponse.Empty(404));
        var result = await Fetch("/private/notice.html");

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
    }

    [Fact]
    public async Task RequestsToOneHostRunOneAtATimeWithThePolitenessPauseBetweenThem()
    {
        var inFlight = 0;
        var most = 0;
        _server.Map("/count", _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            Thread.Sleep(50);
            Interlocked.Decrement(ref inFlight);
            return new(200, "ok"u8.ToArray(), "text/plain");
        });
        var time = new VirtualTime();
        var fetcher = Fetcher(time: time);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fetcher.FetchAsync(_server.Url("/count"))));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Fetched, r.Outcome));
        Assert.Equal(1, most);
        // robots.txt, then three requests: each after the first waits the pause.
        Assert.Equal(Enumerable.Repeat(Fast.PerHostDelay, 3), time.Waits);
    }

    [Fact]
    public async Task AClosedPortIsAConnectionRefusedError()
    {
        var url = new Uri($"http://127.0.0.1:{LocalHttpServer.FreePort()}/notice.html");
        var result = await Fetcher(Fast with { MaxRetries = 0 }).FetchAsync(url);

        Assert.Equal(FetchErrorKind.Refused, result.Error!.Kind);
        Assert.StartsWith("refused: ", result.Error.Message);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task HttpsAgainstAPlainHttpServerIsATlsError()
    {
        var url = new Uri($"https://127.0.0.1:{_server.BaseUri.Port}/notices/gbk.html");
        var result = await Fetcher(Fast with { MaxRetries = 0 }).FetchAsync(url);

        Assert.Equal(FetchErrorKind.Tls, result.Error!.Kind);
        Assert.StartsWith("TLS: ", result.Error.Message);
    }

    [Fact]
    public async Task AnUnknownHostNameIsADnsError()
    {
        // The handler fails as SocketsHttpHandler does on a failed lookup, so no resolver is asked.
        using var handler = new ThrowingHandler(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"));
        using var fetcher = new WebFetcher(handler, Fast with { MaxRetries = 0 }, new VirtualTime());
        var result = await fetcher.FetchAsync(new Uri("http://portal.invalid/notice.html"));

        Assert.Equal(FetchErrorKind.Dns, result.Error!.Kind);
        Assert.Equal("DNS: host name portal.invalid not found", result.Error.Message);
    }

    [Fact]
    public async Task ANonHttpUrlIsRefusedWithoutAnyRequest()
    {
        var result = await Fetcher().FetchAsync(new Uri("ftp://127.0.0.1/notice.html"));

        Assert.Equal(FetchErrorKind.UnsupportedUrl, result.Error!.Kind);
        Assert.Empty(_server.Requests);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = target; value > seen; seen = target)
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    private sealed class ThrowingHandler(Exception error) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(error);
    }
}
