using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>Turns what HttpClient throws into a <see cref="FetchError"/> with a one-line reason.</summary>
internal static class FetchFailures
{
    public static FetchError FromException(Exception e, Uri url, TimeSpan timeout) => e switch
    {
        OperationCanceledException => new(FetchErrorKind.Timeout,
            $"timeout: no complete answer from {url.Authority} within {timeout.TotalSeconds:0.###} s"),
        HttpRequestException h => FromHttp(h, url),
        InvalidDataException d => new(FetchErrorKind.ContentEncoding, $"content encoding: {OneLine(d.Message)}"),
        AuthenticationException a => new(FetchErrorKind.Tls, $"TLS: {OneLine(a.Message)}"),
        IOException io => new(FetchErrorKind.Network, $"network: {OneLine(io.Message)}"),
        _ => new(FetchErrorKind.Network, $"network: {e.GetType().Name}: {OneLine(e.Message)}"),
    };

    private static FetchError FromHttp(HttpRequestException e, Uri url)
    {
        if (e.InnerException is AddressRefusedException refused)
            return new(FetchErrorKind.PrivateAddress, "refused: " + refused.Message);
        if (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            return new(FetchErrorKind.Refused, $"refused: {url.Authority} refused the connection");
        if (e.InnerException is AuthenticationException or { InnerException: AuthenticationException })
            return new(FetchErrorKind.Tls, $"TLS: handshake with {url.Authority} failed");
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new(FetchErrorKind.Dns, $"DNS: host name {url.IdnHost} not found"),
            HttpRequestError.SecureConnectionError => new(FetchErrorKind.Tls, $"TLS: handshake with {url.Authority} failed"),
            HttpRequestError.ConnectionError => new(FetchErrorKind.Refused, $"refused: cannot connect to {url.Authority}"),
            _ => new(FetchErrorKind.Network, $"network: {OneLine(e.Message)}"),
        };
    }

    /// <summary>The wait a Retry-After header asks for: seconds, or an HTTP date measured against the
    /// server's own Date header when it sent one (so clock skew does not matter), else our clock.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset? serverDate, DateTimeOffset now)
    {
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - (serverDate ?? now);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
