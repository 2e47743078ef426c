using System.CommandLine;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Pipeline;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm extract FILE [--json]</c>: one file's model, without a store; <c>cpm extract PATH --text</c>:
/// the clean text alone (an HTML page's main content) of a file or of every file of a folder.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "a notice: .txt, .html or .pdf" };
        var json = new Option<bool>("--json") { Description = "print the whole model as JSON (DESIGN.md's contract)" };
        var text = new Option<bool>("--text")
        {
            Description = "print only the clean text (an HTML page's main content) of the file, or of every file of a folder",
        };
        var cmd = new Command("extract", "print one file's policy model without storing it") { file, json, text };
        cmd.SetAction(p =>
        {
            if (p.GetValue(text)) return PrintText(ctx, p.GetValue(file)!);
            var (raw, failed) = Inputs.Read([p.GetValue(file)!]);
            if (failed.Count > 0)
            {
                ctx.Error.WriteLine($"cpm: {failed[0].Source}: {failed[0].Reason}");
                return ExitCodes.SomeFailed;
            }
            if (raw.Count != 1)
                throw new UsageException($"{p.GetValue(file)}: {(raw.Count == 0 ? "no document to extract (an empty folder?)" : $"a folder of {raw.Count} documents; extract takes one file (or a folder with --text)")}");
            var doc = new DocumentPipeline(new()).ProcessBatch(raw)[0];
            var error = doc.Diagnostics.FirstOrDefault(d => d.IsError);
            if (error is not null) ctx.Error.WriteLine($"cpm: {doc.Source}: {error.Message}");
            if (p.GetValue(json)) ctx.Out.Write(PolicyJson.Write(doc));
            else Views.Summary(ctx, doc);
            return error is null ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return cmd;
    }

    /// <summary>Each document's clean text, read and released one at a time; with several documents, each
    /// after a line naming it (==> source &lt;==).</summary>
    private static int PrintText(CliContext ctx, string path)
    {
        var failed = new List<InputFailure>();
        var decoder = new DocumentDecoder(new DecodeOptions());
        var several = Directory.Exists(path);
        var code = ExitCodes.Ok;
        foreach (var raw in Inputs.Stream([path], failed))
        {
            var decoded = decoder.Decode(raw);
            if (decoded.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
            {
                ctx.Error.WriteLine($"cpm: {raw.Source}: {error.Message}");
                code = ExitCodes.SomeFailed;
                continue;
            }
            if (several) ctx.Out.WriteLine($"==> {raw.Source} <==");
            ctx.Out.Write(MainContent.Of(decoded).Text);
        }
        foreach (var f in failed) ctx.Error.WriteLine($"cpm: {f.Source}: {f.Reason}");
        return failed.Count > 0 ? ExitCodes.SomeFailed : code;
    }
}
