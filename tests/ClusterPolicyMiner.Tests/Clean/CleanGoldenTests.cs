using System.Text;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>The clean text of every corpus file against a golden file reviewed by eye. On a difference the
/// actual text is written beside the golden as `.actual` (never over it) and the test fails; a missing
/// golden fails the same way.</summary>
public sealed class CleanGoldenTests
{
    private static readonly string GoldenDir =
        Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Clean", "Golden");

    public static TheoryData<string> SimplifiedFiles() => Files(traditional: false);

    public static TheoryData<string> TraditionalFiles() => Files(traditional: true);

    private static TheoryData<string> Files(bool traditional) =>
        [.. Directory.EnumerateFiles(TestPaths.Corpus).Select(Path.GetFileName).OfType<string>()
            .Where(f => Path.GetExtension(f) is ".txt" or ".html" or ".pdf")
            .Where(f => f.Contains("zh-hant", StringComparison.Ordinal) == traditional)
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SimplifiedFiles))]
    public void TheCleanTextOfEachSimplifiedCorpusFileMatchesItsReviewedGolden(string file) => Check(file);

    [Theory]
    [MemberData(nameof(TraditionalFiles))]
    public void TheCleanTextOfEachTraditionalCorpusFileMatchesItsReviewedGolden(string file) => Check(file);

    private static void Check(string file)
    {
        var actual = CorpusPipeline.Process(file).Text;
        var golden = Path.Combine(GoldenDir, file + ".clean.txt");
        var actualPath = Path.Combine(GoldenDir, file + ".clean.actual.txt");
        var expected = File.Exists(golden) ? File.ReadAllText(golden, Encoding.UTF8) : null;
        if (expected == actual)
        {
            if (File.Exists(actualPath)) File.Delete(actualPath);
            return;
        }
        File.WriteAllText(actualPath, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"no golden for {file}; the actual clean text is in {Path.GetFileName(actualPath)}: read it, then rename it"
            : $"clean text of {file} differs from its golden; see {Path.GetFileName(actualPath)}");
    }
}
