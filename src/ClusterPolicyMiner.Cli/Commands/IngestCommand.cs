using System.CommandLine;
using System.Text.Json;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm ingest PATH... [--json]</c>: files and folders into the store.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = new Argument<string[]>("paths") { Description = "files or folders", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "one JSON object per document per line" };
        var cmd = new Command("ingest", "read notices from files into the store") { paths, json };
        cmd.SetAction(p =>
        {
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock);
            var unreadable = new List<InputFailure>();
            var raw = Inputs.Stream(p.GetValue(paths)!, unreadable);
            var (results, _) = ProgressView.Run(ctx, p.GetValue(json), "ingest", report =>
                new Ingestor(new DocumentPipeline(new()), store) { Progress = (d, t) => report(d, t), ExpectedInputs = Inputs.Count(p.GetValue(paths)!) }
                    .Ingest(raw, unreadable, loadSkipped: false));
            Report(ctx, results, p.GetValue(json));
            return results.Any(r => r.Status == IngestResult.Failed) ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Errors go to stderr as one line naming the file and the reason; with --json every result
    /// is also a line on stdout.</summary>
    public static void Report(CliContext ctx, IReadOnlyList<IngestResult> results, bool json)
    {
        foreach (var r in results)
        {
            if (r.Status == IngestResult.Failed)
                ctx.Error.WriteLine($"cpm: {r.Source}: {r.Error}");
            if (json)
            {
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, PolicyJson.Writer(indented: false)))
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteString("source", r.Source);
                    w.WriteString("status", r.Status);
                    w.WriteString("duplicateOf", r.DuplicateOf);
                    w.WriteString("error", r.Error);
                    w.WriteEndObject();
                }
                ctx.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else if (r.Status != IngestResult.Failed)
            {
                var dup = r.DuplicateOf is { } d ? $" (duplicate of {DocumentIds.Short(d)})" : "";
                ctx.Out.WriteLine($"{r.Status,-9} {DocumentIds.Short(r.Id!)}  {r.Source}{dup}");
            }
        }
    }
}
