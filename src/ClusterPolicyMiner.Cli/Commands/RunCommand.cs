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
            var (raw, unreadable) = Inputs.Read([corpusDir]);
            var (results, docs) = ProgressView.Run(ctx, json: false, "run", report =>
                new Ingestor(new DocumentPipeline(new()), store) { Progress = (d, t) => report(d, t) }.Ingest(raw, unreadable));
            IngestCommand.Report(ctx, results.Where(r => r.Status == IngestResult.Failed).ToList(), json: false);

            var groups = store.DuplicateGroups();
            var files = CorpusOutputs.Build(docs, groups).ToDictionary(f => f.RelativePath, f => f.Content);
            var (written, removed) = OutputFolder.Sync(p.GetValue(output)!, files);
            var failed = results.Count(r => r.Status == IngestResult.Failed);
            ctx.Out.WriteLine($"run: {results.Count} documents, {failed} failed; {files.Count} files in {p.GetValue(output)} ({written} written, {removed} removed)");
            return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return cmd;
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
