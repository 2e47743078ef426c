using System.CommandLine;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm search QUERY [--limit N] [--json]</c>: articles across documents (FTS5 trigram). The query is
/// normalised like the documents (a traditional query finds simplified text); the reposts of one notice give
/// one hit, under the canonical id, with the others named.</summary>
internal static class SearchCommand
{
    /// <summary>One hit: the short id <c>cpm show</c> accepts, where, the sentence, and the reposts that hold it too.</summary>
    internal sealed record Hit(string Id, string? Jurisdiction, string? Title, string Path, string Sentence, IReadOnlyList<string> AlsoIn);

    public static Command Create(CliContext ctx)
    {
        var query = new Argument<string>("query") { Description = "text to find, e.g. 一带一路 (traditional characters are accepted)" };
        var limit = new Option<int>("--limit") { Description = "most hits", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "the hits as JSON: {query, hits: [{id, jurisdiction, title, path, sentence, alsoIn}]}" };
        var cmd = new Command("search", "find articles across documents") { query, limit, json };
        cmd.SetAction(p =>
        {
            using var store = Stored.Open(ctx, p);
            var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var g in store.DuplicateGroups())
                foreach (var m in g.MemberIds) canonical[m] = g.CanonicalId;
            string Canonical(string id) => canonical.GetValueOrDefault(id, id);

            // Ask for more than the limit: reposts collapse into one hit.
            var raw = store.Search(p.GetValue(query)!, p.GetValue(limit) * 4);
            var hits = raw.GroupBy(h => (Canonical(h.DocumentId), h.Path))
                .Select(g =>
                {
                    var main = g.FirstOrDefault(h => h.DocumentId == g.Key.Item1) ?? g.First();
                    return new Hit(DocumentIds.Short(g.Key.Item1), main.Jurisdiction, main.Title, main.Path, main.Sentence,
                        [.. g.Select(h => h.DocumentId).Where(id => id != g.Key.Item1).Distinct().Order(StringComparer.Ordinal).Select(DocumentIds.Short)]);
                })
                .Take(p.GetValue(limit)).ToList();
            if (p.GetValue(json))
            {
                ctx.Out.Write(JsonOut.Write(new SearchView(p.GetValue(query), hits)));
                return ExitCodes.Ok;
            }
            Views.Table(ctx, ["id", "jurisdiction", "document", "path", "sentence"],
                hits.Select(h => new[] { h.Id, h.Jurisdiction ?? "?", h.Title ?? "", h.Path, h.Sentence }));
            ctx.Out.WriteLine($"{hits.Count} hits");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
