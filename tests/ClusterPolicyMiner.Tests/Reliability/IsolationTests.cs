using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Reliability;

/// <summary>One bad input never costs the others: whatever goes wrong inside a stage is that document's diagnostic.</summary>
public class IsolationTests
{
    /// <summary>Lines whose numbers overflow any numeric type, as a careless or hostile page might hold them.</summary>
    public static TheoryData<string> OverflowLines => new()
    {
        "第一条 产值不低于九千九百九十九万亿亿亿亿亿元。",
        "第三条 集群主导产业产值须达到12345678901234567890123456789亿元以上。",
        "（二）专精特新企业不少于九万九千九百九十九亿亿亿亿亿亿家。",
        "第五条 申报集群近三年产值均不低于99999999999999999999999999999999999999万元。",
    };

    private const string Overflow = "第一条 产值不低于九千九百九十九万亿亿亿亿亿元。";

    private const string Good1 = "第一条 为促进中小企业特色产业集群发展，制定本办法。\n第二条 集群主导产业产值占比不低于50%。\n";
    private const string Good2 = "第一条 集群认定有效期为三年。\n第二条 本细则自印发之日起施行。\n";

    private static Task<(int Code, string Out, string Err)> Cpm(params string[] args) => CpmRunner.Run(args);

    [Theory]
    [MemberData(nameof(OverflowLines))]
    public async Task AnOverflowingNumberNeverStopsAnIngestBatch(string line)
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("a-good.txt"), Good1);
        File.WriteAllText(dir.File("b-overflow.txt"), "关于印发办法的通知\n" + line + "\n第二条 集群有效期为三年。\n");
        File.WriteAllText(dir.File("c-good.txt"), Good2);
        var (code, output, err) = await Cpm("ingest", dir.Path, "--db", dir.File("s.db"));
        Assert.True(code is ExitCodes.Ok or ExitCodes.SomeFailed, err);
        Assert.Contains("a-good.txt", output);
        Assert.Contains("c-good.txt", output);
        // The overflowing document is either stored with a NumberOutOfRange diagnostic or fails alone, in one line.
        Assert.True(output.Contains("b-overflow.txt") || err.Contains("b-overflow.txt: stage "), err);
        Assert.DoesNotContain("   at ", err);
        Assert.All(err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("cpm: ", l));
    }

    [Fact]
    public async Task AnOverflowingNumberNeverStopsARunAndTheGoodFilesAreEmitted()
    {
        using var dir = new TempFolder();
        var corpus = Directory.CreateDirectory(dir.File("corpus")).FullName;
        File.WriteAllText(Path.Combine(corpus, "a.txt"), Good1);
        File.WriteAllText(Path.Combine(corpus, "b.txt"), Overflow + "\n");
        File.WriteAllText(Path.Combine(corpus, "c.txt"), Good2);
        var output = dir.File("out");
        var (code, _, err) = await Cpm("run", "--corpus", corpus, "--out-dir", output, "--db", dir.File("s.db"));
        Assert.True(code is ExitCodes.Ok or ExitCodes.SomeFailed, err);
        Assert.True(File.Exists(Path.Combine(output, "a.json")));
        Assert.True(File.Exists(Path.Combine(output, "c.json")));
    }

    [Fact]
    public void AStageThatThrowsBecomesAStageFailedDiagnosticNamingTheStage()
    {
        var (value, failure) = StageGuard.Run<string>("clean", "abc", TimeSpan.FromSeconds(30),
            () => throw new InvalidOperationException("index out of step\nsecond line"));
        Assert.Null(value);
        Assert.Equal(DiagnosticCode.StageFailed, failure!.Code);
        Assert.Equal("abc", failure.DocumentId);
        Assert.Equal("stage clean failed: InvalidOperationException: index out of step second line", failure.Message);
        Assert.True(failure.IsError);
    }

    [Fact]
    public void AStageStillRunningAtItsBudgetIsBudgetExceededAndTheCallerGoesOn()
    {
        using var release = new ManualResetEventSlim();
        var (value, failure) = StageGuard.Run("structure", "abc", TimeSpan.FromMilliseconds(50), () =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return "late";
        });
        release.Set();
        Assert.Null(value);
        Assert.Equal(DiagnosticCode.BudgetExceeded, failure!.Code);
        Assert.Contains("stage structure ran past its budget of 0.05 s", failure.Message);
    }

    [Fact]
    public void AfterAStageIsAbandonedTheNextStageOfTheSameThreadRunsOnANewWorkerWhileTheOldOneStillRuns()
    {
        using var release = new ManualResetEventSlim();
        var (_, failure) = StageGuard.Run("clean", "a", TimeSpan.FromMilliseconds(50), () =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return "late";
        });
        Assert.Equal(DiagnosticCode.BudgetExceeded, failure!.Code);
        // The runaway stage holds its worker; the next stages must not queue behind it.
        for (var i = 0; i < 3; i++)
            Assert.Equal("next", StageGuard.Run("structure", "b", TimeSpan.FromSeconds(5), () => "next").Value);
        release.Set();
    }

    [Fact]
    public void AStageWithinItsBudgetReturnsItsValue()
    {
        var (value, failure) = StageGuard.Run("thresholds", null, TimeSpan.FromSeconds(30), () => "done");
        Assert.Equal("done", value);
        Assert.Null(failure);
    }

    [Fact]
    public void ABatchWithAFailingDocumentStillProcessesTheOthersInOrder()
    {
        var pipeline = new DocumentPipeline(new());
        var batch = new[]
        {
            new RawDocument("a.txt", System.Text.Encoding.UTF8.GetBytes(Good1)),
            new RawDocument("b.txt", System.Text.Encoding.UTF8.GetBytes(Overflow + "\n")),
            new RawDocument("c.txt", System.Text.Encoding.UTF8.GetBytes(Good2)),
        };
        var docs = pipeline.ProcessBatch(batch);
        Assert.Equal(["a.txt", "b.txt", "c.txt"], docs.Select(d => d.Source));
        Assert.DoesNotContain(docs[0].Diagnostics, d => d.IsError);
        Assert.DoesNotContain(docs[2].Diagnostics, d => d.IsError);
        Assert.Contains("有效期", docs[2].Text);
    }

    [Fact]
    public async Task ExtractOfAnEmptyFolderIsAOneLineUsageError()
    {
        using var dir = new TempFolder();
        var empty = Directory.CreateDirectory(dir.File("empty")).FullName;
        var (code, _, err) = await Cpm("extract", empty);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal($"cpm: {empty}: no document to extract (an empty folder?)", err.Trim());
    }

    [Fact]
    public async Task AnOutputFolderThatCannotBeCreatedIsOneLineWithExitCode3BeforeAnyWork()
    {
        using var dir = new TempFolder();
        var corpus = Directory.CreateDirectory(dir.File("corpus")).FullName;
        File.WriteAllText(Path.Combine(corpus, "a.txt"), Good1);
        var blocker = dir.File("a-file");
        File.WriteAllText(blocker, "x");
        var db = dir.File("s.db");
        var (code, _, err) = await Cpm("run", "--corpus", corpus, "--out-dir", Path.Combine(blocker, "out"), "--db", db);
        Assert.Equal(ExitCodes.Fault, code);
        Assert.Equal($"cpm: {Path.Combine(blocker, "out")}: cannot write the output folder: the folder cannot be created there", err.Trim());
        Assert.False(File.Exists(db));
    }
}
