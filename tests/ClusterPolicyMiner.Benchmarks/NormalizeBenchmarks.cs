using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ClusterPolicyMiner.Benchmarks.Normalize;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Normalize;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>Throughput of traditional→simplified conversion and of the whole normalise+clean stage beside
/// the opencc command on the same corpus (see <see cref="NormalizeCorpus"/>): the Ratio column is the
/// speed-up's inverse (time relative to the command), the MB/s column the throughput.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[Config(typeof(Columns))]
public class NormalizeBenchmarks
{
    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new ThroughputColumn());
    }

    private string _joined = "";
    private IReadOnlyList<NormalizedDocument> _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        _joined = NormalizeCorpus.Joined;
        _inputs = NormalizeCorpus.Documents.Select((text, i) => new NormalizedDocument(
            new DecodedDocument($"doc{i}", $"doc{i}.txt", DocumentFormat.Txt, "utf-8", "bom", text, []),
            text, [], [])).ToList();
        OpenCcConverter.Get("t2s"); // the dictionaries load once, outside the measurement
    }

    [Benchmark(Baseline = true, Description = "opencc -c t2s.json (process)")]
    public int OpenccCommand()
    {
        if (!OpenCcCommand.IsInstalled)
            throw new InvalidOperationException("opencc is not installed (apt-get install -y opencc): no baseline");
        return OpenCcCommand.Convert("t2s", _joined).Length;
    }

    [Benchmark(Description = "OpenCcConverter t2s")]
    public int Converter() => OpenCcConverter.Get("t2s").Convert(_joined).Length;

    [Benchmark(Description = "Normalizer.Normalize + Cleaner.Clean")]
    public int NormalizeAndClean()
    {
        var total = 0;
        foreach (var input in _inputs)
        {
            var normalized = Normalizer.Normalize(input.Decoded.Text);
            var clean = Cleaner.Clean(input with { Text = normalized.Text, Normalizations = normalized.Fired });
            total += clean.Text.Length;
        }
        return total;
    }
}
