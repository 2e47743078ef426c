using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Thresholds;

namespace ClusterPolicyMiner.Tests.Thresholds;

public sealed class ThresholdExtractorTests
{
    [Fact]
    public void TheSourcePathIsTheDeepestOutlineNodeHoldingTheClause()
    {
        const string text = "第三章 认定 第十二条 条件：（二）占地面积一般不超过100平方公里。";
        var item = new OutlineNode(OutlineKind.Item, 2, null, "第三章/第十二条/（二）", text.IndexOf('（'), text.Length, []);
        var article = new OutlineNode(OutlineKind.Article, 12, null, "第三章/第十二条", text.IndexOf("第十二条"), text.Length, [item]);
        var chapter = new OutlineNode(OutlineKind.Chapter, 3, "认定", "第三章", 0, text.Length, [article]);

        var t = Assert.Single(ThresholdExtractor.Extract(text, [chapter]).Thresholds);

        Assert.Equal("第三章/第十二条/（二）", t.Source.Path);
        Assert.Equal("（二）占地面积一般不超过100平方公里", t.Source.Quote);
    }

    [Fact]
    public void AlternativesJoinedByHuozheShareOneGroupAndGroupsAreNumberedInTextOrder()
    {
        const string text = "拥有不少于1家单项冠军企业，或者不少于8家专精特新中小企业。拥有2家以上单项冠军企业，或10家以上高新技术企业。";
        var groups = ThresholdExtractor.Extract(text, []).Thresholds.Select(t => t.Group).ToList();
        Assert.Equal(["g1", "g1", "g2", "g2"], groups);
    }

    [Fact]
    public void ARedefinitionOfYiShangIsAppliedAndCitedInADiagnostic()
    {
        const string text = "本办法所称以上不包括本数。产值年均增速5%以上。";
        var result = ThresholdExtractor.Extract(text, [], new ThresholdOptions { DocumentId = "doc" });

        Assert.Equal(">", Assert.Single(result.Thresholds).Op);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCode.ComparatorRedefined, "doc", 0), (d.Code, d.DocumentId, d.Offset));
        Assert.Contains("本办法所称以上不包括本数", d.Message);
    }

    [Fact]
    public void ANumberWithAComparatorButNoKnownMetricIsKeptAsUnknownWithItsLabelAndADiagnostic()
    {
        var result = ThresholdExtractor.Extract("集群内规模以上工业企业不少于20家。", []);

        var t = Assert.Single(result.Thresholds);
        Assert.Equal(("unknown", "内规模以上工业企业"), (t.Metric, t.Label));
        Assert.Equal(DiagnosticCode.UnknownMetric, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void ATaxonomyGivenInTheOptionsReplacesTheEmbeddedOne()
    {
        const string yaml = "metrics:\n  - id: firm_count\n    kind: criterion\n    unit: count\n    labels: [工业企业]\n";
        var t = Assert.Single(ThresholdExtractor.Extract("规模以上工业企业不少于20家。", [], new ThresholdOptions { TaxonomyYaml = yaml }).Thresholds);
        Assert.Equal("firm_count", t.Metric);
    }

    [Fact]
    public void ANumberInARequirementClauseThatNoRuleReadsIsAnUnreadRequirementQuotingTheClause()
    {
        var result = ThresholdExtractor.Extract("申报集群须在省内设立2个服务站点。", [], new ThresholdOptions { DocumentId = "doc" });

        Assert.Empty(result.Thresholds);
        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCode.UnreadRequirement);
        Assert.Equal(("doc", 10), (d.DocumentId, d.Offset));
        Assert.Contains("申报集群须在省内设立2个服务站点", d.Message);
    }

    [Fact]
    public void ANumeralTooLargeToBeAValueIsANumberOutOfRangeDiagnosticAndNotAThreshold()
    {
        var result = ThresholdExtractor.Extract("集群产值不低于九千九百九十九万亿亿亿亿亿元。", []);

        Assert.Empty(result.Thresholds);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.NumberOutOfRange && d.Message.Contains("九千九百九十九万亿亿亿亿亿"));
    }

    [Fact]
    public void ARangeIsTwoBoundsSharingTheSourceAndMarkedAsARange()
    {
        var result = ThresholdExtractor.Extract("近三年主营业务收入均在5至10亿元之间。", []);

        Assert.Collection(result.Thresholds,
            t => Assert.Equal((">=", 500000000m), (t.Op, t.Value!.Value)),
            t => Assert.Equal(("<=", 1000000000m), (t.Op, t.Value!.Value)));
        Assert.Single(result.Thresholds.Select(t => t.Source).Distinct());
        Assert.All(result.Thresholds, t => Assert.Contains("range", t.Qualifiers));
    }

    [Fact]
    public void AnExclusionIsStoredAsTheRequirementItImpliesWithThePhraseKept()
    {
        var t = Assert.Single(ThresholdExtractor.Extract("主导产业产值占集群总产值比例不足50%的，不予认定。", []).Thresholds);

        Assert.Equal(("leading_industry_share", ">=", 50m, "不足50%的，不予认定"), (t.Metric, t.Op, t.Value!.Value, t.Exclusion));
    }
}
