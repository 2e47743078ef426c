using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>Pages that lost their line breaks and the spaces between headings: the layouts of issue 10
/// (a chapter heading glued to its first article, a closing quote or a promulgation note before 第X条, an
/// article whose body starts with an ordinal), written for these tests in the way local measures read.</summary>
public sealed class OutlineWithoutLineBreaksTests
{
    private static StructureResult Extract(string text) => StructureExtractor.Extract(text, PageInfo.None);

    private static List<OutlineNode> All(string text) => [.. LawRefBook.Flatten(Extract(text).Outline)];

    private static List<string> Articles(string text) =>
        [.. All(text).Where(n => n.Kind == OutlineKind.Article).Select(n => text[n.Start..].Split('条')[0] + "条")];

    [Fact]
    public void AChapterHeadingGluedToItsFirstArticleGivesTheChapterItsTitleAndTheArticle()
    {
        const string text = "第一章 总则第一条 为了培育中小企业特色产业集群，制定本办法。第二条 本办法适用于全省县域集群。";
        var nodes = All(text);
        Assert.Equal(["第一章", "第一章/第一条", "第一章/第二条"], nodes.Select(n => n.Path));
        Assert.Equal("总则", nodes[0].Title);
        Assert.Equal(text.IndexOf("第一条", StringComparison.Ordinal), nodes[1].Start);
    }

    [Fact]
    public void TheClosingChapterIsTitledAnnexRulesAndNotItsFirstSentence()
    {
        const string text = "第一章 总则第一条 为了规范认定，制定本办法。第二章 监督管理第二条 省工业和信息化厅负责动态管理。第三章 附则第三条本办法自2024年1月1日起施行。";
        var nodes = All(text);
        var annexRules = Assert.Single(nodes, n => n.Path == "第三章");
        Assert.Equal("附则", annexRules.Title);
        Assert.Equal("监督管理", nodes.Single(n => n.Path == "第二章").Title);
        Assert.Contains(nodes, n => n.Path == "第三章/第三条");
    }

    [Fact]
    public void AnArticleAfterAClosingQuoteIsFound()
    {
        const string text = "第一条 集群名称统一为“××县××产业集群。”第二条 申报主体为县级人民政府。第三条 本细则由省经信委解释。";
        Assert.Equal(["第一条", "第二条", "第三条"], Articles(text));
    }

    [Fact]
    public void AnArticleRightAfterThePromulgationNoteIsFound()
    {
        const string text = "（2023年5月10日省人民政府令第12号公布　自2023年7月1日起施行）第一条 为了规范集群认定，制定本办法。第二条 本办法所称集群，是指县域内的中小企业集聚区。";
        Assert.Equal(["第一条", "第二条"], Articles(text));
    }

    [Fact]
    public void AnArticleWhoseBodyStartsLikeAReferenceIsFoundWhenTheNextArticleFollows()
    {
        const string text = "第一条 总述。第二条 认定条件。第三条项目申报由县级人民政府组织。第四条第二条所称龙头企业，是指营业收入居前的企业。第五条 动态管理。";
        Assert.Equal(["第一条", "第二条", "第三条", "第四条", "第五条"], Articles(text));
    }

