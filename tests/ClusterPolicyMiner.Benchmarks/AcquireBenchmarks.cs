using System.Text;
using BenchmarkDotNet.Attributes;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>Decoding throughput of <see cref="DocumentDecoder"/> without any declared charset, so that every
/// statistical candidate (UTF-8, GB18030, Big5) is decoded and scored: about 4 MB of the lawrefbook regulations
/// from $CPM_SHARED, as UTF-8, as GBK and (converted by nothing: the same simplified text, characters Big5
/// lacks dropped) as Big5. MB/s = 4 / (mean time in seconds).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class AcquireBenchmarks
{
    private const int TargetBytes = 4 * 1024 * 1024;
    private readonly DocumentDecoder _decoder = new(new DecodeOptions());
    private RawDocument _document = null!;

    [Params("utf-8", "gbk", "big5")]
    public string Encoding { get; set; } = "utf-8";

    [GlobalSetup]
    public void Setup()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var shared = Environment.GetEnvironmentVariable("CPM_SHARED")
            ?? throw new InvalidOperationException("run through `make bench` or pass --shared ../shared");
        var text = new StringBuilder();
        var files = Directory.EnumerateFiles(Path.Combine(shared, "peer-suites", "lawrefbook-local"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (text.Length * 3 >= TargetBytes) break;
            text.Append(File.ReadAllText(file));
        }
        var encoding = Encoding switch
        {
            "gbk" => System.Text.Encoding.GetEncoding(936, new EncoderReplacementFallback(""), DecoderFallback.ReplacementFallback),
            "big5" => System.Text.Encoding.GetEncoding(950, new EncoderReplacementFallback(""), DecoderFallback.ReplacementFallback),
            _ => new UTF8Encoding(false),
        };
        var bytes = encoding.GetBytes(text.ToString());
        _document = new RawDocument("bench.txt", bytes[..Math.Min(bytes.Length, TargetBytes)]);
    }

    [Benchmark]
    public string Decode() => _decoder.Decode(_document).Encoding;
}
