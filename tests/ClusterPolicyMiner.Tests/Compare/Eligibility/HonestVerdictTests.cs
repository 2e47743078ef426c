using ClusterPolicyMiner.Compare.Eligibility;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;
using Verdict = ClusterPolicyMiner.Compare.Eligibility.Eligibility;

namespace ClusterPolicyMiner.Tests.Compare.Eligibility;

/// <summary>Verdicts that never guess: no criteria is not eligible, a missing figure is incomplete, and a
/// profile that cannot be true is refused.</summary>
public sealed class HonestVerdictTests
{
    private static readonly DateOnly On = new(2025, 5, 1);
    private static readonly Lazy<PolicyDocument> Shanxi = new(() => CorpusPipeline.Process("shanxi-2025-application-notice.zh-hant.txt"));

    [Fact]
    public void AnEmptyProfileIsEligibleNowhere()
    {
        var report = EligibilityChecker.Check(ClusterProfile.Parse(""), [.. All, Shanxi.Value], On);

        Assert.False(report.EligibleSomewhere);
        Assert.All(report.Documents, d => Assert.NotEqual(Verdict.Eligible, d.Eligibility));
        var shanghai = report.Documents.Single(d => d.Jurisdiction == "上海市");
        Assert.Equal(Verdict.Incomplete, shanghai.Eligibility);
        Assert.Contains("output_3y_each", shanghai.MissingFigures);
        Assert.StartsWith("figures to supply: ", shanghai.Why);
    }

    [Fact]
    public void ShanxisNoticeHasOnlyProceduralRulesAndNamesTheMeasureThatHoldsTheCriteria()
    {
        var profile = ClusterProfile.Parse("jurisdiction: 山西\nfigures:\n  sme_output_share: 80\n");
        var report = EligibilityChecker.Check(profile, [.. All, Shanxi.Value], On);

        var shanxi = Assert.Single(report.Documents);
        Assert.Equal("山西省", shanxi.Jurisdiction);
        Assert.Equal(Verdict.NoCriteria, shanxi.Eligibility);
        Assert.Empty(shanxi.Rules);
        Assert.Contains("only procedural rules", shanxi.Why);
        Assert.Contains("晋企发〔2023〕35号", shanxi.Why);
        Assert.Equal(["晋企发〔2023〕35号"], shanxi.CriteriaNotInCorpus.Select(c => c.DocNumber));
        // The national measures it also cites are the national standard, not Shanxi's own criteria.
        Assert.DoesNotContain("工信部企业〔2022〕119号", shanxi.Why);
    }

    [Fact]
    public void BeforeAnyEditionStartsAJurisdictionHasNoCriteriaAndSaysWhen()
    {
        var report = EligibilityChecker.Check(ClusterProfile.Parse("jurisdiction: 青海省"), All, new DateOnly(2020, 1, 1));
        var qinghai = Assert.Single(report.Documents);
        Assert.Equal(Verdict.NoCriteria, qinghai.Eligibility);
        Assert.Contains("no document is in force on 2020-01-01", qinghai.Why);
    }

    [Fact]
    public void AFailingMemberOfAnAnyOfGroupDoesNotDecideWhileItsAlternativeIsUnknown()
    {
        // No champion, the firm count not given: the group may still hold, so the verdict is incomplete.
        var yaml = """
            output: {2021: 30亿, 2022: 31亿, 2023: 32亿}
            figures: {area_km2: 50, sme_output_share: 60, leading_industry_share: 60, output_growth_annual: 9,
                      champion_or_little_giant_count: 0, rd_growth_annual: 9, patent_growth_annual: 9,
                      patents_per_10k: 9, iip_adoption_rate: 9}
            """;
        var qinghai = EligibilityChecker.Check(ClusterProfile.Parse(yaml), All, new DateOnly(2024, 1, 1))
            .Documents.Single(d => d.Jurisdiction == "青海省");
        Assert.Equal(Verdict.Incomplete, qinghai.Eligibility);
        Assert.Equal(["specialized_sme_count"], qinghai.MissingFigures);
    }

