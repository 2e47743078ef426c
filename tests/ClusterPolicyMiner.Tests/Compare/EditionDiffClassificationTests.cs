using ClusterPolicyMiner.Compare;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare;

/// <summary>"Renumbered" means the same text under a new number; a new number with changed text is "modified"
/// (the report shows both numbers), so a reader never takes a reworded article for a renumbered one.</summary>
public sealed class EditionDiffClassificationTests
{
    private static ArticlePair Only(string before, string after) => Assert.Single(EditionDiff.Compare(
        Make("class-old-" + before.GetHashCode(), Meta("青海省", "implementing-rules", "final", new DateOnly(2023, 6, 27)), before),
        Make("class-new-" + after.GetHashCode(), Meta("青海省", "implementing-rules", "final", new DateOnly(2025, 6, 27)), after)).Articles,
        p => p.Before.Count > 0 && p.After.Count > 0);

    [Theory]
    [InlineData("第三条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n", "第一条 为促进中小企业高质量发展，制定本细则。\n第二条 另有规定的，从其规定并报省工业和信息化厅备案。\n第四条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n", ArticleChange.Renumbered)]
    [InlineData("第三条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n", "第一条 为促进中小企业高质量发展，制定本细则。\n第二条 另有规定的，从其规定并报省工业和信息化厅备案。\n第四条 集群有效期为五年，有效期满后由省工业和信息化厅组织复核。\n", ArticleChange.Modified)]
    [InlineData("第三条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n", "第三条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n", ArticleChange.Unchanged)]
    [InlineData("第三条 集群有效期为三年，有效期满后由省工业和信息化厅组织复核。\n", "第三条 集群有效期为三年，有效期满后由市工业和信息化局组织复核。\n", ArticleChange.Modified)]
    public void AnArticleIsRenumberedOnlyWhenItsTextIsTheSame(string before, string after, ArticleChange expected) =>
        Assert.Equal(expected, Only(before, after).Change);
}
