using System.CommandLine;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm list [--json]</c>: the stored documents, by their short id.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext ctx)
    {
        var json = new Option<bool>("--json") { Description = "the documents as JSON: {documents: [{id, shortId, jurisdiction, kind, title, issued, published, format, source, duplicateOf, diagnostics}]}" };
        var cmd = new Command("list", "list the stored documents") { json };
        cmd.SetAction(p =>
        {
            using var store = Stored.Open(ctx, p);
            var rows = store.List();
            if (p.GetValue(json))
            {
                ctx.Out.Write(JsonOut.Write(new ListView([.. rows.Select(r => new ListEntry(
                    r.Id, DocumentIds.Short(r.Id), r.Jurisdiction, r.Kind, r.Title, r.Issued, r.Published, r.Format, r.Source,
                    r.DuplicateOf is { } d ? DocumentIds.Short(d) : null, r.Diagnostics))])));
                return ExitCodes.Ok;
            }
            Views.Table(ctx, ["id", "jurisdiction", "kind", "date", "format", "source", "duplicate of"],
                rows.Select(r => new[]
                {
                    DocumentIds.Short(r.Id), r.Jurisdiction ?? "?", r.Kind ?? "?", r.Issued ?? r.Published ?? "?", r.Format,
                    r.Source, r.DuplicateOf is { } d ? DocumentIds.Short(d) : "",
                }));
            ctx.Out.WriteLine($"{rows.Count} documents");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
