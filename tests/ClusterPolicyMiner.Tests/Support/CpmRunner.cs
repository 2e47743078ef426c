using ClusterPolicyMiner.Cli;

namespace ClusterPolicyMiner.Tests.Support;

/// <summary>Runs <c>cpm</c> in-process with its own standard streams, as the CLI tests do.</summary>
internal static class CpmRunner
{
    /// <summary>The exit code and what the command wrote to standard output and standard error.</summary>
    public static async Task<(int Code, string Out, string Err)> Run(string stdin, TimeProvider? clock, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await CpmApp.RunAsync(args, new StringReader(stdin), o, e, clock);
        return (code, o.ToString(), e.ToString());
    }

    public static Task<(int Code, string Out, string Err)> Run(params string[] args) => Run("", null, args);
}
