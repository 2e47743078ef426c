using System.Text.Json;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Compare.Eligibility;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using Verdict = ClusterPolicyMiner.Compare.Verdict;
using EligibilityVerdict = ClusterPolicyMiner.Compare.Eligibility.Eligibility;

namespace ClusterPolicyMiner.Tests.Compare;

/// <summary>Relative rules (高于全省平均水平2个百分点), conditional rules (中西部地区…), exclusions (不足5%的不予认定)
/// and two-sided ranges, read by the whole pipeline from notices written for these tests, as they reach the
/// rule files, the eligibility check and the comparison matrix.</summary>
public sealed class RelativeConditionalRulesTests
{
    private static readonly DateOnly On = new(2025, 6, 1);

    private static PolicyDocument Notice(string province, string criteria) =>
        new DocumentPipeline(new()).Process(new RawDocument($"{province}.txt", System.Text.Encoding.UTF8.GetBytes(
            $"{province}工业和信息化厅关于开展2025年度中小企业特色产业集群认定工作的通知\n\n各市工业和信息化局：\n"
            + "　　现将有关事项通知如下。\n　　一、申报条件\n" + criteria + $"{province}工业和信息化厅\n2025年3月1日\n")));

    /// <summary>A relative floor, an absolute floor with a conditional one beside it, and a range.</summary>
    private static readonly Lazy<PolicyDocument> Gansu = new(() => Notice("甘肃省",
        "　　（一）集群占地面积原则上在10至100平方公里之间。\n"
        + "　　（二）集群近三年主导产业产值均在20亿元以上；中西部地区集群近三年主导产业产值均在10亿元以上。\n"
        + "　　（三）中小企业产值占集群总产值比例高于全省平均水平2个百分点。\n"));

    /// <summary>The exclusion 不足5%的不予认定, read as the requirement ≥ 5%.</summary>
    private static readonly Lazy<PolicyDocument> Ningxia = new(() => Notice("宁夏回族自治区",
        "　　（一）集群产值年均增速不足5%的不予认定。\n"));

    /// <summary>Only a conditional rule and a rule that is a multiple of the national average.</summary>
    private static readonly Lazy<PolicyDocument> Guizhou = new(() => Notice("贵州省",
        "　　（一）革命老区集群近三年主导产业产值均在8亿元以上。\n"
        + "　　（二）集群主导产业产值年均增速是全国平均水平的1.5倍以上。\n"));

    private static Threshold Rule(PolicyDocument d, string metric, Func<Threshold, bool>? where = null) =>
        d.Thresholds.Single(t => t.Metric == metric && (where?.Invoke(t) ?? true));

    [Fact]
    public void TheNoticesAreReadWithTheReferenceConditionsExclusionAndRangeTheTestsRelyOn()
    {
        var share = Rule(Gansu.Value, "sme_output_share");
        Assert.Equal("全省平均水平", share.Reference);
        Assert.Contains("relative", share.Qualifiers);
        Assert.Equal(["中西部地区"], Rule(Gansu.Value, "output_3y_each", t => t.Conditions.Count > 0).Conditions);
        Assert.Equal(2, Gansu.Value.Thresholds.Count(t => t.Metric == "area_km2" && t.Qualifiers.Contains("range")));
        var growth = Rule(Ningxia.Value, "output_growth_annual");
        Assert.Equal((">=", 5m), (growth.Op, growth.Value!.Value));
        Assert.Equal("不足5%的不予认定", growth.Exclusion);
    }

    [Fact]
    public void EveryRuleOfARuleFileCarriesItsConditionsReferenceExclusionWrittenUnitAndProgramme()
    {
        var files = RuleFileWriter.Write([Gansu.Value, Ningxia.Value]);
        var rules = files.Where(f => f.RelativePath.EndsWith(".json", StringComparison.Ordinal) && f.RelativePath.Contains("省/", StringComparison.Ordinal)
                                     || f.RelativePath.Contains("自治区/", StringComparison.Ordinal) && f.RelativePath.EndsWith(".json", StringComparison.Ordinal))
            .SelectMany(f => JsonDocument.Parse(f.Content).RootElement.GetProperty("rules").EnumerateArray().Select(r => r.Clone()))
            .ToList();
        Assert.NotEmpty(rules);
        foreach (var key in new[] { "conditions", "reference", "exclusion", "unitWritten", "programme" })
            Assert.All(rules, r => Assert.True(r.TryGetProperty(key, out _), key));

        var relative = rules.Single(r => r.GetProperty("metric").GetString() == "sme_output_share");
        Assert.Equal("全省平均水平", relative.GetProperty("reference").GetString());
        Assert.Contains("relative", relative.GetProperty("qualifiers").EnumerateArray().Select(q => q.GetString()));
        var conditional = rules.Single(r => r.GetProperty("metric").GetString() == "output_3y_each" && r.GetProperty("conditions").GetArrayLength() > 0);
        Assert.Equal("中西部地区", conditional.GetProperty("conditions")[0].GetString());
        Assert.Equal("亿元", conditional.GetProperty("unitWritten").GetString());
        var exclusion = rules.Single(r => r.GetProperty("metric").GetString() == "output_growth_annual");
        Assert.Equal("不足5%的不予认定", exclusion.GetProperty("exclusion").GetString());
        Assert.Equal(2, rules.Count(r => r.GetProperty("qualifiers").EnumerateArray().Any(q => q.GetString() == "range")));
        Assert.All(files.Where(f => f.RelativePath.EndsWith(".json", StringComparison.Ordinal) && !f.RelativePath.EndsWith("schema.json", StringComparison.Ordinal)),
            f => Assert.Empty(RuleFileChecks.Check(f.Content)));
    }

