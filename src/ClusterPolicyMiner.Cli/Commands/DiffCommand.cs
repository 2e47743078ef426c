using System.CommandLine;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm diff A B [--template] [--format md|html|json] [--json] [--out FILE]</c>: two documents, article by article.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext ctx)
    {
        var a = new Argument<string>("a") { Description = "the older edition, or the template with --template" };
        var b = new Argument<string>("b") { Description = "the newer edition, or the document compared with the template" };
        var template = new Option<bool>("--template") { Description = "clause by clause against A as a template (same, reworded, added, dropped)" };
        var format = new Option<string>("--format") { Description = "md, html or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var json = new Option<bool>("--json") { Description = "the diff as JSON (same as --format json)" };
        var output = new Option<string?>("--out") { Description = "write to this file instead of standard output" };
        var cmd = new Command("diff", "edition diff: aligned articles, inline changes and threshold changes in words") { a, b, template, format, json, output };
        cmd.SetAction(p =>
        {
            using var store = Stored.Open(ctx, p);
            var before = store.Load(Args.Id(store, p.GetValue(a)!))!;
            var after = store.Load(Args.Id(store, p.GetValue(b)!))!;
            var docs = new[] { before, after };
            var matrix = ComparisonMatrix.Build(docs, new MatrixOptions { DocumentIds = [before.Id, after.Id], BaselineDocumentId = before.Id, IncludeDrafts = true });
            var report = p.GetValue(template)
                ? new ComparisonReport("模板比较", matrix, [], [TemplateDiff.Compare(after, before)], docs)
                : new ComparisonReport("版本比较", matrix, [EditionDiff.Compare(before, after)], [], docs);
            var chosen = p.GetValue(json) ? "json" : p.GetValue(format);
            var text = chosen switch
            {
                "json" when report.TemplateDiffs.Count > 0 => JsonOut.Write(report.TemplateDiffs[0]),
                "json" => JsonOut.Write(report.EditionDiffs[0]),
                "html" => ReportWriter.DiffHtml(report),
                _ => ReportWriter.Markdown(report),
            };
            Args.Write(ctx, p.GetValue(output), text);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
