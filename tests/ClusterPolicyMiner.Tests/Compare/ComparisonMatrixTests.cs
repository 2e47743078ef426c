using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare;

public sealed class ComparisonMatrixTests
{
    private static MatrixCell Cell(ComparisonMatrix m, string metric, PolicyDocument doc) =>
        m.Rows.Single(r => r.Metric == metric).Cells.Single(c => c.DocumentId == doc.Id);

    [Fact]
    public void TheSeedMatrixShowsEachProvincesOutputAndSmeShareAsTheNoticesStateThem()
    {
        var m = ComparisonMatrix.Build(All, new MatrixOptions { IncludeDrafts = true });

        Assert.Equal(["上海市", "北京市", "陕西省", "青海省"], m.Columns.Select(c => c.Jurisdiction).Order(StringComparer.Ordinal));
        var expected = new (PolicyDocument Doc, string Output, string Share)[]
        {
            (Qinghai, ">= 2000000000", ">= 50"), (Shaanxi, ">= 3000000000", "> 70"),
            (Beijing, ">= 4000000000", "> 70"), (Shanghai, ">= 3000000000", ">= 50"),
        };
        foreach (var (doc, output, share) in expected)
        {
            var o = Cell(m, "output_3y_each", doc).Threshold!;
            var s = Cell(m, "sme_output_share", doc).Threshold!;
            Assert.Equal(output, $"{o.Op} {o.Value}");
            Assert.Equal("CNY", o.Unit);
            Assert.Equal(share, $"{s.Op} {s.Value}");
            Assert.Equal("%", s.Unit);
        }
        Assert.Equal("20亿元以上", Cell(m, "output_3y_each", Qinghai).Display);
        Assert.Equal("高于70%", Cell(m, "sme_output_share", Beijing).Display);
    }

    [Fact]
    public void AgainstQinghaiAsBaselineHigherFloorsAndExcludedBoundsAreStricter()
    {
        var m = ComparisonMatrix.Build(All, new MatrixOptions { IncludeDrafts = true, BaselineDocumentId = Qinghai.Id });

        Assert.Equal(BaselineKind.Chosen, m.BaselineKind);
        Assert.Equal(Verdict.Baseline, Cell(m, "output_3y_each", Qinghai).Verdict);
        Assert.Equal(Verdict.Stricter, Cell(m, "output_3y_each", Shaanxi).Verdict);
        Assert.Equal(Verdict.Stricter, Cell(m, "output_3y_each", Beijing).Verdict);
        Assert.Equal(Verdict.Stricter, Cell(m, "sme_output_share", Shaanxi).Verdict);
        Assert.Equal(Verdict.Equal, Cell(m, "sme_output_share", Shanghai).Verdict);
        Assert.Equal(Verdict.Equal, Cell(m, "area_km2", Shanghai).Verdict);
        // 50%以上 (>= 50) against Qinghai's 高于50% (> 50): same number, bound included, so looser.
        Assert.Equal(Verdict.Looser, Cell(m, "leading_industry_share", Shanghai).Verdict);
    }

    [Fact]
    public void AgainstBeijingAsBaselineTheOthersAreLooserAndTheStrictComparatorCounts()
    {
        var m = ComparisonMatrix.Build(All, new MatrixOptions { IncludeDrafts = true, BaselineDocumentId = Beijing.Id });

        Assert.Equal(Verdict.Looser, Cell(m, "output_3y_each", Shaanxi).Verdict);
        Assert.Equal(Verdict.Looser, Cell(m, "output_3y_each", Qinghai).Verdict);
        Assert.Equal(Verdict.Equal, Cell(m, "sme_output_share", Shaanxi).Verdict);
        Assert.Equal(Verdict.Looser, Cell(m, "sme_output_share", Shanghai).Verdict);
        // 10%以上 against 高于10%: looser by the comparator alone.
        Assert.Equal(Verdict.Looser, Cell(m, "output_growth_annual", Shanghai).Verdict);
    }

