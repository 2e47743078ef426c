using System.Collections.Concurrent;
using System.Text;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>robots.txt per scheme, host and port, fetched once and kept for the fetcher's lifetime.
/// Following RFC 9309: a 4xx answer allows everything, a 5xx answer closes the site; when the host
/// cannot be reached at all, the URL fails with that network error instead.</summary>
internal sealed class RobotsCache(Func<Uri, CancellationToken, Task<Exchange>> fetch)
{
    /// <summary>RFC 9309 asks crawlers to read at least 500 KiB of robots.txt.</summary>
    public const long MaxBytes = 512 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<Verdict>>> _byOrigin = new(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="url"/> may be fetched, else why not.</summary>
    public async Task<FetchError?> CheckAsync(Uri url, CancellationToken cancel)
    {
        var origin = url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        var entry = _byOrigin.GetOrAdd(origin, o => new Lazy<Task<Verdict>>(() => LoadAsync(new Uri(new Uri(o), "/robots.txt"), cancel)));
        Verdict verdict;
        try
        {
            verdict = await entry.Value.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A cancelled load must not be remembered for the next caller.
            _byOrigin.TryRemove(KeyValuePair.Create(origin, entry));
            throw;
        }
        if (verdict.Unreachable is { } error) return error;
        if (verdict.Rules.Allows(url)) return null;
        return new FetchError(FetchErrorKind.Robots, verdict.Rules.BlockedReason is { } reason
            ? $"robots: {reason}"
            : $"robots: robots.txt of {url.Authority} disallows {url.PathAndQuery}");
    }

    private async Task<Verdict> LoadAsync(Uri robotsUrl, CancellationToken cancel)
    {
        var exchange = await fetch(robotsUrl, cancel).ConfigureAwait(false);
        var answer = exchange.Final;
        if (answer.Error is { Kind: FetchErrorKind.Dns or FetchErrorKind.Refused or FetchErrorKind.Tls or FetchErrorKind.Timeout or FetchErrorKind.Network } error)
            return new Verdict(RobotsRules.AllowAll, error);
        return answer.Status switch
        {
            >= 200 and < 300 => new Verdict(RobotsRules.Parse(Encoding.UTF8.GetString(answer.Body), FetchOptions.ProductToken), null),
            >= 500 => new Verdict(RobotsRules.DisallowAll(
                $"robots.txt of {robotsUrl.Authority} answered {answer.StatusLine}, so the site counts as closed (RFC 9309)"), null),
            // 4xx, too many redirects and the like: robots.txt is unavailable, which allows everything.
            _ => new Verdict(RobotsRules.AllowAll, null),
        };
    }

    private sealed record Verdict(RobotsRules Rules, FetchError? Unreachable);
}
