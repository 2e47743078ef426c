using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare;

public sealed class NationalBaselineTests
{
    private static MatrixCell Cell(ComparisonMatrix m, string metric, PolicyDocument doc) =>
        m.Rows.Single(r => r.Metric == metric).Cells.Single(c => c.DocumentId == doc.Id);

    private static readonly Lazy<PolicyDocument> NationalText = new(() =>
    {
        var path = Path.Combine(TestPaths.TestData, "national", "national-2022-annex.txt");
        return new DocumentPipeline(new()).Process(new RawDocument(path, File.ReadAllBytes(path)));
    });

    [Fact]
    public void TheCuratedFileHoldsTheSevenFactsOfTheAnnexEachWithItsQuote()
    {
        var b = NationalBaseline.Default;
        Assert.Equal("工信部企业〔2022〕119号", b.DocNumber);
        Assert.Equal(new DateOnly(2022, 9, 13), b.Issued);
        var expected = new (string Metric, string Op, decimal Value, string Unit)[]
        {
            ("area_km2", "<=", 100, "km2"), ("output_3y_each", ">=", 4_000_000_000, "CNY"), ("sme_output_share", ">=", 70, "%"),
            ("leading_industry_share", ">", 70, "%"), ("output_growth_annual", ">", 10, "%"),
            ("champion_or_little_giant_count", ">=", 1, "count"), ("specialized_sme_count", ">=", 10, "count"),
        };
        Assert.Equal(expected, b.Criteria.Select(t => (t.Metric, t.Op, t.Value!.Value, t.Unit)));
        Assert.All(b.Criteria, t => Assert.Contains(ThresholdText.Amount(t), t.Source.Quote));
        Assert.Contains("soft", b.For("area_km2")!.Qualifiers);
        Assert.Equal(b.For("champion_or_little_giant_count")!.Group, b.For("specialized_sme_count")!.Group);
        Assert.Null(b.For("rd_growth_annual"));
    }

    [Fact]
    public void ByDefaultTheComparisonIsAgainstTheNationalFileAndSaysWhereTheAnnexIsSilent()
    {
        var m = ComparisonMatrix.Build(All, new MatrixOptions());

        Assert.Equal(BaselineKind.National, m.BaselineKind);
        Assert.Equal(NationalBaseline.FileName, m.Baseline!.Origin);
        Assert.Equal("工信部企业〔2022〕119号", m.Baseline.DocNumber);
        var output = m.Rows.Single(r => r.Metric == "output_3y_each");
        Assert.Equal(4_000_000_000m, output.Baseline!.Value);
        Assert.Equal("近三年产值均在40亿元以上", output.BaselineCitation!.Quote);
        Assert.Equal("工信部企业〔2022〕119号", output.BaselineCitation.DocNumber);
        // 20亿 against 40亿: looser; 高于70% against 70%以上: stricter by the comparator alone.
        Assert.Equal(Verdict.Looser, Cell(m, "output_3y_each", Qinghai).Verdict);
        Assert.Equal(Verdict.Stricter, Cell(m, "sme_output_share", Shaanxi).Verdict);
        Assert.Equal(Verdict.Equal, Cell(m, "area_km2", Shaanxi).Verdict);
        var patents = Cell(m, "patents_per_10k", Shaanxi);
        Assert.Equal(Verdict.NoBaseline, patents.Verdict);
        Assert.Equal("no national value", ThresholdText.VerdictWord(patents.Verdict, m.BaselineKind));
        Assert.Contains("工信部企业〔2022〕119号", patents.Reason);
        Assert.Equal(Verdict.Missing, Cell(m, "patents_per_10k", Qinghai).Verdict);
        Assert.NotNull(Cell(m, "output_3y_each", Qinghai).Citation);
    }

    [Fact]
    public void DraftsAreLeftOutOfTheComparisonAndOfTheMedianUnlessIncluded()
    {
        var byDefault = ComparisonMatrix.Build(All, new MatrixOptions());
        Assert.DoesNotContain(byDefault.Columns, c => c.DocumentId == Beijing.Id);

        // Finals only: 20亿 (青海), 30亿 (上海), 30亿 (陕西): the median is 30亿; Beijing's 40亿 does not move it.
        var median = ComparisonMatrix.Build(All, new MatrixOptions { Baseline = BaselineChoice.Median });
        Assert.Equal(3_000_000_000m, median.Rows.Single(r => r.Metric == "output_3y_each").Baseline!.Value);
        // Named explicitly, the draft is shown but neither judged nor counted in the median.
        var shown = ComparisonMatrix.Build(All, new MatrixOptions { Baseline = BaselineChoice.Median, DocumentIds = [.. All.Select(d => d.Id)] });
        Assert.Equal(Verdict.Draft, Cell(shown, "output_3y_each", Beijing).Verdict);
        Assert.Equal(3_000_000_000m, shown.Rows.Single(r => r.Metric == "output_3y_each").Baseline!.Value);

        var included = ComparisonMatrix.Build(All, new MatrixOptions { Baseline = BaselineChoice.Median, IncludeDrafts = true });
        Assert.Contains(included.Columns, c => c.DocumentId == Beijing.Id);
        Assert.Equal(Verdict.Stricter, Cell(included, "output_3y_each", Beijing).Verdict);
    }

    [Fact]
    public void ADraftCannotBeTheBaselineUnlessDraftsAreIncluded()
    {
        Assert.Throws<ArgumentException>(() => ComparisonMatrix.Build(All, new MatrixOptions { BaselineDocumentId = Beijing.Id }));
        var m = ComparisonMatrix.Build(All, new MatrixOptions { BaselineDocumentId = Beijing.Id, IncludeDrafts = true });
        Assert.Equal(BaselineKind.Chosen, m.BaselineKind);
    }

    [Fact]
    public void ValuesExtractedFromTheNationalTextEqualTheCuratedFile()
    {
        var doc = NationalText.Value;
        Assert.Equal("全国", doc.Metadata.Jurisdiction);
        Assert.Equal("工信部企业〔2022〕119号", doc.Metadata.DocNumber);
        Assert.Equal(new DateOnly(2022, 9, 13), doc.Metadata.Issued);

        var file = NationalBaseline.Default.Criteria.Select(t => (t.Metric, t.Op, t.Value, t.Unit, Soft: t.Qualifiers.Contains("soft"), Grouped: t.Group is not null));
        var extracted = doc.Thresholds.Select(t => (t.Metric, t.Op, t.Value, t.Unit, Soft: t.Qualifiers.Contains("soft"), Grouped: t.Group is not null));
        Assert.Equal(file, extracted);
        // Each curated quote is the sentence the extractor cites (the extractor may keep the part number).
        foreach (var t in NationalBaseline.Default.Criteria)
            Assert.Contains(t.Source.Quote, doc.Thresholds.Single(x => x.Metric == t.Metric).Source.Quote);
    }

    [Fact]
    public void OnceTheNationalTextIsIngestedItsExtractedValuesTakeOverFromTheFile()
    {
        var national = NationalText.Value;
        var m = ComparisonMatrix.Build([.. All, national], new MatrixOptions());

        Assert.Equal(BaselineKind.National, m.BaselineKind);
        Assert.Equal(national.Id, m.BaselineDocumentId);
        Assert.Equal("document", m.Baseline!.Origin);
        var output = m.Rows.Single(r => r.Metric == "output_3y_each");
        Assert.Equal(national.Id, output.BaselineCitation!.DocumentId);
        Assert.StartsWith("附件", output.BaselineCitation.Path);
        Assert.Equal(Verdict.Looser, Cell(m, "output_3y_each", Qinghai).Verdict);
    }
}
