using System.Diagnostics;
using System.Text;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary>The process's standard input, which cpm opens only when a command reads it.</summary>
public class ConsoleInputTests
{
    private static async Task<(int Code, string Out, string Err)> Process(string stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cpm.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["LANG"] = "C.UTF-8";
        using var p = System.Diagnostics.Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task NormalizeReadsTheWholeStandardInputOfTheProcess()
    {
        var input = File.ReadAllText(Path.Combine(TestPaths.Corpus, "shanxi-2025-application-notice.zh-hant.txt"));
        var (code, output, error) = await Process(input, "normalize");
        Assert.Equal((0, ""), (code, error));
        Assert.Equal(Normalizer.Normalize(input).Text, output);
    }
}
