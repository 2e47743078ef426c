using ClusterPolicyMiner.Tests.Support;
using Xunit.Abstractions;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>The full conformance run over ../shared/peer-suites/lawrefbook-local (1,911 regulations).
/// Runs only when CPM_CONFORMANCE=1 (`make conformance`), since it reads 36 MB.</summary>
[Trait("Category", "Conformance")]
public sealed class LawRefBookConformanceTests(ITestOutputHelper output)
{
    private const double Target = 0.995;

    [ConformanceFact]
    public void ArticleBoundariesAgreeWithTheWholeLocalRegulationsSet()
    {
        var root = Path.Combine(TestPaths.Shared!, "peer-suites", "lawrefbook-local");
        var regulations = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "_index.md")
            .Order(StringComparer.Ordinal)
            .Select(f => LawRefBook.Read(Path.GetRelativePath(root, f), File.ReadAllText(f)))
            .ToList();

        var withLines = LawRefBook.Score(regulations);
        var oneLine = LawRefBook.Score(regulations, t => t.Replace('\n', ' '));
        output.WriteLine($"lines:    {withLines}");
        output.WriteLine($"one line: {oneLine}");
        foreach (var f in withLines.Failures) output.WriteLine("  " + f);

        Assert.True(withLines.Precision >= Target && withLines.Recall >= Target, withLines.ToString());
    }
}

/// <summary>A fact for the full conformance sets: needs ../shared and CPM_CONFORMANCE=1.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (TestPaths.Shared is null)
            Skip = "../shared (or $CPM_SHARED) is absent: the conformance run reads the full peer suites from it";
        else if (Environment.GetEnvironmentVariable("CPM_CONFORMANCE") != "1")
            Skip = "conformance run: set CPM_CONFORMANCE=1 (make conformance)";
    }
}
