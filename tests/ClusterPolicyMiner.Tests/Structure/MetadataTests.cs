using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

public sealed class MetadataTests
{
    private static PolicyMetadata Read(string text, PageInfo? page = null) =>
        StructureExtractor.Extract(text, page ?? PageInfo.None).Metadata;

    [Fact]
    public void TheValidityOfRecognisedClustersIsNotTheValidityOfTheDocument()
    {
        var m = Read("第一条 集群有效期为三年。\n第二条 本办法自2024年1月1日起施行。");
        Assert.Equal(new DateOnly(2024, 1, 1), m.Effective);
        Assert.Null(m.ValidityYears);
        Assert.Null(m.Expires);
    }

    [Fact]
    public void EffectiveOnPublicationWithAnUnknownIssueDateIsUnknownNotThePageDate()
    {
        var result = StructureExtractor.Extract("第一条 本办法发布之日起实施,有效期三年。",
            new PageInfo(null, new DateOnly(2023, 8, 17), null));
        Assert.Null(result.Metadata.Effective);
        Assert.Equal(3, result.Metadata.ValidityYears);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.MetadataUnknown && d.Message.StartsWith("effective"));
    }

    [Fact]
    public void AShortFormDefinedInBracketsResolvesToTheFullCitation()
    {
        var m = Read("根据《促进中小企业特色产业集群发展暂行办法》(工信部企业[2022]119号,以下简称《暂行办法》),按《暂行办法》执行。");
        var cite = Assert.Single(m.Cites);
        Assert.Equal(new Citation("促进中小企业特色产业集群发展暂行办法", "工信部企业〔2022〕119号"), cite);
    }

    [Fact]
    public void ANationalIssuerGivesTheNationalJurisdiction()
    {
        var m = Read("工业和信息化部关于开展2024年度中小企业特色产业集群申报工作的通知\n各省工信厅:\n一、要求");
        Assert.Equal(("全国", "工业和信息化部", "application", 2024), (m.Jurisdiction, m.Issuer, m.Kind, m.EditionYear));
    }
}
