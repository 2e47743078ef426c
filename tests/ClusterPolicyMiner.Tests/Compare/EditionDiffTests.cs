using ClusterPolicyMiner.Compare;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare;

public sealed class EditionDiffTests
{
    // Articles quoted from Qinghai's rules (seed 000). The new edition inserts an article at the front, so the
    // rest are renumbered; moves the appeal article up; splits the annual-report article in two; merges the
    // two revocation articles; and changes 产值年均增速 from 高于5% to 5%以上.
    private const string Old =
        "第一条 集群有效期为三年。有效期满后，由省工业和信息化厅组织开展复核工作，并考核集群三年发展规划目标完成情况，复核通过的有效期延长三年。\n" +
        "第二条 市（州）中小企业主管部门加强对集群发展规划执行情况、目标进展、工作经验、问题与改进措施等进行持续跟踪，并组织集群于每年3月30日前填报集群上一年度有关工作开展情况，报送至省工业和信息化厅。省工业和信息化厅组织开展监督和考核。\n" +
        "第三条 已认定的集群有效期满未申请复核或经复核未通过的，撤销其认定。\n" +
        "第四条 发现虚假申报或存在违法违规行为的集群，撤销其认定。\n" +
        "第五条 占地面积一般不超过100平方公里，近三年产值均在20亿元以上，产值年均增速高于5%。\n" +
        "第六条 被撤销认定的集群申报主体可自收到撤销决定之日起15个工作日内向省工业和信息化厅提出申诉，省工业和信息化厅应当自收到申诉之日起30个工作日内进行复核并答复申诉人。\n";

    private const string New =
        "第一条 为促进中小企业高质量发展，提升中小企业产业集群专业化、特色化、集群化发展水平，制定本细则。\n" +
        "第二条 被撤销认定的集群申报主体可自收到撤销决定之日起15个工作日内向省工业和信息化厅提出申诉，省工业和信息化厅应当自收到申诉之日起30个工作日内进行复核并答复申诉人。\n" +
        "第三条 集群有效期为三年。有效期满后，由省工业和信息化厅组织开展复核工作，并考核集群三年发展规划目标完成情况，复核通过的有效期延长三年。\n" +
        "第四条 市（州）中小企业主管部门加强对集群发展规划执行情况、目标进展、工作经验、问题与改进措施等进行持续跟踪。\n" +
        "第五条 市（州）中小企业主管部门组织集群于每年3月30日前填报集群上一年度有关工作开展情况，报送至省工业和信息化厅。省工业和信息化厅组织开展监督和考核。\n" +
        "第六条 已认定的集群有效期满未申请复核或经复核未通过的，或者发现虚假申报或存在违法违规行为的，撤销其认定。\n" +
        "第七条 占地面积一般不超过100平方公里，近三年产值均在20亿元以上，产值年均增速5%以上。\n";

    private static readonly EditionDiff Diff = EditionDiff.Compare(
        Make("qinghai-old", Meta("青海省", "implementing-rules", "final", new DateOnly(2023, 6, 27)), Old,
            new Spec("output_growth_annual", "产值年均增速", ">", 5, "%", "高于", "产值年均增速高于5%"),
            new Spec("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上", "近三年产值均在20亿元以上")),
        Make("qinghai-new", Meta("青海省", "implementing-rules", "final", new DateOnly(2025, 6, 27)), New,
            new Spec("output_growth_annual", "产值年均增速", ">=", 5, "%", "以上", "产值年均增速5%以上"),
            new Spec("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上", "近三年产值均在20亿元以上")));

    private static ArticlePair PairFrom(string oldPath) => Diff.Articles.Single(p => p.Before.Any(r => r.Path == oldPath));

    [Fact]
    public void AnArticleThatOnlyChangedItsNumberIsRenumberedWithFullConfidence()
    {
        var p = PairFrom("第一条");
        Assert.Equal(ArticleChange.Renumbered, p.Change);
        Assert.Equal(["第三条"], p.After.Select(r => r.Path));
        Assert.Equal(MatchBasis.Similarity, p.Basis);
        Assert.Equal(1.0, p.Confidence);
    }

    [Fact]
    public void AnArticleMovedAheadOfOthersIsMoved()
    {
        var p = PairFrom("第六条");
        Assert.Equal(ArticleChange.Moved, p.Change);
        Assert.Equal(["第二条"], p.After.Select(r => r.Path));
    }

    [Fact]
    public void AnArticleCutInTwoIsSplitAndTwoJoinedIntoOneAreMerged()
    {
        var split = PairFrom("第二条");
        Assert.Equal(ArticleChange.Split, split.Change);
        Assert.Equal(["第四条", "第五条"], split.After.Select(r => r.Path));
        Assert.Equal(MatchBasis.Containment, split.Basis);
        Assert.InRange(split.Confidence, 0.7, 1.0);

        var merged = PairFrom("第三条");
        Assert.Equal(ArticleChange.Merged, merged.Change);
        Assert.Equal(["第三条", "第四条"], merged.Before.Select(r => r.Path));
        Assert.Equal(["第六条"], merged.After.Select(r => r.Path));
    }

    [Fact]
    public void ANewArticleIsAddedAndTheEditedCriteriaArticleShowsTheCharacterChange()
    {
        var added = Diff.Articles.Single(p => p.Change == ArticleChange.Added);
        Assert.Equal(["第一条"], added.After.Select(r => r.Path));

        var criteria = PairFrom("第五条");
        Assert.Equal(["第七条"], criteria.After.Select(r => r.Path));
        Assert.Contains(criteria.Segments, s => s.Kind == SegmentKind.Deleted && s.Text == "高于");
        Assert.Contains(criteria.Segments, s => s.Kind == SegmentKind.Inserted && s.Text == "以上");
        Assert.DoesNotContain(Diff.Articles, p => p.Change == ArticleChange.Removed);
    }

    [Fact]
    public void AThresholdChangeIsListedInPlainWordsWithItsVerdict()
    {
        var change = Assert.Single(Diff.ThresholdChanges);
        Assert.Equal("产值年均增速: 高于5% → 5%以上, looser", change.Description);
        Assert.Equal(Verdict.Looser, change.Verdict);
    }

    [Fact]
    public void ArticlesAreReportedInTheNewEditionsOrder()
    {
        var firstAfter = Diff.Articles.Select(p => p.After.FirstOrDefault()?.Path).ToList();
        Assert.Equal(["第一条", "第二条", "第三条", "第四条", "第六条", "第七条"], firstAfter);
    }
}
