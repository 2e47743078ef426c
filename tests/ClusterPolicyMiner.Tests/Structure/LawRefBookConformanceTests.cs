using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;
using Xunit.Abstractions;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>The full conformance run over ../shared/peer-suites/lawrefbook-local (1,911 regulations).
/// Runs only when CPM_CONFORMANCE=1 (`make conformance`), since it reads 36 MB. Besides the files as written,
/// it scores them with each chapter, and the whole law, joined into one line with and without spaces.</summary>
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

        var withLines = Run("lines", () => LawRefBook.Score(regulations));
        Run("newline-to-space", () => LawRefBook.Score(regulations, t => t.Replace('\n', ' ')));
        var joined = LawRefBook.Joinings.ToDictionary(j => j.Key,
            j => Run(j.Key, () => LawRefBook.Score(regulations.Where(r => r.NumbersRunOneToN).Select(j.Value))));
        var ground = regulations.Where(r => r.NumbersRunOneToN).ToList();
        foreach (var (name, join) in LawRefBook.Joinings.Prepend(new("lines", r => r)))
        {
            var chapters = LawRefBook.Score(ground.Select(join), kind: OutlineKind.Chapter);
            output.WriteLine($"chapters {name,-15} {chapters}");
            foreach (var f in chapters.Failures.Take(25)) output.WriteLine($"  chapters {name}: {f}");
        }
        foreach (var f in withLines.Failures) output.WriteLine("  lines: " + f);
        foreach (var (name, score) in joined)
            foreach (var f in score.Failures.Take(40)) output.WriteLine($"  {name}: {f}");

        Assert.True(withLines.Precision >= Target && withLines.Recall >= Target, withLines.ToString());
        Assert.All(joined, j => Assert.True(j.Value.Precision >= Target && j.Value.Recall >= Target, $"{j.Key}: {j.Value}"));
    }

    private ArticleScore Run(string mode, Func<ArticleScore> score)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = score();
        output.WriteLine($"{mode,-18} {result} ({watch.ElapsedMilliseconds} ms)");
        return result;
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
