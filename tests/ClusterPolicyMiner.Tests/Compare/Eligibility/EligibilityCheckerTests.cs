using ClusterPolicyMiner.Compare.Eligibility;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare.Eligibility;

public sealed class EligibilityCheckerTests
{
    private static readonly DateOnly On = new(2024, 6, 1);

    // Meets Qinghai (20亿, 50%以上, 高于50%, 高于5%, one 小巨人) but not Shaanxi (30亿, 高于70%, 高于70%, 高于8%).
    private const string MidSizeCluster = """
        name: 示例集群
        output:
          2021: 22亿
          2022: 24亿元
          2023: 2600000000
        figures:
          area_km2: 85
          sme_output_share: 60%
          leading_industry_share: 55
          champion_or_little_giant_count: 1
          specialized_sme_count: 3
          patent_growth_annual: 12
          patents_per_10k: 15
        """;

    private static DocumentCheck For(EligibilityReport r, string jurisdiction) => r.Documents.Single(d => d.Jurisdiction == jurisdiction);

    [Fact]
    public void AProfileThatMeetsQinghaiButNotShaanxiGetsBothVerdictsWithReasons()
    {
        var report = EligibilityChecker.Check(ClusterProfile.Parse(MidSizeCluster), All, On);

        var qinghai = For(report, "青海省");
        Assert.Equal(ClusterPolicyMiner.Compare.Eligibility.Eligibility.Eligible, qinghai.Eligibility);
        var output = qinghai.Rules.Single(r => r.Metric == "output_3y_each");
        Assert.Equal(RuleOutcome.Pass, output.Outcome);
        Assert.Equal("output_3y_each (近三年产值(每年均)): 22亿元 (lowest of 2021–2023, in 2021) meets 20亿元以上 [第一条: “近三年产值均在20亿元以上”]", output.Reason);
        Assert.Equal("第一条", output.Source!.Path);
        // The any_of group passes through the 小巨人 count; the 6-firm alternative is covered, not failed.
        Assert.Equal(RuleOutcome.CoveredByAlternative, qinghai.Rules.Single(r => r.Metric == "specialized_sme_count").Outcome);
        // Growth 22亿 → 26亿 over two years is 8.71% a year, derived from output.
        Assert.Equal(8.71m, qinghai.Rules.Single(r => r.Metric == "output_growth_annual").Figure);

        var shaanxi = For(report, "陕西省");
        Assert.Equal(ClusterPolicyMiner.Compare.Eligibility.Eligibility.NotEligible, shaanxi.Eligibility);
        var failed = shaanxi.Rules.Where(r => r.Outcome == RuleOutcome.Fail).Select(r => r.Metric).ToList();
        Assert.Equal(["output_3y_each", "sme_output_share", "leading_industry_share"], failed);
        Assert.StartsWith("sme_output_share (中小企业产值占集群总产值比例): 60% does not meet 高于70% [",
            shaanxi.Rules.Single(r => r.Metric == "sme_output_share").Reason);
        Assert.All(shaanxi.Rules, r => Assert.Contains($"[{r.Source!.Path}: “{r.Source.Quote}”]", r.Reason));
    }

    [Fact]
    public void OnlyEditionsInForceAreCheckedSoTheBeijingDraftGivesNoCriteria()
    {
        var report = EligibilityChecker.Check(ClusterProfile.Parse(MidSizeCluster), All, On);
        Assert.Equal(["上海市", "北京市", "陕西省", "青海省"], report.Documents.Select(d => d.Jurisdiction).Order(StringComparer.Ordinal));
        var beijing = For(report, "北京市");
        Assert.Equal(ClusterPolicyMiner.Compare.Eligibility.Eligibility.NoCriteria, beijing.Eligibility);
        Assert.Empty(beijing.Rules);
        Assert.StartsWith("only drafts", beijing.Why);
    }

    [Fact]
    public void AProfileMissingAFigureIsToldWhichAndTheVerdictIsIncomplete()
    {
        var profile = ClusterProfile.Parse("""
            output:
              2022: 30亿
              2023: 33亿
            figures:
              area_km2: 50
              sme_output_share: 80
              leading_industry_share: 60
              champion_or_little_giant_count: 2
            """);

        var qinghai = For(EligibilityChecker.Check(profile, All, On), "青海省");

        Assert.Equal(ClusterPolicyMiner.Compare.Eligibility.Eligibility.Incomplete, qinghai.Eligibility);
        Assert.Equal(["output_3y_each"], qinghai.MissingFigures);
        Assert.StartsWith("missing figure output_3y_each (近三年产值(每年均)): output for the last three years is needed, 2 given; the rule is 20亿元以上 [第一条:",
            qinghai.Rules.Single(r => r.Metric == "output_3y_each").Reason);
        Assert.Equal("figures to supply: output_3y_each", qinghai.Why);
    }

    [Fact]
    public void ASoftRuleNotMetIsAWarningAndDoesNotMakeTheClusterIneligible()
    {
        var yaml = MidSizeCluster.Replace("area_km2: 85", "area_km2: 140");
        var qinghai = For(EligibilityChecker.Check(ClusterProfile.Parse(yaml), All, On), "青海省");

        var area = qinghai.Rules.Single(r => r.Metric == "area_km2");
        Assert.Equal(RuleOutcome.Warning, area.Outcome);
        Assert.Contains("(soft requirement: warning) [", area.Reason);
        Assert.Equal(ClusterPolicyMiner.Compare.Eligibility.Eligibility.Eligible, qinghai.Eligibility);
    }

    [Fact]
    public void WhenNoMemberOfAnAnyOfGroupPassesTheGroupFails()
    {
        var yaml = MidSizeCluster.Replace("champion_or_little_giant_count: 1", "champion_or_little_giant_count: 0");
        var qinghai = For(EligibilityChecker.Check(ClusterProfile.Parse(yaml), All, On), "青海省");

        Assert.Equal(ClusterPolicyMiner.Compare.Eligibility.Eligibility.NotEligible, qinghai.Eligibility);
        Assert.All(qinghai.Rules.Where(r => r.Group == "g1"), r => Assert.Equal(RuleOutcome.Fail, r.Outcome));
    }

    [Fact]
    public void BadProfileValuesBecomeDiagnosticsNotExceptions()
    {
        var profile = ClusterProfile.Parse("output:\n  twenty: 3亿\n  2023: lots\nfigures:\n  sme_output_share: 60%\ncolour: blue\n");


        Assert.Equal(60m, profile.Figures["sme_output_share"]);
        Assert.Empty(profile.Output);
        Assert.Equal(3, profile.Diagnostics.Count);
        Assert.Contains(profile.Diagnostics, d => d.Message.Contains("'twenty' is not a year"));
        Assert.Single(ClusterProfile.Parse("output: [unclosed").Diagnostics);
    }

    [Fact]
    public void TheExampleProfileInTheCorpusParsesCleanly()
    {
        var yaml = File.ReadAllText(Path.Combine(Support.TestPaths.Corpus, "profiles", "example-cluster.yaml"));
        var profile = ClusterProfile.Parse(yaml);
        Assert.Empty(profile.Diagnostics);
        Assert.Equal(3, profile.Output.Count);
    }
}
