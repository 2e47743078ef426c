using System.CommandLine;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Every command, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext ctx) =>
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