    [Fact]
    public void AnArticleLostToAnAmbiguousStartDoesNotStopTheArticlesAfterIt()
    {
        // 第三条第一款… inline, after a closing quote, cannot be told from a reference: it is a gap, and the
        // numbering resumes at 第四条.
        const string text = "第一条 总述。第二条 认定条件为“主导产业突出”第三条第一款所称龙头企业，是指营业收入居前的企业。第四条 申报程序。第五条 动态管理。第六条 施行日期。";
        var result = Extract(text);
        Assert.Equal([1, 2, 4, 5, 6], result.Outline.Select(n => n.Number));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.NumberingGap && d.Offset == text.IndexOf("第四条", StringComparison.Ordinal));
    }

    [Fact]
    public void AReferenceAtASentenceStartIsNotTheNextArticleUnlessTheNumberingGoesOnFromIt()
    {
        const string text = "第一条 总述。第二条 认定条件。第三条第一款规定的企业除外。第三条 申报程序。";
        var articles = All(text).Where(n => n.Kind == OutlineKind.Article).ToList();
        Assert.Equal([1, 2, 3], articles.Select(n => n.Number));
        Assert.Equal(text.LastIndexOf("第三条", StringComparison.Ordinal), articles[2].Start);
    }

    [Theory]
    [InlineData("第一条 本办法依照本条例第二条制定。第二条 适用范围。")]
    [InlineData("第一条 认定工作按照第二条执行。第二条 适用范围。")]
    [InlineData("第一条 依据《中小企业促进法》第二条制定本办法。第二条 适用范围。")]
    [InlineData("第一条 违反本办法第二条处理。第二条 适用范围。")]
    [InlineData("第一条 参见第三条和第二条办理。第二条 适用范围。")]
    public void ACrossReferenceToTheNextArticleNumberIsNotAnArticle(string text)
    {
        var articles = All(text).Where(n => n.Kind == OutlineKind.Article).ToList();
        Assert.Equal([1, 2], articles.Select(n => n.Number));
        Assert.Equal(text.LastIndexOf("第二条", StringComparison.Ordinal), articles[1].Start);
    }

    [Fact]
    public void AnInlineReferenceToTheNextArticleGivesWayToThatArticlesOwnHeading()
    {
        const string text = "第一条 总述。\n第二条 申报材料应当符合第三条要求。\n第三条 申报材料包括申报书和佐证材料。";
        var result = Extract(text);
        Assert.Equal([1, 2, 3], result.Outline.Select(n => n.Number));
        Assert.Equal(text.LastIndexOf("第三条", StringComparison.Ordinal), result.Outline[2].Start);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCode.NumberingGap);
    }

    [Fact]
    public void TheChaptersAfterATableOfContentsOnTheSameLineOpenWithTheirArticles()
    {
        const string text = "目录 第一章 总则 第二章 认定 第三章 附则 第一章 总则 第一条 甲。 第二章 认定 第二条 乙。 第三章 附则 第三条 丙。";
        var result = Extract(text);
        var withArticles = result.Outline.Where(n => n.Children.Count > 0).ToList();
        Assert.Equal([1, 2, 3], withArticles.Select(n => n.Number));
        Assert.Equal(text.IndexOf("第一章 总则 第一条", StringComparison.Ordinal), withArticles[0].Start);
        Assert.Equal(["总则", "认定", "附则"], withArticles.Select(n => n.Title));
    }

    [Fact]
    public void ALastChapterAfterAMissingOneOpensWhenAnArticleFollowsItsTitle()
    {
        // 第四章 is missing; 第五章 is the last chapter, so no later chapter can confirm it, its first article does.
        const string text = "第一章 总则 第一条 甲。 第二章 认定 第二条 乙。 第三章 管理 第三条 丙。 第五章 附则 第四条 本办法自印发之日起施行。";
        var result = Extract(text);
        Assert.Equal([1, 2, 3, 5], result.Outline.Select(n => n.Number));
        Assert.Equal("第五章/第四条", result.Outline[3].Children.Single().Path);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.NumberingGap);
    }

    [Fact]
    public void AChapterTitleEndingLikeAReferenceWordStillLetsItsArticleOpen()
    {
        const string text = "第一章 总则第一条 甲。第二章 基本规定第二条 乙。第三章 社会参与第三条 丙。";
        var chapters = All(text).Where(n => n.Kind == OutlineKind.Chapter).ToList();
        Assert.Equal(["总则", "基本规定", "社会参与"], chapters.Select(n => n.Title));
        Assert.All(chapters, c => Assert.Single(c.Children));
    }
}