    [Theory]
    [InlineData("<=", 80, "<=", 100, Verdict.Stricter)]
    [InlineData("<=", 120, "<=", 100, Verdict.Looser)]
    [InlineData("<", 100, "<=", 100, Verdict.Stricter)]
    [InlineData(">", 70, ">=", 70, Verdict.Stricter)]
    [InlineData(">=", 70, ">", 70, Verdict.Looser)]
    [InlineData(">=", 70, "<=", 70, Verdict.Incomparable)]
    [InlineData("~", 70, ">=", 70, Verdict.Incomparable)]
    public void ForCeilingsSmallerIsStricterAndForFloorsLargerIsStricter(string op, int value, string baseOp, int baseValue, Verdict expected)
    {
        Threshold T(string o, int v) => new("area_km2", "占地面积", o, v, "km2", "", [], null, new SourceRef("", "q", 0, 1));
        Assert.Equal(expected, Strictness.Compare(T(op, value), T(baseOp, baseValue)));
    }

    [Fact]
    public void AskedForTheMedianTheBaselineIsTheMedianRequirement()
    {
        var m = ComparisonMatrix.Build(All, new MatrixOptions { IncludeDrafts = true, Baseline = BaselineChoice.Median });

        Assert.Equal(BaselineKind.Median, m.BaselineKind);
        // Sorted loosest first: 20亿, 30亿 (上海), 30亿 (陕西), 40亿: the lower middle is 30亿.
        var output = m.Rows.Single(r => r.Metric == "output_3y_each");
        Assert.Equal(3_000_000_000m, output.Baseline!.Value);
        Assert.Equal(Verdict.Looser, Cell(m, "output_3y_each", Qinghai).Verdict);
        Assert.Equal(Verdict.Stricter, Cell(m, "output_3y_each", Beijing).Verdict);
    }

    [Fact]
    public void ANationalMeasureInTheCorpusBecomesTheBaseline()
    {
        var national = Make("national-2022", Meta("全国", "measures", "final", new DateOnly(2022, 9, 1)),
            "第一条 近三年产值均在10亿元以上，中小企业产值占集群总产值70%以上。\n",
            new Spec("output_3y_each", "近三年产值", ">=", 1_000_000_000, "CNY", "以上", "近三年产值均在10亿元以上"),
            new Spec("sme_output_share", "中小企业产值占集群总产值", ">=", 70, "%", "以上", "中小企业产值占集群总产值70%以上"));

        var m = ComparisonMatrix.Build([.. All, national], new MatrixOptions { IncludeDrafts = true });

        Assert.Equal(BaselineKind.National, m.BaselineKind);
        Assert.Equal(national.Id, m.BaselineDocumentId);
        Assert.Equal(Verdict.Stricter, Cell(m, "sme_output_share", Beijing).Verdict);
        Assert.Equal(Verdict.Looser, Cell(m, "sme_output_share", Qinghai).Verdict);
    }

    [Fact]
    public void OnADateOnlyEditionsInForceAreShownSoTheDraftAndTheExpiredAreLeftOut()
    {
        var m = ComparisonMatrix.Build(All, new MatrixOptions { On = new DateOnly(2025, 7, 1) });

        // Qinghai's rules expired on 2025-06-26; Beijing's is a draft.
        Assert.Equal(["上海市", "陕西省"], m.Columns.Select(c => c.Jurisdiction).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnExplicitSelectionCanShowTwoEditionsOfOneJurisdiction()
    {
        var older = Make("shaanxi-2020", Meta("陕西省", "implementing-measures", "final", new DateOnly(2020, 1, 1)),
            "第一条 近三年产值均在20亿元以上。\n",
            new Spec("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上", "近三年产值均在20亿元以上"));

        var m = ComparisonMatrix.Build([.. All, older], new MatrixOptions { DocumentIds = [Shaanxi.Id, older.Id, Qinghai.Id] });

        Assert.Equal([older.Id, Shaanxi.Id, Qinghai.Id], m.Columns.Select(c => c.DocumentId));
    }

    [Fact]
    public void CriteriaThatOnlySomeDocumentsSetAreListedWithWhoSetsThem()
    {
        var m = ComparisonMatrix.Build(All, new MatrixOptions { IncludeDrafts = true });

        var patents = m.PartialCriteria.Single(p => p.Metric == "patents_per_10k");
        Assert.Equal([Shaanxi.Id], patents.PresentIn);
        Assert.Equal(3, patents.AbsentFrom.Count);
        Assert.DoesNotContain(m.PartialCriteria, p => p.Metric == "output_3y_each");
        Assert.Equal(Verdict.Missing, Cell(m, "patents_per_10k", Qinghai).Verdict);
    }
}