    [Theory]
    [InlineData("4", "NotEligible", "Fail")]
    [InlineData("6", "Eligible", "Pass")]
    [InlineData("5", "Eligible", "Pass")]
    public void AnExclusionIsCheckedAsTheRequirementItStates(string growth, string verdict, string outcome)
    {
        var profile = ClusterProfile.Parse($"jurisdiction: 宁夏\nfigures:\n  output_growth_annual: {growth}%\n");
        var check = Assert.Single(EligibilityChecker.Check(profile, [Ningxia.Value], On).Documents);

        Assert.Equal(Enum.Parse<EligibilityVerdict>(verdict), check.Eligibility);
        Assert.Equal(Enum.Parse<RuleOutcome>(outcome), Assert.Single(check.Rules).Outcome);
    }

    [Fact]
    public void ARelativeRuleIsNeverPassedOnItsMarginAndTheVerdictNamesTheReferenceToSupply()
    {
        // A share of 60% is far above the margin 2 read as if absolute: still unknown, since 全省平均水平 is not known.
        var profile = ClusterProfile.Parse(
            "jurisdiction: 甘肃\noutput: {2022: 25亿, 2023: 26亿, 2024: 27亿}\nfigures:\n  sme_output_share: 60%\n  area_km2: 50\n");
        var check = Assert.Single(EligibilityChecker.Check(profile, [Gansu.Value], On).Documents);

        var share = check.Rules.Single(r => r.Metric == "sme_output_share");
        Assert.Equal(RuleOutcome.Missing, share.Outcome);
        Assert.Equal("全省平均水平", share.Reference);
        Assert.Contains("relative to 全省平均水平", share.Reason);
        Assert.Contains("(> 2% against 全省平均水平)", share.Reason);
        Assert.Equal(EligibilityVerdict.Incomplete, check.Eligibility);
        Assert.Equal(["sme_output_share and its reference value (全省平均水平)"], check.MissingFigures);
        Assert.Contains("全省平均水平", check.Why);
    }

    [Fact]
    public void AConditionalRuleIsShownButDoesNotDecideTheVerdict()
    {
        // 15亿 fails the general 20亿 floor and meets the 中西部地区 10亿 one: the general floor decides.
        var profile = ClusterProfile.Parse("jurisdiction: 甘肃\noutput: {2022: 15亿, 2023: 15亿, 2024: 15亿}\nfigures:\n  area_km2: 50\n");
        var check = Assert.Single(EligibilityChecker.Check(profile, [Gansu.Value], On).Documents);

        var conditional = check.Rules.Single(r => r.Metric == "output_3y_each" && r.Conditional);
        Assert.Equal(RuleOutcome.Pass, conditional.Outcome);
        Assert.Contains("does not decide the verdict", conditional.Reason);
        Assert.Equal(RuleOutcome.Fail, check.Rules.Single(r => r.Metric == "output_3y_each" && !r.Conditional).Outcome);
        Assert.Equal(EligibilityVerdict.NotEligible, check.Eligibility);
    }

    [Fact]
    public void ARangeIsCheckedOnBothBounds()
    {
        var inside = ClusterProfile.Parse("jurisdiction: 甘肃\nfigures:\n  area_km2: 50\n");
        var outside = ClusterProfile.Parse("jurisdiction: 甘肃\nfigures:\n  area_km2: 150\n");
        var area = (ClusterProfile p) => EligibilityChecker.Check(p, [Gansu.Value], On).Documents[0].Rules.Where(r => r.Metric == "area_km2").ToList();

        Assert.All(area(inside), r => Assert.Equal(RuleOutcome.Pass, r.Outcome));
        // The range is 原则上 (soft): above its ceiling is a warning.
        Assert.Contains(area(outside), r => r.Outcome == RuleOutcome.Warning);
    }

    private static MatrixCell Cell(ComparisonMatrix m, string metric, PolicyDocument doc) =>
        m.Rows.Single(r => r.Metric == metric).Cells.Single(c => c.DocumentId == doc.Id);

