using System.CommandLine;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm list</c>: the stored documents.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("list", "list the stored documents");
        cmd.SetAction(p =>
        {
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock, readOnly: true);
            var rows = store.List();
            Views.Table(ctx, ["id", "jurisdiction", "kind", "date", "format", "source", "duplicate of"],
                rows.Select(r => new[]
                {
                    r.Id[..12], r.Jurisdiction ?? "?", r.Kind ?? "?", r.Issued ?? r.Published ?? "?", r.Format,
                    r.Source, r.DuplicateOf?[..12] ?? "",
                }));
            ctx.Out.WriteLine($"{rows.Count} documents");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
