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
        var output = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "extracted" };
        var cmd = new Command("run", "process corpus/ into the store and regenerate extracted/") { corpus, output };
        cmd.SetAction(p =>
        {
            var corpusDir = p.GetValue(corpus)!;
            if (!Directory.Exists(corpusDir)) throw new UsageException($"{corpusDir}: no such folder");
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock);
            var unreadable = new List<InputFailure>();
            var (results, _) = ProgressView.Run(ctx, json: false, "run", report =>
                new Ingestor(new DocumentPipeline(new()), store) { Progress = (d, t) => report(d, t) }
                    .Ingest(Inputs.Stream([corpusDir], unreadable), unreadable, loadSkipped: false));
            IngestCommand.Report(ctx, results.Where(r => r.Status == IngestResult.Failed).ToList(), json: false);

            var groups = store.DuplicateGroups();
            var outDir = p.GetValue(output)!;
            var failed = results.Count(r => r.Status == IngestResult.Failed);
            var (count, written, removed) = RunOutputs.Write(store, outDir, results, groups);
            ctx.Out.WriteLine($"run: {results.Count} documents, {failed} failed; {count} files in {outDir} ({written} written, {removed} removed)");
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
        PolicyStore store, string outDir, IReadOnlyList<IngestResult> results, IReadOnlyList<Clean.DuplicateGroup> groups)
    {
        var key = Path.GetFullPath(outDir);
        var fingerprint = RunFingerprint.Of(results, groups);
        if (store.RunOutputs(key) is { } last && last.Fingerprint == fingerprint && RunFingerprint.FilesIntact(outDir, last.Files))
            return (last.Files.Count, 0, 0);

        var docs = results.Where(r => r.Id is not null && r.Status != IngestResult.Failed)
            .Select(r => store.Load(r.Id!) is { } d ? d with { Source = r.Source } : null)
            .OfType<Model.PolicyDocument>().ToList();
        var files = CorpusOutputs.Build(docs, groups).ToDictionary(f => f.RelativePath, f => f.Content);
        var (written, removed) = OutputFolder.Sync(outDir, files);
        var utf8 = new System.Text.UTF8Encoding(false);
        store.SaveRunOutputs(key, fingerprint, files.ToDictionary(kv => kv.Key, kv => (long)utf8.GetByteCount(kv.Value)));
        return (files.Count, written, removed);
    }
}

/// <summary>Makes a folder hold exactly the given files: writes what changed, removes what is no longer made.</summary>
internal static class OutputFolder
{
    public static (int Written, int Removed) Sync(string root, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(root);
        var written = 0;
        foreach (var (rel, content) in files)
        {
            var path = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(content);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) continue;
            var tmp = path + ".tmp";
            File.WriteAllBytes(tmp, bytes);
            File.Move(tmp, path, overwrite: true);
            written++;
        }
        var keep = files.Keys.Select(k => Path.GetFullPath(Path.Combine(root, k))).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (keep.Contains(Path.GetFullPath(f)) || Path.GetFileName(f) == "README.md") continue;
            File.Delete(f);
            removed++;
        }
        foreach (var d in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            if (!Directory.EnumerateFileSystemEntries(d).Any()) Directory.Delete(d);
        return (written, removed);
    }
}
