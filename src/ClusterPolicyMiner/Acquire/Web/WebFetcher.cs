using System.Net;
using Polly;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>The final answer for a URL after redirects and retries.</summary>
internal sealed record Exchange(Attempt Final, Uri FinalUrl, IReadOnlyList<Uri> Redirects, int Tries, TimeSpan RetryWaited);

/// <summary>Polite HTTP(S) GET of notices: robots.txt, one request at a time per host, retries with
/// backoff, manual bounded redirects, conditional refetch, size and type limits. Every failure comes
/// back as a <see cref="FetchResult"/> with <see cref="FetchOutcome.Error"/>; only cancelling the
/// token throws.</summary>
public sealed class WebFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly AttemptSender _sender;
    private readonly ResiliencePipeline<Attempt> _retries;
    private readonly RobotsCache _robots;

    /// <param name="handler">The HTTP stack; it should not follow redirects itself (see
    /// <see cref="CreateDefaultHandler"/>). The fetcher does not dispose it.</param>
    /// <param name="time">Drives politeness and retry waits and the fetched-at stamp; the system clock
    /// when null. The per-attempt timeout runs on the real clock.</param>
    public WebFetcher(HttpMessageHandler handler, FetchOptions options, TimeProvider? time = null)
    {
        Options = options;
        _time = time ?? TimeProvider.System;
        _client = new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _sender = new AttemptSender(_client, options, new HostGate(_time, options.PerHostDelay), _time);
        _retries = RetryPipeline.Build(options, _time);
        _robots = new RobotsCache((url, cancel) => FollowAsync(url, null, isDocument: false, RobotsCache.MaxBytes, cancel));
    }

    public FetchOptions Options { get; }

    /// <summary>A handler fit for the fetcher: no automatic redirects (they are followed and recorded by
    /// hand), no automatic decompression (done after the size check), no cookies, and every connection
    /// checked against <paramref name="addresses"/> (public addresses only by default) after DNS.</summary>
    public static HttpMessageHandler CreateDefaultHandler(AddressPolicy? addresses = null)
    {
        var policy = addresses ?? AddressPolicy.PublicOnly;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancel) => ConnectChecked(context.DnsEndPoint, policy, cancel),
        };
    }

    // Resolves the host, refuses it when any of its addresses is not permitted (so that a name cannot
    // point at both a public and a private address), and connects to the checked addresses only.
    private static async ValueTask<Stream> ConnectChecked(DnsEndPoint endpoint, AddressPolicy policy, CancellationToken cancel)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancel).ConfigureAwait(false);
        if (addresses.FirstOrDefault(a => !policy.Permits(a)) is { } refused)
            throw new AddressRefusedException(endpoint.Host, refused);
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancel).ConfigureAwait(false);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Fetches <paramref name="url"/>; with <paramref name="previous"/> validators the request
    /// is conditional and an unchanged document comes back as <see cref="FetchOutcome.NotModified"/>.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, FetchValidators? previous = null, CancellationToken cancel = default)
    {
        if (!IsHttp(url))
            return Failed(url, url, [], null, [], new(FetchErrorKind.UnsupportedUrl, $"unsupported URL: {url}"));

        // The time limit bounds the whole series for this URL: robots.txt, every attempt, retry wait and redirect.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(Options.Timeout);
        Exchange exchange;
        try
        {
            exchange = await FollowAsync(url, previous, isDocument: true, Options.MaxBodyBytes, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return Failed(url, url, [], null, [], new(FetchErrorKind.Timeout,
                $"timeout: no complete answer for {url.AbsoluteUri} within the limit of {Options.Timeout.TotalSeconds:0.###} s for the URL (all attempts, retries and redirects)"));
        }
        var final = exchange.Final;
        if (final.Error is { } error)
            return Failed(url, exchange.FinalUrl, exchange.Redirects, final.Status, final.Headers, error);

        if (final.Status == 304)
            return Result(url, exchange, FetchOutcome.NotModified, [], new FetchValidators(
                final.Validators.ETag ?? previous?.ETag, final.Validators.LastModified ?? previous?.LastModified), null);
        if (final.Status is >= 200 and < 300)
            return Result(url, exchange, FetchOutcome.Fetched, final.Body, final.Validators, null);

        var reason = final.StatusLine;
        if (exchange.Tries > 1) reason += $" after {exchange.Tries} attempts";
        if (final.IsTransient && RetryPipeline.RetryAfterBeyondBudget(Options, final, exchange.RetryWaited))
            reason += $" (Retry-After {final.RetryAfter!.Value.TotalSeconds:0} s is beyond the retry budget)";
        return Failed(url, exchange.FinalUrl, exchange.Redirects, final.Status, final.Headers, new(FetchErrorKind.HttpStatus, reason));
    }

    public void Dispose() => _client.Dispose();

    // Follows redirects by hand, checking robots.txt before each hop of a document.
    private async Task<Exchange> FollowAsync(Uri url, FetchValidators? previous, bool isDocument, long maxBytes, CancellationToken cancel)
    {
        var current = url;
        var redirects = new List<Uri>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        while (true)
        {
            if (isDocument && Options.RespectRobots
                && await _robots.CheckAsync(current, cancel).ConfigureAwait(false) is { } blocked)
                return new Exchange(Attempt.Failed(blocked), current, redirects, 0, TimeSpan.Zero);

            var exchange = await SendWithRetriesAsync(current, previous, isDocument, maxBytes, redirects, cancel).ConfigureAwait(false);
            var answer = exchange.Final;
            if (answer.Error is not null || !answer.IsRedirect) return exchange;

            FetchError? refusal = null;
            var next = answer.Location is { } location ? new Uri(current, location) : null;
            if (next is null)
                refusal = new(FetchErrorKind.Redirect, $"redirect: {answer.StatusLine} without a Location header");
            else if (!IsHttp(next))
                refusal = new(FetchErrorKind.Redirect, $"redirect: to unsupported URL {next}");
            else if (!visited.Add(next.AbsoluteUri))
                refusal = new(FetchErrorKind.Redirect, $"redirect loop: {string.Join(" -> ", [url.AbsoluteUri, .. redirects.Select(r => r.AbsoluteUri), next.AbsoluteUri])}");
            else if (redirects.Count >= Options.MaxRedirects)
                refusal = new(FetchErrorKind.Redirect, $"redirect: more than {Options.MaxRedirects} redirects");
            if (refusal is not null)
                return exchange with { Final = answer with { Error = refusal } };

            redirects.Add(next!);
            current = next!;
        }
    }

    private async Task<Exchange> SendWithRetriesAsync(
        Uri url, FetchValidators? previous, bool isDocument, long maxBytes, List<Uri> redirects, CancellationToken cancel)
    {
        var context = ResilienceContextPool.Shared.Get(cancel);
        try
        {
            var tries = 0;
            var answer = await _retries.ExecuteAsync(async ctx =>
            {
                tries++;
                return await _sender.SendAsync(url, previous, isDocument, maxBytes, ctx.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);
            return new Exchange(answer, url, [.. redirects], tries, RetryPipeline.WaitedSoFar(context));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private FetchResult Result(Uri url, Exchange exchange, FetchOutcome outcome, byte[] body, FetchValidators validators, FetchError? error) =>
        new(url, exchange.FinalUrl, outcome, exchange.Final.Status, exchange.Final.Headers, _time.GetUtcNow(), body,
            exchange.Final.MediaType, exchange.Final.Charset, validators, exchange.Redirects, error);

    private FetchResult Failed(Uri url, Uri finalUrl, IReadOnlyList<Uri> redirects, int? status,
        IReadOnlyList<KeyValuePair<string, string>> headers, FetchError error) =>
        new(url, finalUrl, FetchOutcome.Error, status, headers, _time.GetUtcNow(), [], null, null,
            FetchValidators.None, redirects, error);

    private static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
