using System.Diagnostics;
using System.Text;

namespace ClusterPolicyMiner.Tests.Normalize;

/// <summary>Runs Debian's <c>opencc</c> command on a text, as a second opinion for the managed converter.</summary>
internal static class OpenCcCommand
{
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
        Assert.Equal(0, process.ExitCode);
        return result;
    }
}
