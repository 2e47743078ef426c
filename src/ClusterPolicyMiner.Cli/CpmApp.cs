using System.CommandLine;
using ClusterPolicyMiner.Cli.Commands;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli;

/// <summary>Exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>0: all good. 1: some documents (or URLs) failed, the rest were processed. 2: usage error
    /// (bad arguments, an output folder cpm may not write into). 3: the store or the file system failed
    /// (unreadable or non-SQLite store, disk full, unwritable output): one line names the path and the cause.
    /// 130: interrupted (Ctrl-C or SIGTERM) after finishing the current document. 70: an internal error (a bug).</summary>
    public const int Ok = 0, SomeFailed = 1, Usage = 2, Fault = 3, Internal = 70, Interrupted = 130;
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
        var json = AsksForJson(args);
        // With --json a failure is also one JSON object on standard output, so a script reading it sees why.
        int Fail(int code, string message)
        {
            if (json) stdout.Write(JsonOut.Error(message, code));
            return code;
        }
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine("cpm: " + e.Message);
            stderr.WriteLine("cpm: see 'cpm --help'");
            return Fail(ExitCodes.Usage, string.Join("; ", parsed.Errors.Select(e => e.Message.ReplaceLineEndings(" "))));
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false,
            // After Ctrl-C or SIGTERM a command has this long to finish its current document and report.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
        try
        {
            return await parsed.InvokeAsync(config);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("cpm: " + ex.Message);
            return Fail(ExitCodes.Usage, ex.Message);
        }
        catch (Exception ex) when (Fault(ex, parsed.GetValue(Db)) is { } line)
        {
            stderr.WriteLine("cpm: " + line);
            return Fail(ExitCodes.Fault, line);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cpm: interrupted");
            return Fail(ExitCodes.Interrupted, "interrupted");
        }
        catch (Exception ex)
        {
            var line = $"internal error: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";
            stderr.WriteLine("cpm: " + line);
            // CPM_TRACE=1: the whole exception (inner ones and stacks) for a bug report, e.g. from the native build.
            if (Environment.GetEnvironmentVariable("CPM_TRACE") == "1") stderr.WriteLine(ex.ToString());
            return Fail(ExitCodes.Internal, line);
        }
    }

    /// <summary>Whether the command line asks for JSON: <c>--json</c>, or <c>--format json</c> (also written
    /// <c>--format=json</c> or <c>--format:json</c>), before any <c>--</c>. Read from the words, not the parse,
    /// so that a line the parser rejects still gets its error as JSON.</summary>
    public static bool AsksForJson(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
            if (args[i] is "--json" or "--format=json" or "--format:json"
                || args[i] == "--format" && i + 1 < args.Count && args[i + 1] == "json")
                return true;
        return false;
    }

    /// <summary>The one line for a store or file-system fault (the path and the cause), or null for other exceptions.</summary>
    private static string? Fault(Exception ex, string? db) => ex switch
    {
        FaultException f => f.Message,
        StoreException s => s.Message,
        Microsoft.Data.Sqlite.SqliteException s => StoreException.From(db ?? "store", s).Message,
        IOException or UnauthorizedAccessException => ex.Message.ReplaceLineEndings(" "),
        _ => null,
    };
}

/// <summary>Thrown by a command when the file system refused what it had to do (the message names the path).</summary>
public sealed class FaultException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Thrown by a command for a usage error that the parser cannot see (a bad id, a bad config name).</summary>
public sealed class UsageException(string message) : Exception(message);
