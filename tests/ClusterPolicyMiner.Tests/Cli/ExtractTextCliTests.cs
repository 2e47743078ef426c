using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary>cpm extract --text: the clean text alone, of one file or of every file of a folder.</summary>
public sealed class ExtractTextCliTests
{
    [Fact]
    public async Task AFolderPrintsEachFilesCleanTextAfterALineNamingIt()
    {
        using var dir = new TempFolder();
        var folder = Directory.CreateDirectory(dir.File("pages")).FullName;
        File.Copy(Path.Combine(TestPaths.Corpus, "beijing-2023-measures-draft.portal.gbk.html"), Path.Combine(folder, "a.html"));
        File.WriteAllText(Path.Combine(folder, "b.txt"), "第一条 为促进中小企业特色产业集群发展，制定本办法。\n");
        File.WriteAllBytes(Path.Combine(folder, "c.txt"), []);
        var (code, output, err) = await CpmRunner.Run("extract", folder, "--text");
        Assert.Equal(ExitCodes.SomeFailed, code);
        Assert.Contains("c.txt: empty input", err);
        var parts = output.Split("==> ").Skip(1).ToArray();
        Assert.Equal(2, parts.Length);
        Assert.StartsWith($"{folder}/a.html <==\n", parts[0]);
        Assert.Contains("特色产业集群", parts[0]);
        Assert.DoesNotContain("<p", parts[0]);
        Assert.DoesNotContain("<div", parts[0]);
        Assert.Equal($"{folder}/b.txt <==\n第一条 为促进中小企业特色产业集群发展，制定本办法。\n", parts[1]);
    }

    [Fact]
    public async Task OneFilePrintsItsCleanTextAlone()
    {
        var (code, output, _) = await CpmRunner.Run("extract", Path.Combine(TestPaths.Corpus, "qinghai-2023-implementing-rules.txt"), "--text");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.DoesNotContain("==> ", output);
        Assert.StartsWith("青海省", output);
    }
}
