using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>Main-content extraction per HTML page, in process, on the pages bench/scale.sh gives Readability
/// (the first 500 HTML pages of a bench/make_corpus.py corpus of 1,000): the folder named by --pages
/// (CPM_PAGES), else a corpus built into a temporary folder from corpus/ and CPM_SHARED. Each invocation
/// extracts 500 pages, so the mean is the time of one page.
/// <list type="bullet">
/// <item><c>ExtractMainContent</c>: the DOM step alone (parse, score the blocks, render the content), what
/// readability-lxml's <c>Document(html).summary()</c> does.</item>
/// <item><c>CleanText</c>: what <c>cpm extract --text</c> does after decoding (normalisation, the DOM step,
/// page facts and furniture lines).</item>
/// </list></summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class ExtractionBenchmarks
{
    private const int Pages = 500;
    private DecodedDocument[] _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable("CPM_PAGES") is { Length: > 0 } given ? given : BuildPages();
        var decoder = new DocumentDecoder(new DecodeOptions());
        var files = Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal).Take(Pages).ToArray();
        if (files.Length == 0) throw new InvalidOperationException($"no .html pages in {folder}");
        _pages = [.. files.Select(f => decoder.Decode(new RawDocument(f, File.ReadAllBytes(f))))];
        Console.WriteLine($"// ExtractionBenchmarks: {_pages.Length} pages from {folder}, {files.Sum(f => new FileInfo(f).Length)} bytes");
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public int ExtractMainContent()
    {
        var n = 0;
        for (var i = 0; i < Pages; i++) n += HtmlContentExtractor.Extract(_pages[i % _pages.Length].Text).ContentText.Length;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public int CleanText()
    {
        var n = 0;
        for (var i = 0; i < Pages; i++) n += MainContent.Of(_pages[i % _pages.Length]).Text.Length;
        return n;
    }

    /// <summary>A 1,000-document corpus from the repository's corpus/ and CPM_SHARED, as make bench-scale builds.</summary>
    private static string BuildPages()
    {
        var shared = Environment.GetEnvironmentVariable("CPM_SHARED")
            ?? throw new InvalidOperationException("run with --pages DIR or --shared DIR (CPM_PAGES, CPM_SHARED)");
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "bench", "make_corpus.py"))) repo = repo.Parent;
        if (repo is null) throw new InvalidOperationException("bench/make_corpus.py not found above the benchmark's folder");
        var folder = Path.Combine(Path.GetTempPath(), "cpm-bench-pages-1k");
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.html").Length > 0) return folder;
        var start = new ProcessStartInfo("python3", ["bench/make_corpus.py", "1000", folder, "corpus", shared])
            { WorkingDirectory = repo.FullName };
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("bench/make_corpus.py failed");
        return folder;
    }
}
