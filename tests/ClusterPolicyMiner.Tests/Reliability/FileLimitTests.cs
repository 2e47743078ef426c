using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Reliability;

/// <summary>Per-document limits on what is read: regular files only, size checked on the bytes actually read,
/// links getting the same checks as the files they name.</summary>
public class FileLimitTests
{
    private const string Notice = "第一条 为促进中小企业特色产业集群发展，制定本办法。\n第二条 集群有效期为三年。\n";

    private static bool OnUnix => !OperatingSystem.IsWindows();

    [Fact]
    public void ATxtLinkToDevZeroIsRefusedAsADeviceWithoutReadingIt()
    {
        if (!OnUnix) return;
        using var dir = new TempFolder();
        var link = dir.File("zero.txt");
        File.CreateSymbolicLink(link, "/dev/zero");
        var read = FileSource.Read(link, maxBytes: 1024);
        Assert.Null(read.Document);
        Assert.Equal(DiagnosticCode.NotRegularFile, read.Failure!.Code);
        Assert.Equal("not a regular file: a character device; skipped without reading", read.Failure.Message);
    }

    [Fact]
    public void AFifoIsSkippedWithNotRegularFileInsteadOfBlockingTheBatch()
    {
        if (!OnUnix) return;
        using var dir = new TempFolder();
        var fifo = dir.File("pipe.txt");
        using (var p = System.Diagnostics.Process.Start("mkfifo", [fifo])) p.WaitForExit();
        var read = FileSource.Read(fifo);
        Assert.Equal(DiagnosticCode.NotRegularFile, read.Failure!.Code);
        Assert.Contains("FIFO", read.Failure.Message);
    }

    [Fact]
    public void AFileThatReportsNoSizeStillStopsAtTheLimit()
    {
        // /proc files report a length of 0 and then give their bytes: only counting what is read catches them.
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempFolder();
        var link = dir.File("maps.txt");
        File.CreateSymbolicLink(link, "/proc/self/maps");
        Assert.Equal(0, new FileInfo("/proc/self/maps").Length);
        var read = FileSource.Read(link, maxBytes: 100);
        Assert.Null(read.Document);
        Assert.Equal(DiagnosticCode.TooLarge, read.Failure!.Code);
        Assert.Equal("too large: reading stopped past the limit of 100 bytes", read.Failure.Message);
    }

    [Fact]
    public void AFileThatReportsNoSizeIsReadWholeUnderTheLimit()
    {
        // The size a file reports is where reading starts, not where it stops.
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempFolder();
        var link = dir.File("version.txt");
        File.CreateSymbolicLink(link, "/proc/version");
        Assert.Equal(0, new FileInfo("/proc/version").Length);
        var read = FileSource.Read(link, maxBytes: 1 << 20);
        Assert.Null(read.Failure);
        Assert.NotEmpty(read.Document!.Bytes);
        Assert.Equal(File.ReadAllBytes("/proc/version"), read.Document.Bytes);
    }

    [Fact]
    public void ASymlinkedFileIsCheckedAgainstTheSizeOfWhatItNames()
    {
        using var dir = new TempFolder();
        var big = dir.File("big.bin");
        File.WriteAllBytes(big, new byte[5000]);
        var link = dir.File("small-looking.txt");
        File.CreateSymbolicLink(link, big);
        var read = FileSource.Read(link, maxBytes: 4096);
        Assert.Equal(DiagnosticCode.TooLarge, read.Failure!.Code);
        Assert.Equal("too large: 5000 bytes is over the limit of 4096", read.Failure.Message);
    }

    [Fact]
    public void AFileAtExactlyTheLimitIsRead()
    {
        using var dir = new TempFolder();
        var file = dir.File("a.txt");
        File.WriteAllBytes(file, new byte[4096]);
        Assert.Equal(4096, FileSource.Read(file, maxBytes: 4096).Document!.Bytes.Length);
    }

    [Fact]
    public void AnInvalidUtf8FileNameIsReportedAsSuch()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempFolder();
        // Create the file by its raw bytes through the shell; .NET cannot name it.
        using (var p = System.Diagnostics.Process.Start("sh", ["-c", $"printf 'x' > \"$(printf '{dir.Path}/bad\\377name.txt')\""])) p.WaitForExit();
        var input = FileSource.Enumerate([dir.Path]).Single(f => !f.IsSkipped);
        var read = FileSource.Read(input.Path);
        Assert.Equal(DiagnosticCode.ReadFailed, read.Failure!.Code);
        Assert.Contains("the file name is not valid UTF-8", read.Failure.Message);
    }

    [Fact]
    public async Task HostileSpecialsInAFolderCostNothingToTheGoodFilesAndEachIsOneLine()
    {
        if (!OnUnix) return;
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("a-good.txt"), Notice);
        File.WriteAllText(dir.File("z-good.txt"), Notice.Replace("三年", "五年"));
        File.CreateSymbolicLink(dir.File("b-zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(dir.File("c-null.txt"), "/dev/null");
        using (var p = System.Diagnostics.Process.Start("mkfifo", [dir.File("d-fifo.txt")])) p.WaitForExit();
        File.CreateSymbolicLink(dir.File("e-dangling.txt"), dir.File("nowhere"));
        File.CreateSymbolicLink(dir.File("f-link.txt"), dir.File("a-good.txt"));

        var o = new StringWriter();
        var e = new StringWriter();
        var code = await CpmApp.RunAsync(["ingest", dir.Path, "--db", dir.File("s.db")], new StringReader(""), o, e);
        Assert.Equal(ExitCodes.SomeFailed, code);
        Assert.Contains("a-good.txt", o.ToString());
        Assert.Contains("z-good.txt", o.ToString());
        var errors = e.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, errors.Length);
        Assert.Contains(errors, l => l.Contains("b-zero.txt: not a regular file: a character device"));
        Assert.Contains(errors, l => l.Contains("c-null.txt: not a regular file: a character device"));
        Assert.Contains(errors, l => l.Contains("d-fifo.txt: not a regular file: a FIFO"));
        Assert.Contains(errors, l => l.Contains("e-dangling.txt: cannot read the file: no such file"));
    }
}
