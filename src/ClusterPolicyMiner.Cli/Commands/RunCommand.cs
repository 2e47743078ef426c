using System.CommandLine;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm run</c>: the main job, every corpus document into the store and <c>extracted/</c>.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext ctx)
    {
        var corpus = new Option<string>("--corpus") { Description = "input folder", DefaultValueFactory = _ => "corpus" };
        var output = new Option<string>("--out-dir") { Description = "output folder", DefaultValueFactory = _ => "extracted" };
        var cmd = new Command("run", "process corpus/ into the store and regenerate extracted/") { corpus, output };
        cmd.SetAction(p =>
        {
            var corpusDir = p.GetValue(corpus)!;
            if (!Directory.Exists(corpusDir)) throw new UsageException($"{corpusDir}: no such folder");
            OutputFolder.Check(p.GetValue(output)!, corpusDir);
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock);
            var unreadable = new List<InputFailure>();
            var (results, _) = ProgressView.Run(ctx, json: false, "run", report =>
                new Ingestor(new DocumentPipeline(new()), store) { Progress = (d, t) => report(d, t), ExpectedInputs = Inputs.Count([corpusDir]) }
                    .Ingest(Inputs.Stream([corpusDir], unreadable), unreadable, loadSkipped: false));
            IngestCommand.Report(ctx, results.Where(r => r.Status == IngestResult.Failed).ToList(), json: false);

            var groups = store.DuplicateGroups();
            var outDir = p.GetValue(output)!;
            var failed = results.Count(r => r.Status == IngestResult.Failed);
            var (count, written, removed) = RunOutputs.Write(store, outDir, corpusDir, results, groups);
            var unread = results.Sum(r => r.Id is { } id ? store.CountDiagnostics(id, nameof(Model.DiagnosticCode.UnreadRequirement)) : 0);
            ctx.Out.WriteLine($"run: {results.Count} documents, {failed} failed; {count} files in {outDir} ({written} written, {removed} removed); {unread} unread requirements");
            return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return cmd;
    }
}

/// <summary>The outputs of a run: rebuilt from the stored models (each under the source it was read from
/// this time) unless the run's fingerprint equals the last one's and its files are intact.</summary>
internal static class RunOutputs
{
    public static (int Files, int Written, int Removed) Write(
        PolicyStore store, string outDir, string corpusDir, IReadOnlyList<IngestResult> results, IReadOnlyList<Clean.DuplicateGroup> groups)
    {
        var key = Path.GetFullPath(outDir);
        var fingerprint = RunFingerprint.Of(results, groups);
        if (store.RunOutputs(key) is { } last && last.Fingerprint == fingerprint && RunFingerprint.FilesIntact(outDir, last.Files))
            return (last.Files.Count(kv => kv.Key != ExtractedTree.ManifestName), 0, 0);

        // Each result under the source it was read from this time; the models are loaded one at a time. The
        // outputs read each document's metadata from its model (CorpusOutputs.Stream), so the headers keep only
        // the identity, with the result's strings: a second copy of every metadata and id was held to the end.
        var stored = store.FailedById();
        var headers = results.Where(r => r.Id is not null && r.Status != IngestResult.Failed)
            .Select(r => stored.TryGetValue(r.Id!, out var failed)
                ? new Compare.DocumentHeader(r.Id!, r.Source, Model.PolicyMetadata.Empty, failed) : null)
            .OfType<Compare.DocumentHeader>().ToList();
        // The per-document files copy each model's stored JSON when this build wrote it (what it would write again).
        var version = PipelineVersion.Current;
        var view = new Compare.CorpusView(headers, h => store.Load(h.Id))
        {
            Summaries = h => store.SummaryOf(h.Id), ModelJson = h => store.ModelUtf8(h.Id, version),
        };
        var (written, removed, sizes) = OutputFolder.Sync(outDir, CorpusOutputs.Stream(view, groups), corpusDir);
        var recorded = sizes.ToDictionary(kv => kv.Key, kv => kv.Value);
        // The manifest too: a run must rewrite it when it was edited since.
        if (new FileInfo(Path.Combine(outDir, ExtractedTree.ManifestName)) is { Exists: true } manifest)
            recorded[ExtractedTree.ManifestName] = manifest.Length;
        store.SaveRunOutputs(key, fingerprint, recorded);
        return (sizes.Count, written, removed);
    }
}
