using BenchmarkDotNet.Attributes;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>Structure stage throughput on the 1,911 local regulations of LawRefBook/Laws
/// ($CPM_SHARED/peer-suites/lawrefbook-local), as plain text without their Markdown marks.
/// Documents/s = 1,911 / mean time; MB/s = UTF-8 megabytes (reported once at setup) / mean time.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class StructureBenchmarks
{
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("CPM_SHARED")
            ?? throw new InvalidOperationException("run through `make bench` (it sets CPM_SHARED from --shared)");
        _texts = [.. Directory.EnumerateFiles(Path.Combine(shared, "peer-suites", "lawrefbook-local"), "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "_index.md")
            .Order(StringComparer.Ordinal)
            .Select(f => PlainText(File.ReadAllText(f)))];
        var megabytes = _texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) / 1e6;
        Console.WriteLine($"// structure corpus: {_texts.Length} documents, {megabytes:F1} MB of UTF-8 text");
    }

    /// <summary>Drops everything up to the &lt;!-- INFO END --&gt; line and the # of headings.</summary>
    private static string PlainText(string markdown)
    {
        var at = markdown.IndexOf("<!-- INFO END -->", StringComparison.Ordinal);
        var body = at < 0 ? markdown : markdown[(at + "<!-- INFO END -->".Length)..];
        return string.Join('\n', body.Split('\n').Select(l => l.StartsWith('#') ? l.TrimStart('#').TrimStart() : l));
    }

    [Benchmark(Description = "outline only, all local regulations")]
    public int OutlineOnly()
    {
        var nodes = 0;
        var options = new StructureOptions { ReadMetadata = false };
        foreach (var t in _texts) nodes += StructureExtractor.Extract(t, PageInfo.None, options).Outline.Count;
        return nodes;
    }

    [Benchmark(Description = "outline and metadata, all local regulations")]
    public int OutlineAndMetadata()
    {
        var cites = 0;
        foreach (var t in _texts) cites += StructureExtractor.Extract(t, PageInfo.None).Metadata.Cites.Count;
        return cites;
    }
}
