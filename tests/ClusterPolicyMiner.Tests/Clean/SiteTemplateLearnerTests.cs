using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>Learning a site's template from several of its pages.</summary>
public sealed class SiteTemplateLearnerTests
{
    private static NormalizedDocument Corpus(string file) =>
        CleanTestSupport.Normalized(File.ReadAllText(Path.Combine(TestPaths.Corpus, file)), source: file);

    [Fact]
    public void LinesRecurringOnTwoPagesOfASiteAreItsTemplateButBodyAndSignatureLinesAreNot()
    {
        const string a = "某某园区网\n欢迎订阅园区周报\n来源:某某园区网 日期:2024-04-02\n关于开展示范项目申报的通知\n" +
                         "各区县工业和信息化主管部门：\n申报单位应在本市注册，近三年未发生重大安全事故，财务状况良好。\n一、申报条件\n某某市经济和信息化局\n2024年4月1日\n";
        const string b = "某某园区网\n欢迎订阅园区周报\n来源:某某园区网 日期:2024-05-09\n关于公布名单的通知\n" +
                         "各区县工业和信息化主管部门：\n申报单位应在本市注册，近三年未发生重大安全事故，财务状况良好。\n一、申报条件\n某某市经济和信息化局\n2024年4月1日\n";
        const string other = "某某园区网\n来源:别的网站 日期:2024-05-09\n正文内容，与前两页无关。\n";
        var learnt = SiteTemplateLearner.Learn([CleanTestSupport.Normalized(a), CleanTestSupport.Normalized(b), CleanTestSupport.Normalized(other)]);
        var site = Assert.Single(learnt);
        Assert.Equal("某某园区网", site.Key);
        Assert.Equal(["某某园区网", "欢迎订阅园区周报"], site.Value.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APageWithoutDateLineIsKeyedByItsUrlHost()
    {
        Assert.Equal("www.example.gov.cn", SiteTemplateLearner.SiteKey(PageInfo.None, "https://WWW.example.gov.cn/a/b.html"));
        Assert.Null(SiteTemplateLearner.SiteKey(PageInfo.None, "corpus/x.txt"));
    }

    [Fact]
    public void SeedsOfTheSameSiteShareTheirNetworkLineAndBreadcrumb()
    {
        var learnt = SiteTemplateLearner.Learn([Corpus("beijing-2023-measures-draft.txt"),
            Corpus("shanxi-2025-application-notice.zh-hant.txt"), Corpus("qinghai-2023-implementing-rules.txt")]);
        var site = Assert.Single(learnt);
        Assert.Equal("高新院 achie.org", site.Key);
        Assert.Equal(["Network", "当前位置:主页 > 新闻中心 > 产业规划 >"], site.Value.Order(StringComparer.Ordinal));
    }
}
