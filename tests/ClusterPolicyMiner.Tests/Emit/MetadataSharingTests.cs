using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Emit;

public class MetadataSharingTests
{
    private static PolicyMetadata Notice(string title, params Citation[] cites) =>
        new(new string("青海省".AsSpan()), new string("青海省工业和信息化厅".AsSpan()), title, null, new string("notice".AsSpan()),
            null, new DateOnly(2024, 3, 1), null, null, null, null, 2024, cites, Programme: new string("sme_cluster".AsSpan()));

    private static Citation National() => new(new string("优质中小企业梯度培育管理暂行办法".AsSpan()), new string("工信部企业〔2022〕63号".AsSpan()));

    [Fact]
    public void RepeatedValuesBecomeOneInstanceAndEveryValueIsKept()
    {
        var sharing = new MetadataSharing();
        var a = Notice("关于组织申报2024年度中小企业特色产业集群的通知", National());
        var b = Notice("关于开展特色产业集群复核工作的通知", National(), new Citation("另一份文件", null));
        var (sa, sb) = (sharing.Of(a), sharing.Of(b));

        Assert.Equal(a, sa with { Cites = a.Cites });
        Assert.Equal(a.Cites, sa.Cites);
        Assert.Equal(b.Cites, sb.Cites);
        Assert.Equal(b.Title, sb.Title);
        Assert.NotSame(a.Jurisdiction, b.Jurisdiction);
        Assert.Same(sa.Jurisdiction, sb.Jurisdiction);
        Assert.Same(sa.Issuer, sb.Issuer);
        Assert.Same(sa.Kind, sb.Kind);
        Assert.Same(sa.Programme, sb.Programme);
        Assert.Same(sa.Cites[0], sb.Cites[0]);
        Assert.NotSame(sb.Cites[0], sb.Cites[1]);
    }
}
