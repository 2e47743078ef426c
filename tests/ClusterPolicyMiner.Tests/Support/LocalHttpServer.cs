using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ClusterPolicyMiner.Tests.Support;

/// <summary>A request as the server saw it, for assertions on what the client sent.</summary>
public sealed record LoggedRequest(
    string Method, string PathAndQuery, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent, string? AcceptEncoding)
{
    public bool IsConditional => IfNoneMatch is not null || IfModifiedSince is not null;
}

/// <summary>What a route answers. <see cref="Delay"/> holds the answer back (for timeouts);
/// <see cref="Chunked"/> sends no Content-Length.</summary>
public sealed record ServedResponse(
    int Status,
    byte[] Body,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan Delay = default,
    bool Chunked = false)
{
    public static ServedResponse Empty(int status) => new(status, []);

    public static ServedResponse Redirect(string location, int status = 302) =>
        new(status, [], Headers: new Dictionary<string, string> { ["Location"] = location });
}

/// <summary>An HTTP server on 127.0.0.1 and a port of its own, for tests only: routes by path, logs
/// every request, stops on dispose. It never talks to any other address.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, Func<LoggedRequest, ServedResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoggedRequest> _log = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LocalHttpServer(HttpListener listener, Uri baseUri)
    {
        _listener = listener;
        BaseUri = baseUri;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Requests => [.. _log];

    public static LocalHttpServer Start()
    {
        // The port is found by binding port 0; another process may take it before HttpListener does,
        // so try a few times.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new LocalHttpServer(listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A port that was free a moment ago and on which nothing listens now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public void Map(string pathAndQuery, Func<LoggedRequest, ServedResponse> route) => _routes[pathAndQuery] = route;

    /// <summary>A static document with an ETag; a request whose If-None-Match carries it gets 304.</summary>
    public void MapDocument(string pathAndQuery, byte[] body, string contentType, string etag) =>
        Map(pathAndQuery, r => r.IfNoneMatch == etag
            ? new ServedResponse(304, [], Headers: new Dictionary<string, string> { ["ETag"] = etag })
            : new ServedResponse(200, body, contentType, new Dictionary<string, string> { ["ETag"] = etag }));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // Close alone: Stop followed by Close makes the managed listener look the port up again
        // and bind it anew, which fails when another socket holds it by then.
        _listener.Close();
        try { await _loop; } catch (Exception) { /* the listener's end shows up as an exception here */ }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var logged = new LoggedRequest(
            request.HttpMethod, request.Url!.PathAndQuery, request.Headers["If-None-Match"],
            request.Headers["If-Modified-Since"], request.UserAgent, request.Headers["Accept-Encoding"]);
        _log.Enqueue(logged);
        var response = context.Response;
        try
        {
            var answer = _routes.TryGetValue(logged.PathAndQuery, out var route)
                ? route(logged)
                : new ServedResponse(404, "not found"u8.ToArray(), "text/plain");
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, _stop.Token);
            response.StatusCode = answer.Status;
            if (answer.ContentType is not null) response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
                response.AddHeader(name, value);
            if (answer.Chunked) response.SendChunked = true;
            else response.ContentLength64 = answer.Body.Length;
            if (answer.Body.Length > 0) await response.OutputStream.WriteAsync(answer.Body, _stop.Token);
            response.Close();
        }
        catch (Exception)
        {
            // The client gave up (timeout, oversize) or the server is stopping: drop the connection.
            try { response.Abort(); } catch (Exception) { /* already gone */ }
        }
    }
}
