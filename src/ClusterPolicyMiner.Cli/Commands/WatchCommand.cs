using System.CommandLine;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm watch [--sources FILE] [--json]</c>: new notices on the listing pages of corpus/sources.yaml.</summary>
internal static class WatchCommand
{
    public static Command Create(CliContext ctx)
    {
        var sources = new Option<string>("--sources") { Description = "listing pages per jurisdiction", DefaultValueFactory = _ => Path.Combine("corpus", "sources.yaml") };
        var json = new Option<bool>("--json") { Description = "one JSON object per new notice per line" };
        var timeout = new Option<int>("--timeout") { Description = "seconds per request", DefaultValueFactory = _ => 30 };
        var delay = new Option<double>("--delay") { Description = "seconds between two requests to one host", DefaultValueFactory = _ => 2.0 };
        var cmd = new Command("watch", "fetch the listing pages, then ingest the notices not seen before") { sources, json, timeout, delay };
        cmd.SetAction(async (p, cancel) =>
        {
            var file = p.GetValue(sources)!;
            if (!File.Exists(file)) throw new UsageException($"{file}: no such file");
            var list = SourceList.Parse(File.ReadAllText(file));
            if (list.Errors.Count > 0)
                throw new UsageException(string.Join(Environment.NewLine, list.Errors.Select(e => $"{file}: {e}")));

            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock);
            using var handler = WebFetcher.CreateDefaultHandler();
            var fetcher = new WebFetcher(handler, Web.Options(p.GetValue(timeout), p.GetValue(delay)), ctx.Clock);
            var web = new WebIngest(new Ingestor(new DocumentPipeline(new()), store), store);
            var report = await new Watcher(fetcher, new WatchOptions()).RunAsync(
                list, store, fetched => Task.FromResult(web.Ingest(fetched)), cancel);

            foreach (var visit in report.Listings.Where(v => v.Error is not null))
                ctx.Error.WriteLine($"cpm: {visit.Url}: {visit.Error}");
            IngestCommand.Report(ctx, [.. report.Notices.Select(n => Web.AsResult(n.Link.AbsoluteUri, new IngestOutcome(n.Status, n.DocumentId, n.DuplicateOf, n.Error)))],
                p.GetValue(json));
            if (!p.GetValue(json))
                ctx.Out.WriteLine($"watch: {report.Listings.Count} listings, {report.NewDocumentIds.Count} new notices, " +
                    $"{report.Listings.Count(l => l.Outcome == FetchOutcome.NotModified)} listings not modified");
            return report.HasErrors ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return cmd;
    }
}
