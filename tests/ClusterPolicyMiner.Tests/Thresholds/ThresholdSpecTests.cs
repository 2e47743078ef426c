using System.Globalization;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;
using ClusterPolicyMiner.Thresholds;

namespace ClusterPolicyMiner.Tests.Thresholds;

/// <summary>Runs threshold-spec.md: one clause and its expected reading per row.</summary>
public sealed class ThresholdSpecTests
{
    private static readonly Lazy<List<string[]>> Rows = new(() => File.ReadAllLines(
            Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Thresholds", "threshold-spec.md"))
        .Where(l => l.StartsWith("| ") && !l.StartsWith("| clause") && !l.StartsWith("| ---"))
        .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
        .ToList());

    public static TheoryData<string, string> All
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var r in Rows.Value)
                data.Add(r[0], r[1] == "none" ? "none" : string.Join(' ', r[1..6]));
            return data;
        }
    }

    [Fact]
    public void TheSpecTableHasAtLeast150RowsWithTraditionalAndFullWidthAmongThem()
    {
        Assert.True(Rows.Value.Count >= 150, $"{Rows.Value.Count} rows");
        Assert.Contains(Rows.Value, r => r[0].Contains('％') || r[0].Any(c => c is >= '０' and <= '９'));
        Assert.Contains(Rows.Value, r => r[0] != Normalizer.Normalize(r[0]).Text && r[0].Any(c => "產業億於為".Contains(c)));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void EachClauseIsReadAsTheTableSays(string clause, string expected)
    {
        var text = Normalizer.Normalize(clause).Text;
        var result = ThresholdExtractor.Extract(text, []);
        var all = result.Thresholds.Concat(result.Procedural).ToList();
        if (expected == "none")
        {
            Assert.Empty(all);
            return;
        }
        var t = Assert.Single(all);
        var value = t.TextValue ?? t.Value?.ToString(CultureInfo.InvariantCulture) ?? "null";
        var quals = t.Qualifiers.Count == 0 ? "none" : string.Join(',', t.Qualifiers);
        Assert.Equal(expected, $"{t.Metric} {t.Op} {value} {t.Unit} {quals}");
    }
}
