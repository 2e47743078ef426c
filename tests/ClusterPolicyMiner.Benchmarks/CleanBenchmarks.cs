using System.Text;
using BenchmarkDotNet.Attributes;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>Throughput of the clean stage alone (on already normalised text) and of duplicate grouping,
/// over the five seeds repeated with distinct ids. Reads the seeds from $CPM_SHARED/seeds.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class CleanBenchmarks
{
    private NormalizedDocument[] _docs = [];
    private (string Id, string Text)[] _texts = [];

    /// <summary>Bytes (UTF-8) cleaned per invocation: divide by the mean time for MB/s.</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("CPM_SHARED")
            ?? throw new InvalidOperationException("CPM_SHARED is not set: run with --shared ../shared");
        var seeds = Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToArray();
        var docs = new List<NormalizedDocument>();
        for (var copy = 0; copy < 20; copy++)
            foreach (var (text, i) in seeds.Select((t, i) => (t, i)))
            {
                var decoded = new DecodedDocument($"{copy}-{i}", $"seed{i}.txt", DocumentFormat.Txt, "utf-8", "bench", text, []);
                docs.Add(new NormalizedDocument(decoded, text, [], []));
            }
        _docs = [.. docs];
        _texts = [.. _docs.Select(d => (d.Decoded.Id, Cleaner.Clean(d).Text))];
        Bytes = _docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        Console.WriteLine($"// CleanBenchmarks: {_docs.Length} documents, {Bytes} bytes per invocation");
    }

    [Benchmark]
    public int CleanAll()
    {
        var n = 0;
        foreach (var d in _docs) n += Cleaner.Clean(d).Text.Length;
        return n;
    }

    [Benchmark]
    public int GroupDuplicates() => new DuplicateDetector().Group(_texts).Count;
}
