using System.CommandLine;
using ClusterPolicyMiner.Cli.Commands;

namespace ClusterPolicyMiner.Cli;

/// <summary>Exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0, SomeFailed = 1, Usage = 2;
}

/// <summary>What a command may touch: the standard streams, the store path and the clock.</summary>
public sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error, TimeProvider Clock);

/// <summary>Builds the command tree and runs it; parse errors are usage errors (exit 2).</summary>
public static class CpmApp
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = "SQLite store (created when absent)",
        DefaultValueFactory = _ => Path.Combine(".cpm", "cpm.db"),
    };

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        TimeProvider? clock = null)
    {
        var ctx = new CliContext(stdin, stdout, stderr, clock ?? TimeProvider.System);
        var root = new RootCommand("cpm: ingest, structure and compare Chinese SME cluster policy notices");
        foreach (var command in CommandCatalog.All(ctx)) root.Add(command);

        // `cpm help CMD` is `cpm CMD --help`.
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine("cpm: " + e.Message);
            stderr.WriteLine("cpm: see 'cpm --help'");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(config);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("cpm: " + ex.Message);
            return ExitCodes.Usage;
        }
    }
}

/// <summary>Thrown by a command for a usage error that the parser cannot see (a bad id, a bad config name).</summary>
public sealed class UsageException(string message) : Exception(message);
