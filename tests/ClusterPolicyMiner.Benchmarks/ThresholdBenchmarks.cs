using BenchmarkDotNet.Attributes;
using ClusterPolicyMiner.Numbers;
using ClusterPolicyMiner.Thresholds;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>Throughput of the threshold stage (numbers, clauses, metrics) on the simplified seeds repeated
/// to about 1 MB, and on the first 200 LawRefBook regulations from CPM_SHARED. MB/s = bytes of UTF-8 text
/// / mean time; the byte count is printed once in the GlobalSetup.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class ThresholdBenchmarks
{
    private string _seeds = "";
    private string _laws = "";

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("CPM_SHARED")
            ?? throw new InvalidOperationException("run with --shared DIR (CPM_SHARED)");
        var seeds = string.Concat(Directory.GetFiles(Path.Combine(shared, "seeds")).Order().Take(3).Select(File.ReadAllText));
        _seeds = string.Concat(Enumerable.Repeat(seeds, Math.Max(1, 1_000_000 / (seeds.Length * 3))));
        _laws = string.Concat(Directory.EnumerateFiles(Path.Combine(shared, "peer-suites", "lawrefbook-local"), "*.md",
            SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(200).Select(File.ReadAllText));
        Console.WriteLine($"// seeds: {System.Text.Encoding.UTF8.GetByteCount(_seeds)} bytes; laws: {System.Text.Encoding.UTF8.GetByteCount(_laws)} bytes");
    }

    [Benchmark]
    public int ExtractSeedsRepeated() => ThresholdExtractor.Extract(_seeds, []).Thresholds.Count;

    [Benchmark]
    public int ExtractLawRefBook200() => ThresholdExtractor.Extract(_laws, []).Thresholds.Count;

    [Benchmark]
    public int RecognizeNumbersLawRefBook200() => ChineseNumberRecognizer.Recognize(_laws).Count;
}