    [Fact]
    public void AgainstTheNationalStandardARelativeRuleIsNotComparableAndTheReasonNamesItsReference()
    {
        var m = ComparisonMatrix.Build([Gansu.Value, Guizhou.Value], new MatrixOptions());

        var share = Cell(m, "sme_output_share", Gansu.Value);
        Assert.NotNull(m.Rows.Single(r => r.Metric == "sme_output_share").Baseline);
        Assert.Equal(Verdict.Incomparable, share.Verdict);
        Assert.Contains("relative to 全省平均水平", share.Reason);
        Assert.Equal("高于2%（相对全省平均水平）", share.Display);
        // 1.5 times the national average is no growth rate of 1.5%: not measured against the national 5%.
        var growth = Cell(m, "output_growth_annual", Guizhou.Value);
        Assert.Equal(("全国平均水平", "times"), (growth.Threshold!.Reference, growth.Threshold.Unit));
        Assert.Equal(Verdict.Incomparable, growth.Verdict);
        Assert.Contains("relative to 全国平均水平", growth.Reason);
        Assert.Equal("1.5倍以上（相对全国平均水平）", growth.Display);
    }

    [Fact]
    public void TheMatrixShowsTheUnconditionalValueAndMentionsTheConditionalOne()
    {
        var m = ComparisonMatrix.Build([Gansu.Value, Guizhou.Value], new MatrixOptions());

        var gansu = Cell(m, "output_3y_each", Gansu.Value);
        Assert.Empty(gansu.Threshold!.Conditions);
        Assert.Equal(2_000_000_000m, gansu.Threshold.Value);
        Assert.Contains("中西部地区", gansu.Reason);
        // Guizhou states the floor only for 革命老区: shown, and said to be limited.
        var guizhou = Cell(m, "output_3y_each", Guizhou.Value);
        Assert.Equal(["革命老区"], guizhou.Threshold!.Conditions);
        Assert.Contains("only for 革命老区", guizhou.Reason);
    }

    [Fact]
    public void ARangeIsOneCellShowingBothBoundsAndComparedOnTheBoundFacingTheBaseline()
    {
        var m = ComparisonMatrix.Build([Gansu.Value, Guizhou.Value], new MatrixOptions());

        var area = Cell(m, "area_km2", Gansu.Value);
        Assert.Equal("10平方公里至100平方公里", area.Display);
        var baseline = m.Rows.Single(r => r.Metric == "area_km2").Baseline!;
        Assert.True(Strictness.Direction(baseline.Op) < 0, "the national area rule is a ceiling");
        Assert.Equal(("<=", 100m), (area.Threshold!.Op, area.Threshold.Value!.Value));
        Assert.Contains("upper bound compared", area.Reason);
        Assert.Equal(["≥10平方公里", "≤100平方公里"], Gansu.Value.Thresholds.Where(t => t.Metric == "area_km2").Select(ThresholdText.Describe));
        Assert.NotEqual(Verdict.Incomparable, area.Verdict);
    }

    [Fact]
    public void ANewEditionThatTurnsAnAbsoluteFloorIntoARelativeOneIsNotCalledLooser()
    {
        var before = Notice("甘肃省", "　　（一）中小企业产值占集群总产值比例达到50%以上。\n");
        var change = EditionDiff.Compare(before, Gansu.Value).ThresholdChanges.Single(c => c.Metric == "sme_output_share");

        // 高于全省平均水平2个百分点 is not a floor of 2%: no order with 50%.
        Assert.Equal(Verdict.Incomparable, change.Verdict);
    }

    [Fact]
    public void TwoRulesRelativeToTheSameReferenceAreOrderedAndOtherwiseAreNot()
    {
        var higher = Notice("甘肃省", "　　（一）中小企业产值占集群总产值比例高于全省平均水平3个百分点。\n");
        var national = Notice("甘肃省", "　　（一）中小企业产值占集群总产值比例高于全国平均水平3个百分点。\n");
        var two = Rule(Gansu.Value, "sme_output_share");

        Assert.Equal(Verdict.Stricter, Strictness.Compare(Rule(higher, "sme_output_share"), two));
        Assert.Equal(Verdict.Incomparable, Strictness.Compare(Rule(national, "sme_output_share"), two));
    }

    [Fact]
    public void TheMedianBaselineLeavesOutRelativeAndConditionalRules()
    {
        var absolute = Notice("青海省", "　　（一）中小企业产值占集群总产值比例达到60%以上。\n");
        var m = ComparisonMatrix.Build([Gansu.Value, Guizhou.Value, absolute], new MatrixOptions { Baseline = BaselineChoice.Median });

        var share = m.Rows.Single(r => r.Metric == "sme_output_share").Baseline!;
        Assert.Equal(60m, share.Value);
        // Guizhou's 8亿 holds only for 革命老区: the median is of Gansu's 20亿 alone.
        var output = m.Rows.Single(r => r.Metric == "output_3y_each").Baseline!;
        Assert.Empty(output.Conditions);
        Assert.Equal(2_000_000_000m, output.Value);
    }
}
