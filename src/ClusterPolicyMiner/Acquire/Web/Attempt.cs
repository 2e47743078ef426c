namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>One HTTP exchange: either an answer (status, selected headers, maybe a body) or a transport
/// failure in <see cref="Error"/>. Statuses are judged later by the fetcher, not here.</summary>
internal sealed record Attempt(
    int? Status,
    string? Reason,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? MediaType,
    string? Charset,
    FetchValidators Validators,
    Uri? Location,
    TimeSpan? RetryAfter,
    byte[] Body,
    FetchError? Error)
{
    public static Attempt Failed(FetchError error) =>
        new(null, null, [], null, null, FetchValidators.None, null, null, [], error);

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308;

    /// <summary>429, 5xx and timeouts may succeed later; everything else will not.</summary>
    public bool IsTransient => Status is 429 or >= 500 || Error?.Kind == FetchErrorKind.Timeout;

    /// <summary>"404 Not Found", or just "404" when the server sent no reason phrase.</summary>
    public string StatusLine => $"{Status} {Reason}".Trim();
}
