using System.Text.RegularExpressions;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>Issue 2's done-when checks on the five seed notices, through the whole pipeline: every article
/// and annex part exactly once and in order, the signature and date kept, none of the furniture.</summary>
public sealed partial class SeedCleanTests
{
    private const string Qinghai = "qinghai-2023-implementing-rules.txt";
    private const string Shaanxi = "shaanxi-2023-implementing-measures.txt";
    private const string Beijing = "beijing-2023-measures-draft.txt";
    private const string Shanghai = "shanghai-2024-application-notice.zh-hant.txt";
    private const string Shanxi = "shanxi-2025-application-notice.zh-hant.txt";

    private static readonly string[] Numerals =
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
         "十七", "十八", "十九", "二十", "二十一"];

    // An opening stands at a line start or after whitespace (seed 000 separates paragraphs by spaces until
    // the normaliser breaks them); a reference inside a sentence (依照本实施细则第二章第五条) does not.
    [GeneratedRegex(@"(?:^|\s)第([一二三四五六七八九十]+)条")]
    private static partial Regex ArticleOpening();

    [GeneratedRegex(@"(?:^|\s)([一二三四五六七八九十]+)、")]
    private static partial Regex PartOpening();

    private static void AssertNumbered(Regex opening, string text, int count, string what)
    {
        var found = opening.Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.True(found.SequenceEqual(Numerals.Take(count)),
            $"{what}: expected {string.Join(' ', Numerals.Take(count))}, found {string.Join(' ', found)}");
    }

    private static void AssertNoFurniture(string text, params string[] seedFurniture)
    {
        foreach (var phrase in FurnitureLexicon.Phrases.Concat(seedFurniture))
            Assert.False(text.Contains(phrase, StringComparison.Ordinal), $"furniture left in the clean text: {phrase}");
        foreach (var line in text.Split('\n'))
            Assert.False(FurnitureLexicon.Widgets.Contains(line.Trim()), $"widget line left: {line}");
    }

    private static void AssertOnce(string text, string needle) =>
        Assert.Single(Regex.Matches(text, Regex.Escape(needle)));

    [Fact]
    public void QinghaiKeepsNineteenArticlesEightAnnexPartsAndItsSignatureWithoutTheSiteFooter()
    {
        var text = CorpusPipeline.Process(Qinghai).Text;
        AssertNumbered(ArticleOpening(), text, 19, "articles");
        AssertNumbered(PartOpening(), text, 8, "annex parts");
        Assert.Contains("青海省工业和信息化厅", text);
        AssertOnce(text, "2023年6月26日");
        AssertNoFurniture(text, "出于传递更多信息之目的", "最新内容", "热点内容", " |");
        Assert.EndsWith("切实可行。\n", text);
    }

    [Fact]
    public void ShaanxiKeepsTwentyOneArticlesTheDocumentNumberAndTheSignature()
    {
        var text = CorpusPipeline.Process(Shaanxi).Text;
        AssertNumbered(ArticleOpening(), text, 21, "articles");
        AssertOnce(text, "陕工信发〔2023〕89号");
        AssertOnce(text, "2023年4月28日");
        Assert.Contains("陕西省工业和信息化厅\n2023年4月28日\n", text);
        AssertNoFurniture(text);
    }

    [Fact]
    public void BeijingKeepsOneCopyOfItsBodyAndNoneOfThePortalTemplate()
    {
        var doc = CorpusPipeline.Process(Beijing);
        var text = doc.Text;
        AssertNumbered(ArticleOpening(), text, 19, "articles");
        AssertNumbered(PartOpening(), text, 9, "annex parts");
        AssertOnce(text, "北京市促进中小企业特色产业集群发展管理办法(暂行)(征求意见稿)");
        Assert.StartsWith("北京市促进中小企业特色产业集群发展管理办法(暂行)(征求意见稿)\n", text);
        AssertNoFurniture(text, "Network", "主页 >", "achie.org", "2023-08-17");
        Assert.Contains(doc.Diagnostics, d => d.Code == Model.DiagnosticCode.RepeatedBodyRemoved);
    }

    [Fact]
    public void ShanghaiComesOutSimplifiedOnceWithItsSignatureContactAndAttachments()
    {
        var doc = CorpusPipeline.Process(Shanghai);
        var text = doc.Text;
        AssertNumbered(PartOpening(), text, 3, "parts");
        AssertOnce(text, "各区中小企业主管部门:");
        AssertOnce(text, "上海市经济和信息化委员会\n2024年4月16日\n");
        AssertOnce(text, "吴春霞 23117616");
        AssertOnce(text, "附件:1.上海市中小企业特色产业集群申报表\n2.各区中小企业主管部门联系方式\n");
        AssertNoFurniture(text, "\">", "华夏泰科", "智能工厂", "长三角国际创新挑战赛", "區", "業");
        Assert.DoesNotMatch(@"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", text);
        Assert.Contains(doc.Diagnostics, d => d.Code == Model.DiagnosticCode.RepeatedBodyRemoved);
    }

    [Fact]
    public void ShanxiComesOutSimplifiedWithoutMenusOrSplitWordsAndKeepsContactAndIssuer()
    {
        var text = CorpusPipeline.Process(Shanxi).Text;
        AssertNumbered(PartOpening(), text, 4, "parts");
        Assert.StartsWith("山西省工业和信息化厅\n关于组织开展2025年度中小企业特色产业集群申报和2022年度", text);
        AssertOnce(text, "张永杰 0351-3046281");
        AssertOnce(text, "3. 现场核查符合性说明");
        Assert.EndsWith("山西省工业和信息化厅\n", text);
        AssertNoFurniture(text, "Network", "- 政策解读", "智慧城市news", "相关文章推荐", "2025-04-17");
        Assert.Contains("特色化", text);
        Assert.DoesNotContain("特色 化", text);
        Assert.DoesNotContain("中 小企业", text);
    }

    [Fact]
    public void ShanxiPageInfoCarriesTheSiteHeadlineAndDateLine()
    {
        var path = Path.Combine(Support.TestPaths.Corpus, Shanxi);
        var raw = new Model.RawDocument(path, File.ReadAllBytes(path));
        var decoded = new ClusterPolicyMiner.Acquire.DocumentDecoder(new()).Decode(raw);
        var n = ClusterPolicyMiner.Normalize.Normalizer.Normalize(decoded.Text);
        var clean = Cleaner.Clean(new Model.NormalizedDocument(decoded, n.Text, n.Fired, []));
        Assert.Equal(new Model.PageInfo("关于组织开展2025年度中小企业特色产业集群申报的通知", new DateOnly(2025, 4, 17),
            "高新院 achie.org"), clean.Page);
    }
}
