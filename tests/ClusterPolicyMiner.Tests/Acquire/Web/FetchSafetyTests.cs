using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterPolicyMiner.Acquire.Web;

namespace ClusterPolicyMiner.Tests.Acquire.Web;

/// <summary>Hostile servers on 127.0.0.1 (raw sockets, so they can break HTTP) and the address policy.
/// Every connection goes to 127.0.0.1 or is refused before a packet is sent.</summary>
public sealed class FetchSafetyTests : IAsyncLifetime
{
    private static readonly FetchOptions Options = new()
    {
        Timeout = TimeSpan.FromSeconds(1.5),
        PerHostDelay = TimeSpan.Zero,
        BaseRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetries = 3,
        RespectRobots = false,
    };

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Func<NetworkStream, CancellationToken, Task> _serve = (_, _) => Task.CompletedTask;
    private Task _loop = Task.CompletedTask;

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Task InitializeAsync()
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                // Stopping races the accept: a listener stopped between the loop's check and the call throws
                // "Not listening" rather than a cancellation; either way the server is done.
                catch (Exception e) when (e is OperationCanceledException || _stop.IsCancellationRequested) { return; }
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try { await _serve(client.GetStream(), _stop.Token); }
                        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
                    }
                });
            }
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
    }

    private static async Task ReadRequest(NetworkStream s, CancellationToken cancel)
    {
        var buffer = new byte[4096];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n"))
        {
            var n = await s.ReadAsync(buffer, cancel);
            if (n == 0) return;
            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }

    private static async Task<FetchResult> Fetch(Uri url, AddressPolicy policy, FetchOptions? options = null)
    {
        using var handler = WebFetcher.CreateDefaultHandler(policy);
        using var fetcher = new WebFetcher(handler, options ?? Options);
        return await fetcher.FetchAsync(url);
    }

    private Uri Local(string path) => new($"http://127.0.0.1:{Port}{path}");

    private static readonly AddressPolicy Loopback = AddressPolicy.Allowing(IPAddress.Loopback);

    [Fact]
    public async Task ASlowDripServerIsStoppedByTheLimitOfTheWholeUrlAndTheMessageSaysSo()
    {
        _serve = async (s, cancel) =>
        {
            await ReadRequest(s, cancel);
            await s.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"u8.ToArray(), cancel);
            for (var i = 0; i < 1000; i++)
            {
                await s.WriteAsync("第"u8.ToArray(), cancel);
                await Task.Delay(100, cancel);
            }
        };
        var clock = Stopwatch.StartNew();
        var result = await Fetch(Local("/drip"), Loopback);
        Assert.Equal(FetchErrorKind.Timeout, result.Error!.Kind);
        Assert.Contains("within the limit of 1.5 s for the URL (all attempts, retries and redirects)", result.Error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
        Assert.Empty(result.Bytes);
    }

    [Fact]
    public async Task AServerThatNeverSendsHeadersIsStoppedByTheSameLimit()
    {
        _serve = async (s, cancel) =>
        {
            await ReadRequest(s, cancel);
            await Task.Delay(TimeSpan.FromSeconds(30), cancel);
        };
        var clock = Stopwatch.StartNew();
        var result = await Fetch(Local("/silent"), Loopback);
        Assert.Equal(FetchErrorKind.Timeout, result.Error!.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("12abc")]
    [InlineData("1, 2")]
    public async Task AnInvalidContentLengthIsAnErrorNotAStoredDocument(string length)
    {
        _serve = async (s, cancel) =>
        {
            await ReadRequest(s, cancel);
            await s.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"), cancel);
            await s.WriteAsync("第一条 为促进中小企业发展，制定本办法。\n"u8.ToArray(), cancel);
        };
        var result = await Fetch(Local("/bad-length"), Loopback);
        Assert.Equal(FetchOutcome.Error, result.Outcome);
        Assert.Null(result.ToRawDocument());
        Assert.True(result.Error!.Kind is FetchErrorKind.InvalidResponse or FetchErrorKind.Network, result.Error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/x")]
    [InlineData("http://localhost:{port}/x")]
    [InlineData("http://[::1]:{port}/x")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.8/intranet.html")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://172.20.0.1/")]
    [InlineData("http://[fe80::1]/")]
    public async Task NonPublicAddressesAreRefusedByDefaultBeforeAnyConnection(string template)
    {
        var served = 0;
        _serve = (_, _) => { Interlocked.Increment(ref served); return Task.CompletedTask; };
        // A roomy limit: the refusal must come from the address check, not from the clock on a busy machine.
        var result = await Fetch(new Uri(template.Replace("{port}", Port.ToString())), AddressPolicy.PublicOnly,
            Options with { Timeout = TimeSpan.FromSeconds(30) });
        Assert.Equal(FetchErrorKind.PrivateAddress, result.Error!.Kind);
        Assert.Contains("loopback, private or link-local address; refused (--allow-private", result.Error.Message);
        Assert.Equal(0, served);
    }

    [Fact]
    public async Task ARedirectToANonPublicAddressIsRefusedEvenFromAnAllowedHost()
    {
        var served = 0;
        _serve = async (s, cancel) =>
        {
            Interlocked.Increment(ref served);
            await ReadRequest(s, cancel);
            await s.WriteAsync("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2:9/secret\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), cancel);
        };
        var result = await Fetch(Local("/jump"), Loopback);
        Assert.Equal(FetchErrorKind.PrivateAddress, result.Error!.Kind);
        Assert.Contains("127.0.0.2", result.Error.Message);
        Assert.Equal(1, served);
    }

    [Fact]
    public async Task AllowPrivateLetsAUserFetchFromTheirOwnNetwork()
    {
        _serve = async (s, cancel) =>
        {
            await ReadRequest(s, cancel);
            await s.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 6\r\n\r\n第一"u8.ToArray(), cancel);
        };
        var result = await Fetch(Local("/ok"), new AddressPolicy(AllowPrivate: true));
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal("第一"u8.ToArray(), result.Bytes);
    }

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("114.114.114.114", false)]
    [InlineData("2400:3200::1", false)]
    [InlineData("127.5.5.5", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("::ffff:192.168.0.1", true)]
    [InlineData("224.0.0.1", true)]
    public void AddressesAreClassedAsPublicOrNot(string address, bool nonPublic) =>
        Assert.Equal(nonPublic, AddressPolicy.IsNonPublic(IPAddress.Parse(address)));
}
