using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Compare.Eligibility;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;
using EligibilityVerdict = ClusterPolicyMiner.Compare.Eligibility.Eligibility;

namespace ClusterPolicyMiner.Tests.Compare;

/// <summary>Issue 5's done-when on the real seeds, through the whole pipeline (not hand-made models).</summary>
public sealed class SeedComparisonTests
{
    private static readonly Lazy<IReadOnlyList<PolicyDocument>> Seeds = new(() =>
    {
        string[] files =
        [
            "qinghai-2023-implementing-rules.txt", "shaanxi-2023-implementing-measures.txt",
            "beijing-2023-measures-draft.txt", "shanghai-2024-application-notice.zh-hant.txt",
        ];
        var raw = files.Select(f => Path.Combine(TestPaths.Corpus, f)).Select(p => new RawDocument(p, File.ReadAllBytes(p))).ToList();
        return new DocumentPipeline(new()).ProcessBatch(raw);
    });

    private static PolicyDocument Of(string jurisdiction) => Seeds.Value.Single(d => d.Metadata.Jurisdiction == jurisdiction);

    private static MatrixCell Cell(ComparisonMatrix m, string metric, string jurisdiction) =>
        m.Rows.Single(r => r.Metric == metric).Cells.Single(c => c.DocumentId == Of(jurisdiction).Id);

    [Theory]
    [InlineData("青海省", ">=", 2000000000)]
    [InlineData("陕西省", ">=", 3000000000)]
    [InlineData("北京市", ">=", 4000000000)]
    [InlineData("上海市", ">=", 3000000000)]
    public void TheMatrixShowsEachProvincesOutputFloor(string jurisdiction, string op, long value)
    {
        var t = Cell(ComparisonMatrix.Build(Seeds.Value, new MatrixOptions { IncludeDrafts = true }), "output_3y_each", jurisdiction).Threshold!;
        Assert.Equal((op, (decimal)value, "CNY"), (t.Op, t.Value!.Value, t.Unit));
        Assert.Contains("each-of-last-3-years", t.Qualifiers);
    }

    [Theory]
    [InlineData("青海省", ">=", 50)]
    [InlineData("陕西省", ">", 70)]
    [InlineData("北京市", ">", 70)]
    [InlineData("上海市", ">=", 50)]
    public void TheMatrixShowsEachProvincesSmeShare(string jurisdiction, string op, int value)
    {
        var t = Cell(ComparisonMatrix.Build(Seeds.Value, new MatrixOptions { IncludeDrafts = true }), "sme_output_share", jurisdiction).Threshold!;
        Assert.Equal((op, (decimal)value, "%"), (t.Op, t.Value!.Value, t.Unit));
    }

    [Fact]
    public void AgainstQinghaiAsBaselineTheOtherProvincesAreJudgedTakingTheComparatorIntoAccount()
    {
        var m = ComparisonMatrix.Build(Seeds.Value, new MatrixOptions { IncludeDrafts = true, BaselineDocumentId = Of("青海省").Id });
        Assert.Equal(BaselineKind.Chosen, m.BaselineKind);
        // ≥ 30亿 and ≥ 40亿 against ≥ 20亿: stricter; > 70% against ≥ 50%: stricter; ≥ 50% against ≥ 50%: equal.
        Assert.Equal(Verdict.Stricter, Cell(m, "output_3y_each", "陕西省").Verdict);
        Assert.Equal(Verdict.Stricter, Cell(m, "output_3y_each", "北京市").Verdict);
        Assert.Equal(Verdict.Stricter, Cell(m, "sme_output_share", "陕西省").Verdict);
        Assert.Equal(Verdict.Equal, Cell(m, "sme_output_share", "上海市").Verdict);
        Assert.Equal(Verdict.Baseline, Cell(m, "sme_output_share", "青海省").Verdict);
    }

    [Fact]
    public void AgainstBeijingAsBaselineShanghaisOutputFloorIsLooserAndShaanxisShareEqual()
    {
        var m = ComparisonMatrix.Build(Seeds.Value, new MatrixOptions { IncludeDrafts = true, BaselineDocumentId = Of("北京市").Id });
        Assert.Equal(Verdict.Looser, Cell(m, "output_3y_each", "上海市").Verdict);
        Assert.Equal(Verdict.Looser, Cell(m, "output_3y_each", "青海省").Verdict);
        Assert.Equal(Verdict.Equal, Cell(m, "sme_output_share", "陕西省").Verdict);
        Assert.Equal(Verdict.Looser, Cell(m, "sme_output_share", "上海市").Verdict);
    }

    private const string MeetsQinghaiOnly = """
        name: 达标青海不达标陕西
        output:
          2021: 24亿
          2022: 26亿
          2023: 28亿
        figures:
          area_km2: 80
          sme_output_share: 60%
          leading_industry_share: 60%
          output_growth_annual: 8
          champion_or_little_giant_count: 0
          specialized_sme_count: 7
          rd_growth_annual: 6
          patent_growth_annual: 6
          patents_per_10k: 6
          iip_adoption_rate: 9
        """;

    [Fact]
    public void AProfileThatMeetsQinghaisCriteriaButNotShaanxisGetsBothVerdictsWithReasons()
    {
        var report = EligibilityChecker.Check(ClusterProfile.Parse(MeetsQinghaiOnly), Seeds.Value, new DateOnly(2024, 1, 15));
        var qinghai = report.Documents.Single(d => d.Jurisdiction == "青海省");
        var shaanxi = report.Documents.Single(d => d.Jurisdiction == "陕西省");
        Assert.Equal(EligibilityVerdict.Eligible, qinghai.Eligibility);
        Assert.Equal(EligibilityVerdict.NotEligible, shaanxi.Eligibility);
        var output = shaanxi.Rules.Single(r => r.Metric == "output_3y_each");
        Assert.Equal(RuleOutcome.Fail, output.Outcome);
        Assert.Contains("24亿元", output.Reason);
        Assert.Contains("30亿元", output.Reason);
        Assert.Equal(RuleOutcome.Fail, shaanxi.Rules.Single(r => r.Metric == "sme_output_share").Outcome);
        // 7 firms: short of Shaanxi's 8 and no champion, so neither member of the any_of group holds.
        Assert.Equal(RuleOutcome.Fail, shaanxi.Rules.Single(r => r.Metric == "specialized_sme_count").Outcome);
        Assert.Equal(RuleOutcome.Pass, qinghai.Rules.Single(r => r.Metric == "specialized_sme_count").Outcome);
    }

    [Fact]
    public void AProfileMissingAFigureIsToldWhichOne()
    {
        var yaml = MeetsQinghaiOnly.Replace("  iip_adoption_rate: 9", "");
        var qinghai = EligibilityChecker.Check(ClusterProfile.Parse(yaml), Seeds.Value, new DateOnly(2024, 1, 15))
            .Documents.Single(d => d.Jurisdiction == "青海省");
        Assert.Contains("iip_adoption_rate", qinghai.MissingFigures);
        Assert.Equal(RuleOutcome.Missing, qinghai.Rules.Single(r => r.Metric == "iip_adoption_rate").Outcome);
        Assert.NotEqual(EligibilityVerdict.Eligible, qinghai.Eligibility);
    }
}
