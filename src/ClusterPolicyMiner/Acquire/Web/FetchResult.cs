using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>What came of one fetch.</summary>
public enum FetchOutcome
{
    /// <summary>A 2xx answer whose body was read completely.</summary>
    Fetched,
    /// <summary>The server answered 304 to a conditional request: the stored copy is current.</summary>
    NotModified,
    /// <summary>The URL failed; <see cref="FetchResult.Error"/> says why.</summary>
    Error,
}

/// <summary>Why a URL failed, as a small closed set a report can count.</summary>
public enum FetchErrorKind
{
    Dns,
    Refused,
    Timeout,
    Tls,
    Network,
    HttpStatus,
    Redirect,
    Oversize,
    ContentType,
    ContentEncoding,
    Robots,
    UnsupportedUrl,
    /// <summary>The host resolves to a loopback, private or link-local address and those are not allowed.</summary>
    PrivateAddress,
    /// <summary>The server's answer breaks HTTP (a negative or malformed Content-Length).</summary>
    InvalidResponse,
}

/// <summary>A failure with a one-line reason for a person, e.g. "404 Not Found".</summary>
public sealed record FetchError(FetchErrorKind Kind, string Message)
{
    public override string ToString() => Message;
}

/// <summary>The validators a server gave for a document, sent back on a refetch as
/// If-None-Match / If-Modified-Since.</summary>
public sealed record FetchValidators(string? ETag, string? LastModified)
{
    public static FetchValidators None { get; } = new(null, null);

    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>The result of <see cref="WebFetcher.FetchAsync"/>: never an exception, always one of these.</summary>
/// <param name="Url">The URL asked for.</param>
/// <param name="FinalUrl">Where the redirects ended (equal to <paramref name="Url"/> without redirects).</param>
/// <param name="StatusCode">The last HTTP status, null when no answer came (DNS, refused, timeout…).</param>
/// <param name="Headers">Selected response headers, lower-case names, sorted by name.</param>
/// <param name="FetchedAt">When the final answer arrived, on the fetcher's clock.</param>
/// <param name="Bytes">The body (decompressed); empty unless <see cref="FetchOutcome.Fetched"/>.</param>
/// <param name="MediaType">The media type of Content-Type, lower case.</param>
/// <param name="HttpCharset">The charset parameter of Content-Type, lower case, for the decoder.</param>
/// <param name="Validators">ETag and Last-Modified to send on the next fetch.</param>
/// <param name="Redirects">The URLs redirected to, in order.</param>
public sealed record FetchResult(
    Uri Url,
    Uri FinalUrl,
    FetchOutcome Outcome,
    int? StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    DateTimeOffset FetchedAt,
    byte[] Bytes,
    string? MediaType,
    string? HttpCharset,
    FetchValidators Validators,
    IReadOnlyList<Uri> Redirects,
    FetchError? Error)
{
    public string? ETag => Validators.ETag;

    public string? LastModified => Validators.LastModified;

    /// <summary>The bytes as a document for the pipeline, named by the final URL; null unless fetched.</summary>
    public RawDocument? ToRawDocument() =>
        Outcome == FetchOutcome.Fetched ? new RawDocument(FinalUrl.AbsoluteUri, Bytes, HttpCharset) : null;

    /// <summary>The failure as a pipeline diagnostic; null unless the fetch failed.</summary>
    public Diagnostic? ToDiagnostic() =>
        Error is null ? null : new Diagnostic(DiagnosticCode.FetchFailed, null, null, $"{Url.AbsoluteUri}: {Error.Message}");
}
