using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Acquire;

public sealed class FileSourceTests : TempFolderTest
{
    private void Touch(string relative, string content = "x")
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void AFolderExpandsRecursivelyInOrdinalOrderNamingWhatWasSkipped()
    {
        foreach (var f in (string[])["b.txt", "a.HTML", "Z.htm", "sub/c.pdf", "sub/deeper/noext", "README.md",
                     "rules.yaml", ".hidden.txt", ".git/config", "sub/SOURCES.md"])
            Touch(f);

        var found = FileSource.Enumerate([Folder]).Select(f => (Path.GetRelativePath(Folder, f.Path), f.SkipReason)).ToList();

        Assert.Equal(
        [
            (".git", "hidden"),
            (".hidden.txt", "hidden"),
            ("README.md", "not a document extension (.md)"),
            ("Z.htm", null),
            ("a.HTML", null),
            ("b.txt", null),
            ("rules.yaml", "not a document extension (.yaml)"),
            ("sub/SOURCES.md", "not a document extension (.md)"),
            ("sub/c.pdf", null),
            ("sub/deeper/noext", null),
        ], found);
    }

    [Fact]
    public void AFileNamedExplicitlyIsTakenWhateverItsExtensionAndAMissingPathIsLeftToRead()
    {
        Touch("notes.md");
        var md = Path.Combine(Folder, "notes.md");
        var missing = Path.Combine(Folder, "missing.txt");
        Assert.Equal([new FileInput(md), new FileInput(missing)], FileSource.Enumerate([md, missing]).ToList());
    }

    [Fact]
    public void PathsKeepTheRelativeFormTheyWereGivenIn()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, TestPaths.Corpus);
        var first = FileSource.Enumerate([relative]).First(f => !f.IsSkipped);
        Assert.Equal(Path.Join(relative, "beijing-2023-measures-draft.portal.gbk.html"), first.Path);
    }

    [Fact]
    public void ReadingAFileGivesItsBytesUnderItsPathWithTheSha256Id()
    {
        Touch("a.txt", "abc");
        var read = FileSource.Read(Path.Combine(Folder, "a.txt"));
        Assert.Null(read.Failure);
        Assert.Equal(Path.Combine(Folder, "a.txt"), read.Document!.Source);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", read.Document.Id);
    }

    [Fact]
    public void AMissingFileIsAReadFailedDiagnostic()
    {
        var read = FileSource.Read(Path.Combine(Folder, "missing.txt"));
        Assert.Null(read.Document);
        Assert.Equal(DiagnosticCode.ReadFailed, read.Failure!.Code);
        Assert.Equal("cannot read the file: no such file", read.Failure.Message);
    }

    [Fact]
    public void AFolderGivenToReadIsAReadFailedDiagnostic()
    {
        var read = FileSource.Read(Folder);
        Assert.Equal(DiagnosticCode.ReadFailed, read.Failure!.Code);
    }

    [Fact]
    public void AFileOverTheLimitIsRefusedBeforeReading()
    {
        Touch("big.txt", new string('x', 100));
        var read = FileSource.Read(Path.Combine(Folder, "big.txt"), maxBytes: 99);
        Assert.Null(read.Document);
        Assert.Equal(DiagnosticCode.TooLarge, read.Failure!.Code);
        Assert.Equal("too large: 100 bytes is over the limit of 99", read.Failure.Message);
    }
}
