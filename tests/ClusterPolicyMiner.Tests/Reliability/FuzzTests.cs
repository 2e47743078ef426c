using System.Diagnostics;
using System.Text;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;
using Xunit.Abstractions;

namespace ClusterPolicyMiner.Tests.Reliability;

/// <summary>A seeded fuzzer: mutated PDFs, HTML, text and encodings, with the hostile specials, through the
/// whole ingest path into a store, in batches mixed with known-good notices. CPM_FUZZ_CASES sets the count
/// (2,000 in CI, more under <c>make fuzz</c>), CPM_FUZZ_SEED the seed.</summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("CPM_FUZZ_CASES"), out var n) ? n : 2000;
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CPM_FUZZ_SEED"), out var s) ? s : 13;

    private const string Good = "关于印发某省中小企业特色产业集群认定管理办法的通知\n第一条 为促进中小企业特色产业集群发展，制定本办法。\n"
                                + "第二条 申报集群主导产业产值不低于{0}亿元，中小企业产值占比不低于70%。\n第三条 本办法自印发之日起施行。\n";

    /// <summary>Slices of the corpus (the whole of a PDF, the first kilobytes of text and HTML), and specials.</summary>
    private static List<(string Ext, byte[] Bytes)> Seeds()
    {
        var seeds = new List<(string, byte[])>();
        foreach (var f in Directory.GetFiles(TestPaths.Corpus).Where(f => f.EndsWith(".txt") || f.EndsWith(".html") || f.EndsWith(".pdf")).Order())
        {
            var bytes = File.ReadAllBytes(f);
            var ext = Path.GetExtension(f);
            seeds.Add((ext, ext == ".pdf" ? bytes : bytes[..Math.Min(bytes.Length, 6000)]));
        }
        var utf8 = Encoding.UTF8;
        seeds.Add((".txt", utf8.GetBytes("第一条 产值不低于九千九百九十九万亿亿亿亿亿元。\n第二条 数量不少于12345678901234567890123456789家。\n")));
        seeds.Add((".html", utf8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 3000)) + "第一条 为促进发展，制定本办法。</body></html>")));
        seeds.Add((".txt", utf8.GetBytes("第一条 " + string.Concat(Enumerable.Repeat("集群产值不低于十亿元，", 3000)) + "\n")));
        seeds.Add((".txt", utf8.GetBytes(new string('a', 200_000))));
        seeds.Add((".txt", [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00, 0x00, 0xD8, 0x00]));
        seeds.Add((".html", utf8.GetBytes("<meta charset=\"big5\"><title>通知</title><p>+cmd|' 第一条 申报集群应当满足：产值不低于10亿元；占比不低于70%；企业不少于5家。")));
        return seeds;
    }

    private static byte[] Mutate(Random rng, List<(string Ext, byte[] Bytes)> seeds, byte[] seed)
    {
        var b = new List<byte>(seed);
        var steps = rng.Next(1, 6);
        for (var s = 0; s < steps; s++)
        {
            var at = b.Count == 0 ? 0 : rng.Next(b.Count);
            switch (rng.Next(10))
            {
                case 0: if (b.Count > 0) b[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1: if (b.Count > 0) b[at] = (byte)rng.Next(256); break;
                case 2: b.RemoveRange(at, Math.Min(b.Count - at, rng.Next(1, 2000))); break;
                case 3: b.InsertRange(at, Enumerable.Range(0, rng.Next(1, 64)).Select(_ => (byte)rng.Next(256))); break;
                case 4: if (b.Count > 0) b.InsertRange(at, b.GetRange(at, Math.Min(b.Count - at, rng.Next(1, 4000)))); break;
                case 5: b.RemoveRange(at, b.Count - at); break;
                case 6:
                    var other = seeds[rng.Next(seeds.Count)].Bytes;
                    var from = rng.Next(other.Length);
                    b.InsertRange(at, other[from..Math.Min(other.Length, from + rng.Next(1, 3000))]);
                    break;
                case 7: b.InsertRange(at, Encoding.UTF8.GetBytes(rng.Next(3) switch
                {
                    0 => "不低于九千九百九十九万亿亿亿亿亿元",
                    1 => "<div><div><div><table><tr><td><a href='javascript:x'>",
                    _ => "\u0000\u0001\u001b[31m\ufeff\u200b",
                })); break;
                case 8:
                    // Re-encode as another charset.
                    var text = Encoding.UTF8.GetString([.. b]);
                    var enc = Encoding.GetEncoding(rng.Next(4) switch { 0 => "gb18030", 1 => "big5", 2 => "utf-16", _ => "utf-16BE" });
                    b = [.. enc.GetBytes(text)];
                    break;
                default: if (b.Count > 0) b.InsertRange(at, new byte[rng.Next(1, 16)]); break;
            }
        }
        return [.. b];
    }

    /// <summary>What <c>cpm ingest FOLDER</c> reads: every document file, or why it could not be read.</summary>
    private static (List<RawDocument> Raw, List<InputFailure> Failed) Read(string folder)
    {
        var raw = new List<RawDocument>();
        var failed = new List<InputFailure>();
        foreach (var input in FileSource.Enumerate([folder]).Where(f => !f.IsSkipped))
        {
            var read = FileSource.Read(input.Path, 64L * 1024 * 1024);
            if (read.Document is { } doc) raw.Add(doc with { Source = doc.Source.Replace(Path.DirectorySeparatorChar, '/') });
            else failed.Add(new InputFailure(input.Path, read.Failure!.Message));
        }
        return (raw, failed);
    }

    [Fact]
    public void MutatedAndHostileInputsNeverThrowAndNeverCostTheGoodFilesOfTheirBatch()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rng = new Random(Seed);
        var seeds = Seeds();
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("fuzz.db"));
        var ingestor = new Ingestor(new DocumentPipeline(new()), store);
        var clock = Stopwatch.StartNew();
        int failed = 0, stored = 0, batches = 0;
        var codes = new Dictionary<string, int>();
        var stageFailures = new HashSet<string>(StringComparer.Ordinal);
        const int batchSize = 100;
        for (var done = 0; done < Cases; done += batchSize, batches++)
        {
            var folder = Directory.CreateDirectory(dir.File($"batch{batches}")).FullName;
            var goods = new List<string>();
            for (var i = 0; i < Math.Min(batchSize, Cases - done); i++)
            {
                var (ext, seed) = seeds[rng.Next(seeds.Count)];
                // PDFs cost a pdftotext process each: a few per batch.
                if (ext == ".pdf" && rng.Next(6) != 0) (ext, seed) = seeds[0];
                File.WriteAllBytes(Path.Combine(folder, $"case{i:000}{ext}"), Mutate(rng, seeds, seed));
                if (i % 10 == 0)
                {
                    var good = Path.Combine(folder, $"good{i:000}.txt");
                    File.WriteAllText(good, string.Format(Good, done + i + 1));
                    goods.Add(good.Replace(Path.DirectorySeparatorChar, '/'));
                }
            }
            var (raw, unreadable) = Read(folder);
            var (results, docs) = ingestor.Ingest(raw, unreadable);

            Assert.Equal(raw.Count + unreadable.Count, results.Count);
            foreach (var r in results.Where(r => r.Status == IngestResult.Failed))
            {
                failed++;
                Assert.False(string.IsNullOrWhiteSpace(r.Error), r.Source);
                Assert.DoesNotContain('\n', r.Error!);
                Assert.DoesNotContain("   at ", r.Error!);
                Assert.False(string.IsNullOrEmpty(r.Source));
            }
            foreach (var good in goods)
                Assert.Contains(results, r => r.Source == good && r.Status is IngestResult.New or IngestResult.Unchanged);
            foreach (var d in docs)
            {
                Assert.True(d.Text.Length <= new PipelineOptions().MaxTextChars);
                foreach (var e in d.Diagnostics.Where(x => x.IsError))
                {
                    codes[e.Code.ToString()] = codes.GetValueOrDefault(e.Code.ToString()) + 1;
                    if (e.Code == DiagnosticCode.StageFailed) stageFailures.Add(e.Message.Length > 90 ? e.Message[..90] : e.Message);
                }
            }
            stored += results.Count(r => r.Status == IngestResult.New);
            Directory.Delete(folder, recursive: true);
        }
        output.WriteLine($"fuzz: {Cases} cases (seed {Seed}) in {batches} batches, {clock.Elapsed.TotalSeconds:0.0} s; " +
                         $"{stored} stored new, {failed} failed: {string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        // Exceptions inside stages are contained; they are still bugs of those stages, listed for their owners.
        foreach (var f in stageFailures.Order(StringComparer.Ordinal).Take(10)) output.WriteLine("  " + f);
    }
}
