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
            var (raw, unreadable) = Inputs.Read([corpusDir]);
            var (results, docs) = new Ingestor(new DocumentPipeline(new()), store).Ingest(raw, unreadable);
            IngestCommand.Report(ctx, results.Where(r => r.Status == IngestResult.Failed).ToList(), json: false);

            var groups = store.DuplicateGroups();
            var files = CorpusOutputs.Build(docs, groups).ToDictionary(f => f.RelativePath, f => f.Content);
            var (written, removed) = OutputFolder.Sync(p.GetValue(output)!, files, corpusDir);
            var failed = results.Count(r => r.Status == IngestResult.Failed);
            var unread = docs.Sum(d => d.Diagnostics.Count(x => x.Code == Model.DiagnosticCode.UnreadRequirement));
            ctx.Out.WriteLine($"run: {results.Count} documents, {failed} failed; {files.Count} files in {p.GetValue(output)} ({written} written, {removed} removed); {unread} unread requirements");
            return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return cmd;
    }
}
