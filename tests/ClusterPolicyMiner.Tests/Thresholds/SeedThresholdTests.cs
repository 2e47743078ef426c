using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;
using ClusterPolicyMiner.Thresholds;

namespace ClusterPolicyMiner.Tests.Thresholds;

public sealed class SeedThresholdTests
{
    private static readonly string Excerpts =
        Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Thresholds", "SeedExcerpts");

    public static TheoryData<string, string> Excerpt => new()
    {
        { "000-qinghai.txt", nameof(SeedThresholds.Qinghai) },
        { "001-shaanxi.txt", nameof(SeedThresholds.Shaanxi) },
        { "002-beijing.txt", nameof(SeedThresholds.Beijing) },
        { "003-shanghai.txt", nameof(SeedThresholds.Shanghai) },
        { "004-shanxi.txt", nameof(SeedThresholds.Shanxi) },
    };

    private static SeedThresholds.Seed SeedNamed(string name) =>
        (SeedThresholds.Seed)typeof(SeedThresholds).GetField(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Excerpt))]
    public void EverySeedCriterionAndProceduralFactIsReadAndNothingElse(string file, string seed)
    {
        var expected = SeedNamed(seed);
        var result = ThresholdExtractor.Extract(File.ReadAllText(Path.Combine(Excerpts, file)), []);

        Assert.Equal(expected.Criteria, result.Thresholds.Select(SeedThresholds.Row));
        Assert.Equal(expected.Procedural, result.Procedural.Select(SeedThresholds.Row));
    }

    [Theory]
    [MemberData(nameof(Excerpt))]
    public void EveryQuoteIsTheTextAtItsSpanAndHoldsTheNumber(string file, string seed)
    {
        _ = seed;
        var text = File.ReadAllText(Path.Combine(Excerpts, file));
        var result = ThresholdExtractor.Extract(text, []);

        foreach (var t in result.Thresholds.Concat(result.Procedural))
        {
            Assert.Equal(t.Source.Quote, text[t.Source.Start..t.Source.End]);
            // A deadline's verb (报送) may sit in the next clause of the sentence, a label in an earlier one.
            var labelArea = text[Math.Max(0, t.Source.Start - 40)..Math.Min(text.Length, t.Source.End + (t.Unit == "date" ? 40 : 0))];
            Assert.Contains(t.Label, labelArea);
            Assert.Contains(t.Phrase, t.Source.Quote);
            Assert.Equal("", t.Source.Path);
        }
    }

    [Fact]
    public void ShanxisNoticeHasNoCriteriaButARecommendationQuotaAndNoCopyCounts()
    {
        var text = File.ReadAllText(Path.Combine(Excerpts, "004-shanxi.txt"));
        var result = ThresholdExtractor.Extract(text, []);

        Assert.Empty(result.Thresholds);
        var quota = Assert.Single(result.Procedural, t => t.Metric == "recommendation_quota");
        Assert.Equal(("<=", 3m, "不超过"), (quota.Op, quota.Value!.Value, quota.Phrase));
        Assert.DoesNotContain(result.Procedural, t => t.Source.Quote.Contains("一式"));
    }

    /// <summary>Through the whole pipeline on the raw seeds. This passes for 青海 and 陕西 today; 北京 needs the
    /// clean stage (its body is repeated), 上海 and 山西 need the normalise stage (traditional characters and
    /// pinyin marks). They fail until those stages land on main.</summary>
    [SharedFact]
    public void ThePipelineReadsTheSeedThresholdsFromTheRawNotices()
    {
        var pipeline = new DocumentPipeline(new PipelineOptions());
        var failures = new List<string>();
        foreach (var seed in SeedThresholds.All)
        {
            var path = Path.Combine(TestPaths.Shared!, "seeds", seed.File);
            var doc = pipeline.Process(new RawDocument(Path.Combine("seeds", seed.File), File.ReadAllBytes(path)));
            var criteria = doc.Thresholds.Select(SeedThresholds.Row).ToArray();
            var procedural = doc.Procedural.Select(SeedThresholds.Row).ToArray();
            if (!criteria.SequenceEqual(seed.Criteria) || !procedural.SequenceEqual(seed.Procedural))
                failures.Add($"{seed.File}: criteria [{string.Join("; ", criteria)}] procedural [{string.Join("; ", procedural)}]");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
