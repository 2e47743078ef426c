using System.CommandLine;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm rules [--out-dir DIR] [--json]</c>: the rule and history files of the stored documents, and the coverage table.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out-dir") { Description = "folder that receives rules/", DefaultValueFactory = _ => "extracted" };
        var json = new Option<bool>("--json") { Description = "what was written as JSON: {files: [...], coverage: [{jurisdiction, date, status, documentIds}]}" };
        var cmd = new Command("rules", "write rules/<jurisdiction>/<date>-<kind>.yaml and .json for every stored document, and rules/history/") { output, json };
        cmd.SetAction(p =>
        {
            using var store = Stored.Open(ctx, p);
            var view = Stored.View(store);
            // The whole metadata of every document, then the rule files, each document's rule summary read when
            // its files are written: no model is loaded, and never all summaries at once.
            var headerOf = view.Headers.ToDictionary(h => h.Id, StringComparer.Ordinal);
            var described = store.Metadata(headerOf.Keys).Select(d => d with { Source = headerOf[d.Id].Source }).ToList();
            var root = p.GetValue(output)!;
            var written = new List<string>();
            PolicyDocument Summary(PolicyDocument d) =>
                (store.SummaryOf(d.Id) ?? throw new InvalidOperationException($"document {d.Id} has no rule summary"))
                with { Source = headerOf[d.Id].Source };
            foreach (var f in RuleFileWriter.Write(described, Summary))
            {
                // A file that already holds these bytes is left alone: a re-run rewrites only what changed.
                OutputFolder.WriteIfChanged(Path.Combine(root, f.RelativePath), f.Content);
                written.Add(f.RelativePath);
            }
            // The histories are written with their jurisdiction's rule files but listed last.
            written = [.. written.Where(f => !RuleFileWriter.IsHistory(f)), .. written.Where(f => RuleFileWriter.IsHistory(f))];
            var coverage = RuleFileWriter.Coverage(described);
            if (p.GetValue(json))
            {
                ctx.Out.Write(JsonOut.Write(new RulesView(root, written, coverage)));
                return ExitCodes.Ok;
            }
            foreach (var f in written) ctx.Out.WriteLine(f);
            ctx.Out.Write(RuleFileWriter.CoverageTable(coverage));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
