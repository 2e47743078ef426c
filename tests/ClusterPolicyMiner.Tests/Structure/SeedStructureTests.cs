using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>The issue's "done when" on the five seeds, through the whole pipeline.</summary>
public sealed class SeedStructureTests
{
    private static int Count(PolicyDocument doc, OutlineKind kind) => SeedPipeline.Nodes(doc, kind).Count();

    private static Citation? Cite(PolicyDocument doc, string docNumber) =>
        doc.Metadata.Cites.FirstOrDefault(c => c.DocNumber == docNumber);

    [Fact]
    public void QinghaiOnOneLineHasFiveChaptersNineteenArticlesAndAnAnnexOfEightParts()
    {
        var doc = SeedPipeline.Process("qinghai-2023-implementing-rules.txt");

        Assert.Equal(["总则", "培育要求", "认定程序", "动态管理", "附则"],
            SeedPipeline.Nodes(doc, OutlineKind.Chapter).Select(c => c.Title));
        Assert.Equal(Enumerable.Range(1, 19), SeedPipeline.Nodes(doc, OutlineKind.Article).Select(a => a.Number));
        var annex = Assert.Single(doc.Outline, n => n.Kind == OutlineKind.Annex);
        Assert.Equal(8, annex.Children.Count(n => n.Kind == OutlineKind.Part));
        Assert.Equal("附件/三", annex.Children[2].Path);
        Assert.DoesNotContain(doc.Diagnostics, d => d.Code == DiagnosticCode.NumberingGap);
    }

    [Fact]
    public void QinghaiIsIssuedOnItsSignatureDateAndExpiresTwoYearsAfterTakingEffect()
    {
        var m = SeedPipeline.Process("qinghai-2023-implementing-rules.txt").Metadata;

        Assert.Equal(new DateOnly(2023, 6, 26), m.Issued);
        Assert.Equal(new DateOnly(2023, 6, 27), m.Effective);
        Assert.Equal(new DateOnly(2025, 6, 26), m.Expires);
        Assert.Equal(2, m.ValidityYears);
        Assert.Equal(("青海省", "青海省工业和信息化厅", "measures"), (m.Jurisdiction, m.Issuer, m.Kind));
        Assert.Equal("青海省促进中小企业特色产业集群发展实施细则", m.Title);
        Assert.Equal("促进中小企业特色产业集群发展暂行办法", Cite(
            SeedPipeline.Process("qinghai-2023-implementing-rules.txt"), "工信部企业〔2022〕119号")?.Title);
    }

    [Fact]
    public void QinghaiArticleSpansStartAtTheirMarkersAndNestInTheirChapters()
    {
        var doc = SeedPipeline.Process("qinghai-2023-implementing-rules.txt");
        foreach (var chapter in SeedPipeline.Nodes(doc, OutlineKind.Chapter))
        foreach (var article in chapter.Children)
        {
            Assert.StartsWith(article.Path.Split('/')[^1], doc.Text[article.Start..article.End]);
            Assert.InRange(article.Start, chapter.Start, chapter.End);
            Assert.InRange(article.End, article.Start, chapter.End);
        }
        var twelve = SeedPipeline.Nodes(doc, OutlineKind.Article).Single(a => a.Number == 12);
        Assert.Equal("第三章/第十二条", twelve.Path);
    }

    [Fact]
    public void ShaanxiHasFiveChaptersAndTwentyOneArticlesAndTakesEffectOnItsIssueDate()
    {
        var doc = SeedPipeline.Process("shaanxi-2023-implementing-measures.txt");
        var m = doc.Metadata;

        Assert.Equal(5, Count(doc, OutlineKind.Chapter));
        Assert.Equal(Enumerable.Range(1, 21), SeedPipeline.Nodes(doc, OutlineKind.Article).Select(a => a.Number));
        Assert.Equal("总则", doc.Outline[0].Title); // written 总  则
        Assert.Equal("陕工信发〔2023〕89号", m.DocNumber);
        Assert.Equal(new DateOnly(2023, 4, 28), m.Issued);
        Assert.Equal(new DateOnly(2023, 4, 28), m.Effective);
        Assert.Equal(new DateOnly(2025, 4, 27), m.Expires);
        Assert.Equal(("陕西省", "measures", "final"), (m.Jurisdiction, m.Kind, m.Status));
    }

    [Fact]
    public void BeijingIsADraftWithSixChaptersNineteenArticlesAndAnAnnexOfNineParts()
    {
        var doc = SeedPipeline.Process("beijing-2023-measures-draft.txt");
        var m = doc.Metadata;

        Assert.Equal("draft", m.Status);
        Assert.Equal(6, Count(doc, OutlineKind.Chapter));
        Assert.Equal(Enumerable.Range(1, 19), SeedPipeline.Nodes(doc, OutlineKind.Article).Select(a => a.Number));
        var annex = Assert.Single(doc.Outline, n => n.Kind == OutlineKind.Annex);
        Assert.Equal(9, annex.Children.Count(n => n.Kind == OutlineKind.Part));
        Assert.Equal(new DateOnly(2023, 8, 17), m.Published);
        Assert.Null(m.Issued); // a draft on a portal: no signature, and the page date is not the issue date
        Assert.Contains(doc.Diagnostics, d => d.Code == DiagnosticCode.MetadataUnknown && d.Message.StartsWith("issued"));
    }

    [Fact]
    public void ShanghaiHasThreePartsWithNineItemsInTheFirstAndCitesTheMeasureItApplies()
    {
        var doc = SeedPipeline.Process("shanghai-2024-application-notice.zh-hant.txt");
        var m = doc.Metadata;

        var parts = doc.Outline.Where(n => n.Kind == OutlineKind.Part).ToList();
        Assert.Equal(3, parts.Count);
        Assert.Equal(9, parts[0].Children.Count(n => n.Kind == OutlineKind.Item));
        Assert.Equal(new DateOnly(2024, 4, 16), m.Issued);
        Assert.NotNull(Cite(doc, "沪经信规范〔2024〕1号"));
        Assert.NotNull(Cite(doc, "工信部企业〔2022〕119号"));
        Assert.Equal((2024, "application", "上海市"), (m.EditionYear, m.Kind, m.Jurisdiction));
    }

    [Fact]
    public void ShanxiIsPublishedOnTheSitesDateLineAndCitesTheProvincialMeasure()
    {
        var doc = SeedPipeline.Process("shanxi-2025-application-notice.zh-hant.txt");
        var m = doc.Metadata;

        Assert.Equal(new DateOnly(2025, 4, 17), m.Published);
        Assert.Equal("中小企业特色产业集群认定管理办法", Cite(doc, "晋企发〔2023〕35号")?.Title);
        Assert.DoesNotContain(m.Cites, c => c.Title == "暂行办法"); // the short form resolves to the full citation
        Assert.Equal(("山西省", 2025), (m.Jurisdiction, m.EditionYear));
    }
}
