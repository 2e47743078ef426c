using System.CommandLine;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm fetch URL... [--json]</c>: notices from the web into the store, politely.</summary>
internal static class FetchCommand
{
    /// <summary>How long the URL in flight may still run after Ctrl-C or SIGTERM.</summary>
    private static readonly TimeSpan GraceAfterSignal = TimeSpan.FromSeconds(5);

    public static Command Create(CliContext ctx)
    {
        var urls = new Argument<string[]>("urls") { Description = "http or https URLs", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "one JSON object per URL per line" };
        var timeout = new Option<int>("--timeout") { Description = "seconds per URL, all attempts, retries and redirects included", DefaultValueFactory = _ => 30 };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "also fetch from loopback, private and link-local addresses (your own intranet)" };
        var delay = new Option<double>("--delay") { Description = "seconds between two requests to one host", DefaultValueFactory = _ => 1.0 };
        var cmd = new Command("fetch", "fetch notices over HTTP(S) into the store (conditional, polite, robots.txt honoured)")
            { urls, json, timeout, delay, allowPrivate };
        cmd.SetAction(async (p, cancel) =>
        {
            var targets = new List<Uri>();
            foreach (var u in p.GetValue(urls)!)
            {
                if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                    throw new UsageException($"{u}: not an http or https URL");
                targets.Add(uri);
            }
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock);
            using var handler = WebFetcher.CreateDefaultHandler(new AddressPolicy(p.GetValue(allowPrivate)));
            var fetcher = new WebFetcher(handler, Web.Options(p.GetValue(timeout), p.GetValue(delay)), ctx.Clock);
            var web = new WebIngest(new Ingestor(new DocumentPipeline(new()), store), store);
            // Ctrl-C or SIGTERM: no new URL is started; the one in flight may finish within a short grace,
            // and what was done is reported. Each document is stored in its own transaction.
            using var current = new CancellationTokenSource();
            using var onSignal = cancel.Register(() => current.CancelAfter(GraceAfterSignal));
            int failed = 0, done = 0;
            await ProgressView.RunAsync(ctx, p.GetValue(json), "fetch", async report =>
            {
                foreach (var url in targets)
                {
                    if (cancel.IsCancellationRequested) break;
                    FetchResult fetched;
                    try
                    {
                        fetched = await fetcher.FetchAsync(url, store.GetValidators(url), current.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    var outcome = web.Ingest(fetched);
                    done++;
                    if (outcome.Status == IngestStatus.Error) failed++;
                    IngestCommand.Report(ctx, [Web.AsResult(url.AbsoluteUri, outcome)], p.GetValue(json));
                    report(done, targets.Count);
                }
                return done;
            });
            if (cancel.IsCancellationRequested)
            {
                ctx.Error.WriteLine($"cpm: interrupted: {done} of {targets.Count} URLs done ({failed} failed), {targets.Count - done} not fetched");
                return ExitCodes.Interrupted;
            }
            return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return cmd;
    }
}

/// <summary>What fetch and watch share.</summary>
internal static class Web
{
    public static FetchOptions Options(int timeoutSeconds, double delaySeconds) => new FetchOptions() with
    {
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        PerHostDelay = TimeSpan.FromSeconds(delaySeconds),
    };

    public static IngestResult AsResult(string source, IngestOutcome o) => new(
        o.DocumentId, source,
        o.Status switch { IngestStatus.New => IngestResult.New, IngestStatus.Unchanged => IngestResult.Unchanged, _ => IngestResult.Failed },
        o.DuplicateOf, o.Error);
}
