using System.Diagnostics;
using System.Text;

namespace ClusterPolicyMiner.Tests.Normalize;

/// <summary>Runs Debian's <c>opencc</c> command on a text, as a second opinion for the managed converter.
/// Also compiled into the benchmarks (linked from their csproj), where it is the baseline.</summary>
internal static class OpenCcCommand
{
    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, "opencc")));

    /// <summary>Runs <c>opencc -c CONFIG.json</c> on the text through its standard input and output.</summary>
    public static string Convert(string config, string text)
    {
        var info = new ProcessStartInfo("opencc", ["-c", config + ".json"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(text);
        process.StandardInput.Close();
        var result = output.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"opencc -c {config}.json exited with {process.ExitCode}");
        return result;
    }
}
