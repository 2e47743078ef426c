using System.CommandLine;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Compare;
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
        var timeout = new Option<int>("--timeout") { Description = "seconds per URL, all attempts, retries and redirects included", DefaultValueFactory = _ => 30 };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "also fetch from loopback, private and link-local addresses (your own intranet)" };
        var delay = new Option<double>("--delay") { Description = "seconds between two requests to one host", DefaultValueFactory = _ => 2.0 };
        var since = new Option<string?>("--since") { Description = "for new notices dated on or after DATE, print how their thresholds differ from the previous edition" };
        var cmd = new Command("watch", "fetch the listing pages, then ingest the notices not seen before") { sources, json, timeout, delay, since, allowPrivate };
        cmd.SetAction(async (p, cancel) =>
        {
            var sinceDate = Args.Date(p.GetValue(since), "--since");
            var file = p.GetValue(sources)!;
            if (!File.Exists(file)) throw new UsageException($"{file}: no such file");
            var list = SourceList.Parse(File.ReadAllText(file));
            if (list.Errors.Count > 0)
                throw new UsageException(string.Join(Environment.NewLine, list.Errors.Select(e => $"{file}: {e}")));

            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock);
            using var handler = WebFetcher.CreateDefaultHandler(new AddressPolicy(p.GetValue(allowPrivate)));
            var fetcher = new WebFetcher(handler, Web.Options(p.GetValue(timeout), p.GetValue(delay)), ctx.Clock);
            var web = new WebIngest(new Ingestor(new DocumentPipeline(new()), store), store);
            var report = await ProgressView.RunAsync(ctx, p.GetValue(json), "watch", progress =>
                new Watcher(fetcher, new WatchOptions()) { Progress = (d, t) => progress(d, t) }.RunAsync(
                    list, store, fetched => Task.FromResult(web.Ingest(fetched)), cancel));

            foreach (var visit in report.Listings.Where(v => v.Error is not null))
            {
                ctx.Error.WriteLine($"cpm: {visit.Url}: {visit.Error}");
                // With --json a failed listing is a line of the output too, in the shape of the notices' lines.
                if (p.GetValue(json)) ctx.Out.WriteLine(JsonOut.Line1(new ListingErrorLine(visit.Url.ToString(), "error", visit.Error)));
            }
            IngestCommand.Report(ctx, [.. report.Notices.Select(n => Web.AsResult(n.Link.AbsoluteUri, new IngestOutcome(n.Status, n.DocumentId, n.DuplicateOf, n.Error)))],
                p.GetValue(json));
            if (!p.GetValue(json))
                ctx.Out.WriteLine($"watch: {report.Listings.Count} listings, {report.NewDocumentIds.Count} new notices, " +
                    $"{report.Listings.Count(l => l.Outcome == FetchOutcome.NotModified)} listings not modified");
            if (sinceDate is { } from) PrintChanges(ctx, store, report.NewDocumentIds, from);
            return report.HasErrors ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>For each new notice dated on or after <paramref name="since"/>, its threshold changes against
    /// the previous edition of its jurisdiction, in plain words.</summary>
    internal static void PrintChanges(CliContext ctx, PolicyStore store, IReadOnlyList<string> newIds, DateOnly since)
    {
        // The previous edition is found among the headers (jurisdiction and dates) and only then loaded.
        var all = store.Headers().Where(h => !h.Failed).Select(h => h.AsDocument()).ToList();
        foreach (var id in newIds)
        {
            if (store.Load(id) is not { } doc || Editions.StartOf(doc) is not { } start || start < since) continue;
            var previous = Editions.Previous(doc, all) is { } p ? store.Load(p.Id) : null;
            ctx.Out.WriteLine($"{Editions.JurisdictionOf(doc)} {start:yyyy-MM-dd} {doc.Metadata.Title}");
            if (previous is null)
            {
                ctx.Out.WriteLine("  no earlier edition of this jurisdiction in the store");
                continue;
            }
            var changes = EditionDiff.Compare(previous, doc).ThresholdChanges;
            ctx.Out.WriteLine($"  against {Editions.StartOf(previous):yyyy-MM-dd} {previous.Metadata.Title}: {changes.Count} threshold changes");
            foreach (var c in changes) ctx.Out.WriteLine("  " + c.Description);
        }
    }
}
