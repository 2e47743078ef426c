using BenchmarkDotNet.Attributes;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>Sentence alignment (TemplateDiff) and edition alignment (EditionDiff, whole text as one unit
/// until the structure stage supplies outlines) on two real notices from the shared seeds: Shaanxi's
/// measures against Qinghai's rules, about 12 000 characters each.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class CompareBenchmarks
{
    private PolicyDocument _qinghai = null!;
    private PolicyDocument _shaanxi = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seeds = Path.Combine(Environment.GetEnvironmentVariable("CPM_SHARED")
            ?? throw new InvalidOperationException("run with --shared DIR (CPM_SHARED)"), "seeds");
        _qinghai = Doc("青海省", File.ReadAllText(Path.Combine(seeds, "000_2019e127c8ad9956.txt")));
        _shaanxi = Doc("陕西省", File.ReadAllText(Path.Combine(seeds, "001_727fdc4980adaefc.txt")));
    }

    [Benchmark]
    public int TemplateDiffShaanxiAgainstQinghai() => TemplateDiff.Compare(_shaanxi, _qinghai).Clauses.Count;

    [Benchmark]
    public int EditionDiffWholeText() => EditionDiff.Compare(_qinghai, _shaanxi).Articles.Count;

    private static PolicyDocument Doc(string jurisdiction, string text) =>
        new(jurisdiction, jurisdiction, DocumentFormat.Txt, "UTF-8", "bom", PolicyMetadata.Empty with { Jurisdiction = jurisdiction },
            text, [], [], [], [], []);
}
