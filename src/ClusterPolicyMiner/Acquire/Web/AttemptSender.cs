using System.Net.Http.Headers;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>Sends one GET through the host gate with the timeout, and reads the answer into an
/// <see cref="Attempt"/>. Never throws, except when the caller's token is cancelled.</summary>
internal sealed class AttemptSender(HttpClient client, FetchOptions options, HostGate gate, TimeProvider time)
{
    // Headers worth keeping with a stored document; the rest is server noise.
    private static readonly HashSet<string> KeptHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "cache-control", "content-encoding", "content-language", "content-length", "content-type", "date",
        "etag", "expires", "last-modified", "location", "retry-after", "server",
    };

    // Media types that are never a notice; anything else is left to DocumentDecoder's sniffing.
    private static readonly string[] RefusedMediaPrefixes = ["image/", "video/", "audio/", "font/"];

    /// <param name="isDocument">Documents are checked for content type and refused past the size
    /// limit; robots.txt is read up to the limit and used as far as it goes.</param>
    public async Task<Attempt> SendAsync(
        Uri url, FetchValidators? validators, bool isDocument, long maxBytes, CancellationToken cancel)
    {
        using var turn = await gate.EnterAsync(url, cancel).ConfigureAwait(false);
        // No clock of its own: the caller's token carries the time limit of the whole URL (WebFetcher.FetchAsync).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            using var request = BuildRequest(url, validators);
            using var response = await client
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var head = ReadHead(response);
            if (head.Status is < 200 or >= 300) return head;
            if (InvalidContentLength(response) is { } bad)
                return head with { Error = new(FetchErrorKind.InvalidResponse, $"invalid response: Content-Length '{bad}' is not a byte count") };

            if (isDocument && head.MediaType is { } media && RefusedMediaPrefixes.Any(p => media.StartsWith(p, StringComparison.Ordinal)))
                return head with { Error = new(FetchErrorKind.ContentType, $"content type: {media} is not a notice") };
            if (isDocument && response.Content.Headers.ContentLength > maxBytes)
                return head with { Error = Oversize(maxBytes, $"Content-Length {response.Content.Headers.ContentLength}") };

            var (body, exceeded) = await BodyReader.ReadAsync(response.Content, maxBytes, timeout.Token).ConfigureAwait(false);
            if (exceeded && isDocument)
                return head with { Error = Oversize(maxBytes, "the body went on past it") };
            return head with { Body = body };
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return Attempt.Failed(FetchFailures.FromException(e, url, options.Timeout));
        }
    }

    /// <summary>The Content-Length as sent when it is not one non-negative integer (HttpClient drops such a
    /// header and would read the body to the end of the connection), else null.</summary>
    private static string? InvalidContentLength(HttpResponseMessage response)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var values)) return null;
        var sent = string.Join(",", values);
        return long.TryParse(sent.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? null : sent;
    }

    private HttpRequestMessage BuildRequest(Uri url, FetchValidators? validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        if (validators?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators?.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        return request;
    }

    private Attempt ReadHead(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => KeptHeaders.Contains(h.Key))
            .Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), string.Join(", ", h.Value)))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
        var contentType = response.Content.Headers.ContentType;
        var lastModified = response.Content.Headers.TryGetValues("Last-Modified", out var lm) ? lm.FirstOrDefault() : null;
        return new Attempt(
            (int)response.StatusCode,
            response.ReasonPhrase,
            headers,
            contentType?.MediaType?.ToLowerInvariant(),
            CleanCharset(contentType),
            new FetchValidators(response.Headers.ETag?.ToString(), lastModified),
            response.Headers.Location,
            FetchFailures.RetryAfter(response.Headers.RetryAfter, response.Headers.Date, time.GetUtcNow()),
            [],
            null);
    }

    private static string? CleanCharset(MediaTypeHeaderValue? contentType) =>
        contentType?.CharSet?.Trim().Trim('"', '\'').ToLowerInvariant() is { Length: > 0 } charset ? charset : null;

    private static FetchError Oversize(long maxBytes, string evidence) =>
        new(FetchErrorKind.Oversize, $"oversize: body larger than {maxBytes} bytes ({evidence})");
}
