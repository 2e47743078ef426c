namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>How <see cref="WebFetcher"/> behaves on the network. The defaults are polite to small
/// government servers: one request at a time per host, two seconds apart.</summary>
public sealed record FetchOptions
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string ProductToken = "ClusterPolicyMiner";

    /// <summary>Upper bound for one URL: robots.txt, every attempt (connecting, headers, the whole body),
    /// retry waits and redirects together. It runs on the real clock, because it bounds real network I/O.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies larger than this (after decompression) are refused as oversize.</summary>
    public long MaxBodyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Redirects followed before giving up; loops are refused at once.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Sent on every request. Names the tool and where to read about it; no host of any
    /// particular machine.</summary>
    public string UserAgent { get; init; } =
        $"{ProductToken}/{typeof(FetchOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} (+https://example.org/ClusterPolicyMiner; policy research crawler)";

    /// <summary>Time between the end of one request to a host and the start of the next one.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after the first attempt on 429, 5xx and timeouts.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Backoff before retry n (n from 0) is BaseRetryDelay · 2ⁿ, unless the server sent Retry-After.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>All retry waits of one request together stay under this; a Retry-After that would pass
    /// it ends the retries with the server's answer.</summary>
    public TimeSpan MaxTotalRetryWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Honour robots.txt (fetched once per scheme, host and port and cached).</summary>
    public bool RespectRobots { get; init; } = true;
}
