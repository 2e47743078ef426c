using System.Text.Json;
using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

public class CliTests
{
    private static Task<(int Code, string Out, string Err)> Cpm(string stdin, params string[] args) => CpmRunner.Run(stdin, null, args);

    [Fact]
    public async Task AnUnknownCommandIsAUsageErrorWithExitCode2()
    {
        var (code, _, err) = await Cpm("", "frobnicate");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("frobnicate", err);
    }

    [Fact]
    public async Task ShowingAnUnknownIdIsAUsageError()
    {
        using var dir = new TempFolder();
        var (code, _, err) = await Cpm("", "show", "deadbeef", "--db", dir.File("s.db"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("deadbeef", err);
    }

    [Fact]
    public async Task IngestJsonPrintsOneObjectPerDocumentAndTheSecondTimeSaysUnchanged()
    {
        using var dir = new TempFolder();
        var file = dir.File("n.txt");
        File.WriteAllText(file, "第一条 为促进中小企业发展，制定本办法。\n第二条 本办法自印发之日起实施。\n");
        var db = dir.File("s.db");
        var first = await Cpm("", "ingest", file, "--json", "--db", db);
        Assert.Equal(0, first.Code);
        var line = JsonDocument.Parse(first.Out.Trim()).RootElement;
        Assert.Equal("new", line.GetProperty("status").GetString());
        Assert.Equal(64, line.GetProperty("id").GetString()!.Length);
        var second = await Cpm("", "ingest", file, "--json", "--db", db);
        Assert.Equal("unchanged", JsonDocument.Parse(second.Out.Trim()).RootElement.GetProperty("status").GetString());

        var shown = await Cpm("", "show", line.GetProperty("id").GetString()![..10], "--text", "--db", db);
        Assert.Contains("本办法自印发之日起实施", shown.Out);
    }

    [Fact]
    public async Task ASecondRunOverTheSameCorpusWritesNothing()
    {
        using var dir = new TempFolder();
        var corpus = Directory.CreateDirectory(dir.File("corpus")).FullName;
        File.WriteAllText(Path.Combine(corpus, "a.txt"), "第一条 为促进中小企业发展，制定本办法。\n");
        File.WriteAllText(Path.Combine(corpus, "b.txt"), "第一条 集群有效期为三年。\n");
        var output = dir.File("extracted");
        var first = await Cpm("", "run", "--corpus", corpus, "--out-dir", output, "--db", dir.File("s.db"));
        Assert.Equal(0, first.Code);
        var snapshot = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order()
            .Select(f => (f, File.ReadAllText(f))).ToList();
        Assert.Contains(snapshot, x => x.f.EndsWith("a.json"));
        var second = await Cpm("", "run", "--corpus", corpus, "--out-dir", output, "--db", dir.File("s.db"));
        Assert.Contains("(0 written, 0 removed)", second.Out);
        Assert.Equal(snapshot, Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order()
            .Select(f => (f, File.ReadAllText(f))).ToList());

        File.Delete(Path.Combine(corpus, "b.txt"));
        var third = await Cpm("", "run", "--corpus", corpus, "--out-dir", output, "--db", dir.File("s.db"));
        Assert.Equal(0, third.Code);
        Assert.False(File.Exists(Path.Combine(output, "b.json")));
        Assert.False(File.Exists(Path.Combine(output, "b.txt")));
        Assert.True(File.Exists(Path.Combine(output, "a.json")));
    }
}
