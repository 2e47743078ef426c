using System.CommandLine;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm search QUERY</c>: articles across documents (FTS5 trigram).</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext ctx)
    {
        var query = new Argument<string>("query") { Description = "text to find, e.g. 一带一路" };
        var limit = new Option<int>("--limit") { Description = "most hits", DefaultValueFactory = _ => 50 };
        var cmd = new Command("search", "find articles across documents") { query, limit };
        cmd.SetAction(p =>
        {
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock, readOnly: true);
            var hits = store.Search(p.GetValue(query)!, p.GetValue(limit));
            Views.Table(ctx, ["jurisdiction", "document", "path", "sentence"],
                hits.Select(h => new[] { h.Jurisdiction ?? "?", h.Title ?? h.DocumentId[..12], h.Path, h.Sentence }));
            ctx.Out.WriteLine($"{hits.Count} hits");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
