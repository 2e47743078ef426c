using ClusterPolicyMiner.Compare;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare;

public sealed class TemplateDiffTests
{
    [Fact]
    public void ShaanxiAgainstQinghaiHasRewordedCriteriaAndAnAddedPatentClause()
    {
        var diff = TemplateDiff.Compare(Shaanxi, Qinghai);

        var first = diff.Clauses[0];
        Assert.Equal(ClauseStatus.Reworded, first.Status);
        Assert.Contains(first.Segments, s => s.Kind == SegmentKind.Inserted && s.Text.Contains('3'));
        Assert.Contains(diff.Clauses, c => c.Status == ClauseStatus.Added && c.Text!.Contains("有效发明专利"));
        Assert.Contains(diff.Clauses, c => c.Status == ClauseStatus.Dropped && c.TemplateText!.Contains("小巨人"));
    }

    [Fact]
    public void ProvinceNamesAreMaskedSoAClauseDifferingOnlyInTheNameIsTheSame()
    {
        var q = Make("q", Meta("青海省", "rules", "final", null), "第一条 青海省工业和信息化厅负责统筹协调全省集群培育认定工作。\n");
        var s = Make("s", Meta("陕西省", "rules", "final", null), "第一条 陕西省工业和信息化厅负责统筹协调全省集群培育认定工作。\n");

        var diff = TemplateDiff.Compare(s, q);

        Assert.Equal(ClauseStatus.Same, Assert.Single(diff.Clauses).Status);
    }

    [Fact]
    public void ADocumentAgainstItselfIsAllSame()
    {
        var diff = TemplateDiff.Compare(Qinghai, Qinghai);
        Assert.All(diff.Clauses, c => Assert.Equal(ClauseStatus.Same, c.Status));
        Assert.Equal(diff.Clauses.Count, diff.Count(ClauseStatus.Same));
    }
}
