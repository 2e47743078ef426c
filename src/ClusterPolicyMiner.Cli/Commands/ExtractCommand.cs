using System.CommandLine;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Pipeline;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm extract FILE [--json]</c>: one file's model, without a store.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "a notice: .txt, .html or .pdf" };
        var json = new Option<bool>("--json") { Description = "print the whole model as JSON (DESIGN.md's contract)" };
        var cmd = new Command("extract", "print one file's policy model without storing it") { file, json };
        cmd.SetAction(p =>
        {
            var (raw, failed) = Inputs.Read([p.GetValue(file)!]);
            if (failed.Count > 0)
            {
                ctx.Error.WriteLine($"cpm: {failed[0].Source}: {failed[0].Reason}");
                return ExitCodes.SomeFailed;
            }
            if (raw.Count != 1)
                throw new UsageException($"{p.GetValue(file)}: {(raw.Count == 0 ? "no document to extract (an empty folder?)" : $"a folder of {raw.Count} documents; extract takes one file")}");
            var doc = new DocumentPipeline(new()).ProcessBatch(raw)[0];
            var error = doc.Diagnostics.FirstOrDefault(d => d.IsError);
            if (error is not null) ctx.Error.WriteLine($"cpm: {doc.Source}: {error.Message}");
            if (p.GetValue(json)) ctx.Out.Write(PolicyJson.Write(doc));
            else Views.Summary(ctx, doc);
            return error is null ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return cmd;
    }
}
