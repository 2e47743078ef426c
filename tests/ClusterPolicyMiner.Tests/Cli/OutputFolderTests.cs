using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary><c>cpm run --out-dir DIR</c> only ever replaces or removes files it wrote itself.</summary>
public class OutputFolderTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly string _corpus;

    public OutputFolderTests()
    {
        _corpus = Directory.CreateDirectory(_dir.File("corpus")).FullName;
        File.WriteAllText(Path.Combine(_corpus, "a.txt"), "第一条 为促进中小企业发展，制定本办法。\n");
        File.WriteAllText(Path.Combine(_corpus, "b.txt"), "第一条 集群有效期为三年。\n");
    }

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(int Code, string Out, string Err)> Run(string output, string? corpus = null)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await CpmApp.RunAsync(["run", "--corpus", corpus ?? _corpus, "--out-dir", output, "--db", _dir.File("s.db")],
            new StringReader(""), o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

    [Fact]
    public async Task ARunWritesAManifestListingEveryFileItWrote()
    {
        var output = _dir.File("out");
        Assert.Equal(0, (await Run(output)).Code);
        var listed = ExtractedTree.ReadManifest(File.ReadAllText(Path.Combine(output, ExtractedTree.ManifestName)));
        var onDisk = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => f != ExtractedTree.ManifestName).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, listed);
        Assert.Contains("a.json", listed);
    }

    [Fact]
    public async Task ANonEmptyFolderWithoutAManifestIsRefusedAndLeftAsItWas()
    {
        var output = Directory.CreateDirectory(_dir.File("mine")).FullName;
        File.WriteAllText(Path.Combine(output, "thesis.docx"), "years of work");
        File.WriteAllText(Path.Combine(output, "a.json"), "my own a.json");
        var before = Snapshot(output);
        var (code, _, err) = await Run(output);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not empty and has no " + ExtractedTree.ManifestName, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public async Task AFileTheUserAddedToTheOutputFolderSurvivesTheNextRun()
    {
        var output = _dir.File("out");
        await Run(output);
        File.WriteAllText(Path.Combine(output, "notes.md"), "mine");
        Directory.CreateDirectory(Path.Combine(output, "rules", "mine"));
        File.WriteAllText(Path.Combine(output, "rules", "mine", "x.yaml"), "mine too");
        File.Delete(Path.Combine(_corpus, "b.txt"));
        Assert.Equal(0, (await Run(output)).Code);
        Assert.False(File.Exists(Path.Combine(output, "b.json")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.md")));
        Assert.Equal("mine too", File.ReadAllText(Path.Combine(output, "rules", "mine", "x.yaml")));
    }

    [Fact]
    public async Task AUserFileAtAPathCpmWouldWriteIsNotOverwritten()
    {
        var output = _dir.File("out");
        await Run(output);
        File.WriteAllText(Path.Combine(_corpus, "c.txt"), "第一条 集群有效期为五年。\n");
        File.WriteAllText(Path.Combine(output, "c.json"), "the user's own c.json");
        var (code, _, err) = await Run(output);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("c.json: exists and was not written by cpm", err);
        Assert.Equal("the user's own c.json", File.ReadAllText(Path.Combine(output, "c.json")));
    }

    [Fact]
    public async Task AUserFileAtAGeneratedPathIsFoundBeforeAnyFileIsWritten()
    {
        var output = _dir.File("out");
        await Run(output);
        var manifest = File.ReadAllText(Path.Combine(output, ExtractedTree.ManifestName));
        File.WriteAllText(Path.Combine(_corpus, "c.txt"), "第一条 集群有效期为五年。\n");
        File.WriteAllText(Path.Combine(output, "c.json"), "the user's own c.json");
        Assert.Equal(ExitCodes.Usage, (await Run(output)).Code);
        // c.txt comes before c.json, but the files are checked before the first one is written.
        Assert.False(File.Exists(Path.Combine(output, "c.txt")));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(output, ExtractedTree.ManifestName)));
    }

    [Fact]
    public async Task ARunRewritesOnlyTheFilesWhoseBytesChanged()
    {
        var output = _dir.File("out");
        await Run(output);
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var f in Directory.GetFiles(output, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, old);
        File.WriteAllText(Path.Combine(_corpus, "c.txt"), "第一条 集群有效期为五年。\n");
        var (code, stdout, _) = await Run(output);
        Assert.Equal(0, code);
        Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(output, "a.json")));
        Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(output, "b.txt")));
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(Path.Combine(output, "c.json")));
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Length - 1;
        var written = int.Parse(System.Text.RegularExpressions.Regex.Match(stdout, @"\((\d+) written").Groups[1].Value);
        Assert.InRange(written, 2, files - 4);
    }

    [Fact]
    public async Task ASymlinkedFolderInsideTheOutputNeverLeadsToDeletionsOutsideIt()
    {
        var output = _dir.File("out");
        await Run(output);
        // An earlier run wrote old/b.json; since then old/ became a link to a folder of the user's.
        var outside = Directory.CreateDirectory(_dir.File("outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "b.json"), "outside b");
        Directory.CreateSymbolicLink(Path.Combine(output, "old"), outside);
        var manifest = Path.Combine(output, ExtractedTree.ManifestName);
        File.AppendAllText(manifest, "old/b.json\n");

        var (code, _, err) = await Run(output);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal("outside b", File.ReadAllText(Path.Combine(outside, "b.json")));
        Assert.DoesNotContain("old/b.json", ExtractedTree.ReadManifest(File.ReadAllText(manifest)));
    }

    [Fact]
    public async Task AManifestEntryThatClimbsOutOfTheFolderIsIgnored()
    {
        var output = _dir.File("out");
        await Run(output);
        var victim = _dir.File("victim.txt");
        File.WriteAllText(victim, "keep me");
        File.AppendAllText(Path.Combine(output, ExtractedTree.ManifestName), "../victim.txt\n" + victim + "\n");
        Assert.Equal(0, (await Run(output)).Code);
        Assert.Equal("keep me", File.ReadAllText(victim));
    }

    [Fact]
    public async Task ASymlinkedFolderWhereCpmWritesIsRefusedWithoutWritingThroughIt()
    {
        var output = _dir.File("out");
        await Run(output);
        var listed = ExtractedTree.ReadManifest(File.ReadAllText(Path.Combine(output, ExtractedTree.ManifestName)));
        var nested = listed.First(p => p.Contains('/'));
        var nestedDir = Path.Combine(output, nested.Split('/')[0]);
        var outside = Directory.CreateDirectory(_dir.File("outside")).FullName;
        Directory.Delete(nestedDir, recursive: true);
        Directory.CreateSymbolicLink(nestedDir, outside);
        var (code, _, err) = await Run(output);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("symbolic link", err);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }

    [Fact]
    public async Task TheCorpusFolderItselfIsRefusedAsOutput()
    {
        var before = Snapshot(_corpus);
        var (code, _, err) = await Run(_corpus);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("is the corpus folder", err);
        Assert.Equal(before, Snapshot(_corpus));
    }

    [Fact]
    public async Task AFolderInsideTheCorpusIsRefusedAsOutput()
    {
        var before = Snapshot(_corpus);
        var (code, _, err) = await Run(Path.Combine(_corpus, "extracted"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("inside the corpus folder", err);
        Assert.Equal(before, Snapshot(_corpus));
        Assert.False(Directory.Exists(Path.Combine(_corpus, "extracted")));
    }

    [Fact]
    public async Task AFolderHoldingTheCorpusIsRefusedAsOutput()
    {
        var (code, _, err) = await Run(_dir.Path);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("contains the corpus folder", err);
        Assert.True(File.Exists(Path.Combine(_corpus, "a.txt")));
    }

    [Fact]
    public async Task ALinkToTheCorpusIsRecognisedAsTheCorpus()
    {
        var link = _dir.File("link-to-corpus");
        Directory.CreateSymbolicLink(link, _corpus);
        var before = Snapshot(_corpus);
        var (code, _, err) = await Run(link);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("is the corpus folder", err);
        Assert.Equal(before, Snapshot(_corpus));
    }
}
