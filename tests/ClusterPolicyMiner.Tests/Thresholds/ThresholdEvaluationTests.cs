using System.Globalization;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;
using ClusterPolicyMiner.Thresholds;
using Xunit.Abstractions;

namespace ClusterPolicyMiner.Tests.Thresholds;

/// <summary>Precision and recall of (metric, op, value) over evaluation-set.md, criteria sentences written as
/// provinces phrase them (a set apart from the spec table). Before the reading was made general the set scored
/// precision 0.772 and recall 0.595; the floors sit just under what it scores now (0.986 and 0.986), so that a
/// regression fails. The output prints the figures and every miss.</summary>
public sealed class ThresholdEvaluationTests(ITestOutputHelper output)
{
    private const double PrecisionFloor = 0.95, RecallFloor = 0.95;

    private static List<(string Sentence, List<string> Expected)> Set() => [.. File.ReadAllLines(
            Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Thresholds", "evaluation-set.md"))
        .Where(l => l.StartsWith("| ") && !l.StartsWith("| sentence") && !l.StartsWith("| ---"))
        .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
        .Select(c => (c[0], c[1] == "-" ? new List<string>() : c[1].Split(" ; ").ToList()))];

    [Fact]
    public void PrecisionAndRecallOfMetricOpAndValueStayAboveTheirFloors()
    {
        var set = Set();
        Assert.True(set.Count >= 60, $"{set.Count} sentences");
        int truePositives = 0, found = 0, expected = 0;
        foreach (var (sentence, want) in set)
        {
            var result = ThresholdExtractor.Extract(Normalizer.Normalize(sentence).Text, []);
            var got = result.Thresholds.Concat(result.Procedural)
                .Select(t => $"{t.Metric} {t.Op} {t.TextValue ?? t.Value?.ToString(CultureInfo.InvariantCulture)}").ToList();
            var missing = new List<string>(want);
            var hits = 0;
            foreach (var g in got)
                if (missing.Remove(g)) hits++;
            truePositives += hits;
            found += got.Count;
            expected += want.Count;
            if (hits != got.Count || missing.Count > 0)
                output.WriteLine($"{sentence}\n  expected [{string.Join("; ", want)}]\n  got      [{string.Join("; ", got)}]");
        }
        var precision = found == 0 ? 1 : (double)truePositives / found;
        var recall = expected == 0 ? 1 : (double)truePositives / expected;
        output.WriteLine($"sentences {set.Count}, expected {expected}, found {found}, correct {truePositives}: " +
                         $"precision {precision:F3}, recall {recall:F3}");
        Assert.True(precision >= PrecisionFloor, $"precision {precision:F3} < {PrecisionFloor}");
        Assert.True(recall >= RecallFloor, $"recall {recall:F3} < {RecallFloor}");
    }
}
