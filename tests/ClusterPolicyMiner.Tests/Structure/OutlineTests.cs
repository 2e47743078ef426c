using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

public sealed class OutlineTests
{
    private static List<OutlineNode> All(string text) =>
        [.. LawRefBook.Flatten(StructureExtractor.Extract(text, PageInfo.None).Outline)];

    [Fact]
    public void ReferencesInsideSentencesNeverOpenANode()
    {
        const string text = "第一条 依照本实施细则第二章第五条办理。\n第二条 第十二条规定的事项,根据第三条执行。\n第三条 按第二条。";
        Assert.Equal(["第一条", "第二条", "第三条"], All(text).Select(n => n.Path));
    }

    [Fact]
    public void AReferenceAtALineStartIsNotAnArticle()
    {
        const string text = "第一条 总述。\n第二条 下列事项:\n第五条规定的情形除外。\n第三条 完。";
        Assert.Equal([1, 2, 3], All(text).Select(n => n.Number));
    }

    [Fact]
    public void DatesAndNumbersInSentencesDoNotOpenSubitems()
    {
        const string text = "一、要求\n于2025年5月31日前报送 1.5万元 以上。\n二、流程";
        Assert.Equal(["一", "二"], All(text).Select(n => n.Path));
    }

    [Fact]
    public void TextWithoutLineBreaksIsSegmentedLikeTextWithThem()
    {
        const string lines = "第一章 总  则\n第一条 为了。\n第二条 本办法:\n(一)甲;\n(二)乙。\n第二章 附则\n第三条 施行。";
        var one = All(lines.Replace('\n', ' '));
        Assert.Equal(All(lines).Select(n => (n.Path, n.Start)), one.Select(n => (n.Path, n.Start)));
        Assert.Equal("总则", one[0].Title);
        Assert.Equal("第一章/第二条/（二）", one[4].Path); // (二) written half-width, path in full width
    }

    [Fact]
    public void AGapInArticleNumbersIsADiagnosticAndTheArticleIsKept()
    {
        var result = StructureExtractor.Extract("第一条 甲。\n第二条 乙。\n第四条 丁。", PageInfo.None);
        Assert.Equal([1, 2, 4], result.Outline.Select(n => n.Number));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.NumberingGap && d.Offset == 14);
    }

    [Fact]
    public void AnArticleWithZhiYiFollowsItsBaseArticle()
    {
        var nodes = All("第一条 甲。\n第一条之一 甲一。\n第二条 乙。");
        Assert.Equal(["第一条", "第一条之一", "第二条"], nodes.Select(n => n.Path));
    }

    [Fact]
    public void TheAttachmentListOfANoticeIsNotAnAnnex()
    {
        const string text = "一、要求\n内容。\n附件:1.申报表\n2.联系方式\n上海市经济和信息化委员会\n2024年4月16日";
        var nodes = All(text);
        Assert.Equal(["一"], nodes.Select(n => n.Path));
        Assert.Equal("一、要求\n内容。", text[nodes[0].Start..nodes[0].End]);
    }
}
