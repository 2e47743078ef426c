using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>Golden outlines of the seeds (Data/structure-golden/*.outline.json), written from real output
/// and reviewed by eye. On a difference, X.outline.actual.json is written beside the golden file.</summary>
public sealed class OutlineGoldenTests
{
    [Fact]
    public void QinghaiOutlineMatchesItsGoldenFile() => Check("qinghai-2023-implementing-rules");

    [Fact]
    public void ShaanxiOutlineMatchesItsGoldenFile() => Check("shaanxi-2023-implementing-measures");

    [Fact]
    public void BeijingOutlineMatchesItsGoldenFile() => Check("beijing-2023-measures-draft");

    [Fact]
    public void ShanghaiOutlineMatchesItsGoldenFile() => Check("shanghai-2024-application-notice.zh-hant");

    [Fact]
    public void ShanxiOutlineMatchesItsGoldenFile() => Check("shanxi-2025-application-notice.zh-hant");

    private static void Check(string seed)
    {
        var actual = SeedPipeline.OutlineJson(SeedPipeline.Process(seed + ".txt").Outline);
        var dir = Path.Combine(TestPaths.TestData, "structure-golden");
        var golden = Path.Combine(dir, seed + ".outline.json");
        var actualPath = Path.Combine(dir, seed + ".outline.actual.json");
        var expected = File.Exists(golden) ? File.ReadAllText(golden) : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(actualPath, actual);
        Assert.Fail(expected is null
            ? $"no golden outline for {seed}: review {Path.GetFileName(actualPath)} and rename it to {Path.GetFileName(golden)}"
            : $"outline of {seed} differs from its golden file: diff {Path.GetFileName(golden)} {Path.GetFileName(actualPath)}");
    }
}