    [Theory]
    [InlineData("figures:\n  sme_output_share: -5\n", "line 2: figures sme_output_share: -5 is negative")]
    [InlineData("figures:\n  sme_output_share: 120%\n", "line 2: figures sme_output_share: 120% is over 100%, which a share cannot be")]
    [InlineData("figures:\n  sme_outpt_share: 60\n", "line 2: figures: unknown metric 'sme_outpt_share'; did you mean 'sme_output_share'?")]
    [InlineData("figures:\n  champion_count: 1\n", "line 2: figures: unknown metric 'champion_count'; did you mean")]
    [InlineData("figures:\n  cluster_validity_years: 3\n", "line 2: figures: 'cluster_validity_years' is a procedural fact")]
    [InlineData("jurisdiction: 火星\n", "line 1: jurisdiction '火星' is not a province-level name")]
    [InlineData("output:\n  2023: -3亿\n", "line 2: output 2023: -3亿 is negative")]
    [InlineData("name: [unclosed\n", "line 2, column 1: not valid YAML")]
    [InlineData("figures:\n  a: 1\n  b\n", "line 3, column")]
    public void AnImpossibleOrUnknownProfileValueIsAnErrorOnOneLine(string yaml, string expected)
    {
        var d = Assert.Single(ClusterProfile.Parse(yaml).Diagnostics);
        Assert.StartsWith(expected, d.Message);
        Assert.DoesNotContain('\n', d.Message);
    }

    [Theory]
    [InlineData("青海", "青海省")]
    [InlineData("广东", "广东省")]
    [InlineData("内蒙古", "内蒙古自治区")]
    [InlineData("北京市", "北京市")]
    [InlineData("全国", "全国")]
    public void ShortJurisdictionFormsAreAccepted(string written, string full)
    {
        var p = ClusterProfile.Parse($"jurisdiction: {written}\n");
        Assert.Empty(p.Diagnostics);
        Assert.Equal(full, p.Jurisdiction);
    }

    [Fact]
    public void AShareGivenAsAFractionIsWarnedAndKept()
    {
        var p = ClusterProfile.Parse("figures:\n  iip_adoption_rate: 0.12\n  output_growth_annual: 150\n");
        Assert.Empty(p.Diagnostics);
        var w = Assert.Single(p.Warnings);
        Assert.Contains("if it is a fraction, write 12", w.Message);
        Assert.Equal(0.12m, p.Figures["iip_adoption_rate"]);
        // A growth rate over 100% can be true.
        Assert.Equal(150m, p.Figures["output_growth_annual"]);
    }

    [Fact]
    public void ARuleLimitedToAClassOfApplicantIsShownButDoesNotDecide()
    {
        var yaml = """
            output: {2021: 22亿, 2022: 24亿, 2023: 26亿}
            figures: {area_km2: 85, sme_output_share: 60, leading_industry_share: 55, champion_or_little_giant_count: 1,
                      specialized_sme_count: 3, patent_growth_annual: 12, patents_per_10k: 15}
            """;
        var general = Qinghai.Thresholds.Single(t => t.Metric == "output_3y_each");
        var conditional = general with { Value = 5_000_000_000m, Conditions = ["革命老区"] };
        var doc = Qinghai with { Thresholds = [.. Qinghai.Thresholds, conditional] };

        var qinghai = EligibilityChecker.Check(ClusterProfile.Parse(yaml), [doc], new DateOnly(2024, 1, 1)).Documents.Single();

        Assert.Equal(Verdict.Eligible, qinghai.Eligibility);
        var limited = qinghai.Rules.Single(r => r.Conditional);
        Assert.Equal(RuleOutcome.Fail, limited.Outcome);
        Assert.Contains("only for 革命老区: does not decide the verdict", limited.Reason);
    }
}
