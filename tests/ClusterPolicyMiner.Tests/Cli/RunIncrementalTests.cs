using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

public class RunIncrementalTests
{
    private static async Task<string> Run(TempFolder dir, string corpus)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        await CpmApp.RunAsync(["run", "--corpus", corpus, "--out-dir", dir.File("out"), "--db", dir.File("cpm.db")], new StringReader(""), o, e);
        return o.ToString();
    }

    [Fact]
    public async Task ARerunWithNothingNewWritesNothingAndADeletedOutputIsWrittenAgain()
    {
        using var dir = new TempFolder();
        var corpus = dir.File("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var f in new[] { "qinghai-2023-implementing-rules.txt", "shaanxi-2023-implementing-measures.txt", "shaanxi-2023-implementing-measures.zh-hant.txt" })
            File.Copy(Path.Combine(TestPaths.Corpus, f), Path.Combine(corpus, f));

        Assert.Contains(" written, 0 removed)", await Run(dir, corpus));
        var before = Directory.EnumerateFiles(dir.File("out"), "*", SearchOption.AllDirectories).Order().Select(File.ReadAllText).ToList();
        Assert.Contains("(0 written, 0 removed)", await Run(dir, corpus));

        File.Delete(Path.Combine(dir.File("out"), "qinghai-2023-implementing-rules.txt"));
        Assert.Contains("(1 written, 0 removed)", await Run(dir, corpus));
        var after = Directory.EnumerateFiles(dir.File("out"), "*", SearchOption.AllDirectories).Order().Select(File.ReadAllText).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ANewDocumentInTheCorpusRebuildsTheOutputs()
    {
        using var dir = new TempFolder();
        var corpus = dir.File("corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(Path.Combine(TestPaths.Corpus, "qinghai-2023-implementing-rules.txt"), Path.Combine(corpus, "a.txt"));
        await Run(dir, corpus);
        File.Copy(Path.Combine(TestPaths.Corpus, "shaanxi-2023-implementing-measures.txt"), Path.Combine(corpus, "b.txt"));
        var second = await Run(dir, corpus);
        Assert.DoesNotContain("(0 written", second);
        Assert.True(File.Exists(Path.Combine(dir.File("out"), "b.json")));
    }

    [Fact]
    public async Task TheSameBytesAtTwoPathsAreOneDocumentWithFilesUnderBothNames()
    {
        using var dir = new TempFolder();
        var corpus = dir.File("corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(Path.Combine(TestPaths.Corpus, "qinghai-2023-implementing-rules.txt"), Path.Combine(corpus, "a.txt"));
        File.Copy(Path.Combine(TestPaths.Corpus, "qinghai-2023-implementing-rules.txt"), Path.Combine(corpus, "b.txt"));
        Assert.Contains("run: 2 documents, 0 failed", await Run(dir, corpus));
        Assert.Equal(File.ReadAllText(Path.Combine(dir.File("out"), "a.txt")), File.ReadAllText(Path.Combine(dir.File("out"), "b.txt")));
        Assert.Contains("(0 written, 0 removed)", await Run(dir, corpus));
    }
}
