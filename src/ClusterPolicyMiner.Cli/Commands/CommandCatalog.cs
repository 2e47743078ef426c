using System.CommandLine;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Every command, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>The commands that read or write the store, and so take <c>--db</c>; the others do not.</summary>
    private static readonly HashSet<string> UseTheStore = new(StringComparer.Ordinal)
    {
        "run", "ingest", "list", "show", "search", "compare", "diff", "rules", "check", "fetch", "watch",
    };

    public static IEnumerable<Command> All(CliContext ctx)
    {
        foreach (var command in Commands(ctx))
        {
            if (UseTheStore.Contains(command.Name) && !command.Options.Contains(CpmApp.Db)) command.Options.Add(CpmApp.Db);
            yield return command;
        }
    }

    private static IEnumerable<Command> Commands(CliContext ctx) =>
    [
        RunCommand.Create(ctx),
        IngestCommand.Create(ctx),
        ExtractCommand.Create(ctx),
        ListCommand.Create(ctx),
        ShowCommand.Create(ctx),
        SearchCommand.Create(ctx),
        CompareCommand.Create(ctx),
        DiffCommand.Create(ctx),
        RulesCommand.Create(ctx),
        CheckCommand.Create(ctx),
        FetchCommand.Create(ctx),
        WatchCommand.Create(ctx),
        ConvertCommand.Create(ctx),
        NormalizeCommand.Create(ctx),
    ];
}
