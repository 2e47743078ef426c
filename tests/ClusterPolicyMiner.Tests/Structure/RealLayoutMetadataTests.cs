using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>Spec tables of the pieces issue 9 added: issuer → province and level, document kinds, CMS blocks,
/// document-number brackets and the programme of each criterion.</summary>
public sealed class RealLayoutMetadataTests
{
    public static TheoryData<string, string?, string?> Issuers => new()
    {
        { "金华市经济和信息化局", "浙江省", "市" },
        { "攸县工业和信息化局", "湖南省", "县" },
        { "北京市顺义区经济和信息化局", "北京市", "县" },
        { "天津市工业和信息化局", "天津市", "省" },
        { "工业和信息化部办公厅", "全国", "全国" },
        { "昌吉回族自治州工业和信息化局", "新疆维吾尔自治区", "市" },
        { "浙江省某某市经济和信息化局", "浙江省", "市" },
        { "广西壮族自治区工业和信息化厅", "广西壮族自治区", "省" },
        { "某某科技有限公司", null, null },
    };

    [Theory]
    [MemberData(nameof(Issuers))]
    public void AnIssuerMapsToItsProvinceAndLevel(string issuer, string? jurisdiction, string? level)
    {
        var located = Jurisdictions.Locate(issuer);
        Assert.Equal((jurisdiction, level), (located?.Jurisdiction, located?.Level));
    }

    public static TheoryData<string, string?> Kinds => new()
    {
        { "吉林省中小企业特色产业集群认定管理办法", "measures" },
        { "某区促进中小企业特色产业集群发展若干措施（征求意见稿）", "measures" },
        { "关于组织申报2024年度某省中小企业特色产业集群的通知", "application" },
        { "关于推荐2024年度某省中小企业特色产业集群的通知", "recommendation" },
        { "2024年某省中小企业特色产业集群拟认定名单公示", "publicity" },
        { "关于公布2023年度某省中小企业特色产业集群名单的通知", "list" },
        { "关于公布2023年度某省中小企业特色产业集群复核结果的通知", "review" },
        { "《某省中小企业特色产业集群认定管理办法》政策解读", "explainer" },
        { "某省中小企业特色产业集群政策汇编（摘要）", "summary" },
        { "关于组织开展2025年度中小企业特色产业集群申报和2022年度中小企业特色产业集群复核工作的通知", "application" },
        { "关于2023年度某省中小企业特色产业集群名单的公示", "publicity" },
        { "某市召开全市工业经济运行调度会", null },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ATitleGivesTheKindOfTheDocument(string title, string? kind) =>
        Assert.Equal(kind, DocumentKinds.Of(title, null, title));

    [Fact]
    public void AHeadlineThatIsNotAnOfficialTitleOverAReportIsNews() =>
        Assert.Equal("news", DocumentKinds.Of("某省新增12个集群", null, "本网讯（记者 张明）近日，某省公布了名单。"));

    [Fact]
    public void ACmsTableIsReadLabelByLabelAndItsLinesAreReturned()
    {
        string[] lines = ["当前位置：首页", "索引号：", "114100/2024-00231", "发布机构：", "某省工业和信息化厅",
            "成文日期：", "2024年04月18日", "文号：", "某工信企业[2024]58号", "发布日期：", "2024年04月22日", "正文第一行。"];
        var (cms, block) = CmsBlockReader.Read(lines);
        Assert.Equal(new CmsMetadata("某省工业和信息化厅", "某工信企业〔2024〕58号", new DateOnly(2024, 4, 18), new DateOnly(2024, 4, 22), null), cms);
        Assert.Equal(Enumerable.Range(1, 10), block.Order());
    }

    [Fact]
    public void ACmsRunOnOneLineWithAnEmptyNumberGivesANullNumber()
    {
        var (cms, block) = CmsBlockReader.Read(["索引号：0110-2024-21 主题分类：工业 发布机构：某省经信厅 成文日期：2024-03-11 文号： 发布日期：2024-03-13 有效性：有效"]);
        Assert.Equal(new CmsMetadata("某省经信厅", null, new DateOnly(2024, 3, 11), new DateOnly(2024, 3, 13), null), cms);
        Assert.Single(block);
    }

    [Fact]
    public void ADateLineWithOnePublicationLabelIsNotACmsBlock() =>
        Assert.Null(CmsBlockReader.Read(["发布日期：2024-06-12 来源：县工信局 浏览次数：87"]).Cms);

    [Theory]
    [InlineData("芜经信中小﹝2024﹞45号", "芜经信中小〔2024〕45号")]
    [InlineData("（渝经信发[2023]8号）", "（渝经信发〔2023〕8号）")]
    [InlineData("永川经信发【2024】33号", "永川经信发〔2024〕33号")]
    [InlineData("某办（2024）第5号", "某办〔2024〕第5号")]
    [InlineData("近三年（2021）产值", "近三年（2021）产值")]
    public void DocumentNumberBracketsBecomeTortoiseShellBrackets(string text, string expected) =>
        Assert.Equal(expected, DocNumberBrackets.Normalize(text));

    [Fact]
    public void ACriterionUnderAnotherProgrammesHeadingGetsThatProgrammeAndNoCanonicalMetric()
    {
        const string text = "一、中小企业特色产业集群\n近三年产值均在10亿元以上。\n二、先进制造业集群\n主导产业产值达到500亿元以上。\n";
        var metadata = PolicyMetadata.Empty with { Programme = "sme_cluster" };
        Threshold At(string quote) => new("output_3y_each", "产值", ">=", 1, "CNY", "以上", [], null,
            new SourceRef("", quote, text.IndexOf(quote, StringComparison.Ordinal), text.IndexOf(quote, StringComparison.Ordinal) + quote.Length));
        var result = ProgrammePass.Apply(text, metadata, [At("近三年产值均在10亿元以上"), At("主导产业产值达到500亿元以上")]);
        Assert.Equal(("output_3y_each", (string?)null), (result[0].Metric, result[0].Programme));
        Assert.Equal(("unknown", (string?)"先进制造业集群"), (result[1].Metric, result[1].Programme));
        Assert.Equal("产值", result[1].Label);
    }
}
