using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>The cleaner on hand-made text dumps, HTML pages and pdftotext-like output.</summary>
public sealed class CleanerTests
{
    private const string Body = """
        关于开展2024年度示范项目申报工作的通知
        各区县工业和信息化主管部门：
        为贯彻落实有关部署，现就申报工作通知如下，请认真组织实施。
        一、申报条件
        申报单位应在本市注册，近三年未发生重大安全事故，财务状况良好。
        二、工作要求
        请于2024年5月31日前将申报材料报送至市中小企业处，逾期不予受理。
        联系人及联系方式：王明 010-12345678
        附件：1.申报表
        2.推荐汇总表
        某某市经济和信息化局
        2024年4月1日
        """;

    private static CleanDocument Clean(string text, DocumentFormat format = DocumentFormat.Txt, CleanOptions? o = null) =>
        Cleaner.Clean(CleanTestSupport.Normalized(text, format), o);

    [Fact]
    public void ATextDumpLosesMenusBreadcrumbDateLineWidgetsAndHeadlineListsButKeepsTheWholeNotice()
    {
        var page = $"""
            Network
            当前位置:首页 > 通知公告 >
            - 政务公开
            - 办事服务
            开展2024年度示范项目申报
            来源：某某市经济和信息化局 发布时间：2024-04-02 浏览次数：
            字号 大 中 小
            {Body}
            打印本页 关闭窗口
            关于公布2023年度优秀案例名单的通知
            关于征集产业发展意见的公告
            TOP
            客服
            电话
            微信
            """;
        var clean = Clean(page);
        Assert.Equal(Body + "\n", clean.Text);
        Assert.Equal(new PageInfo("开展2024年度示范项目申报", new DateOnly(2024, 4, 2), "某某市经济和信息化局"), clean.Page);
    }

    [Fact]
    public void EverythingAfterATailMarkerGoesEvenPunctuatedDisclaimers()
    {
        var clean = Clean(Body + "\n相关阅读\n免责声明：\n本站部分信息来源于有关部门官方公示信息，如有侵权，请联系我们删除。\n关于另一事项的通知\n");
        Assert.Equal(Body + "\n", clean.Text);
    }

    [Fact]
    public void AStructuralLineMentioningASourceIsBodyNotFurniture()
    {
        var text = Body.Replace("二、工作要求", "二、资金来源：市级财政专项");
        Assert.Contains("二、资金来源：市级财政专项\n", Clean(text).Text);
    }

    [Fact]
    public void AFullCopyAndATruncatedCopyOfTheBodyLeaveTheFullCopyOnceWithADiagnostic()
    {
        var lines = Body.Split('\n');
        var truncated = string.Join('\n', lines.Take(7)) + "\n" + lines[7][..6] + "\">";
        var clean = Clean(truncated + "\n" + Body);
        Assert.Equal(Body + "\n", clean.Text);
        var d = Assert.Single(clean.Diagnostics);
        Assert.Equal(DiagnosticCode.RepeatedBodyRemoved, d.Code);
        Assert.Equal(0, d.Offset);
    }

    [Fact]
    public void TwoEqualCopiesKeepTheFirstAndReportTheOffsetOfTheSecond()
    {
        var clean = Clean(Body + "\n\n" + Body);
        Assert.Equal(Body + "\n", clean.Text);
        Assert.Equal(Body.Length + 2, Assert.Single(clean.Diagnostics).Offset);
    }

    [Fact]
    public void AShortRepeatedPhraseIsNotARepeatedBody()
    {
        var text = Body.Replace("二、工作要求", "二、工作要求\n申报单位应在本市注册。") + "\n";
        var clean = Clean("申报单位应在本市注册。\n" + text);
        Assert.DoesNotContain(clean.Diagnostics, d => d.Code == DiagnosticCode.RepeatedBodyRemoved);
    }

    [Fact]
    public void TemplateLinesOfTheSiteAreRemoved()
    {
        var page = "园区要闻\n来源:某某园区网 日期:2024-04-02\n" + Body + "\n欢迎订阅园区周报\n";
        var options = new CleanOptions
        {
            SiteTemplates = new Dictionary<string, IReadOnlySet<string>> { ["某某园区网"] = new HashSet<string> { "园区要闻", "欢迎订阅园区周报" } },
        };
        Assert.Equal("园区要闻\n" + Body + "\n欢迎订阅园区周报\n", Clean(page).Text);
        Assert.Equal(Body + "\n", Clean(page, o: options).Text);
    }

    [Fact]
    public void APageWithNoBodyReportsNoBodyText()
    {
        var clean = Clean("Network\n当前位置:首页 > 新闻 >\n- 政务公开\nTOP\n");
        Assert.Equal("", clean.Text);
        Assert.Contains(clean.Diagnostics, d => d.Code == DiagnosticCode.NoBodyText);
    }

    [Fact]
    public void HtmlMainContentIsTheParagraphContainerNotTheNavigationSidebarOrFooter()
    {
        var paragraphs = string.Concat(Body.Split('\n').Select(l => $"<p>{l.Replace("&", "&amp;")}</p>\n"));
        var html = $"""
            <html><head><title>开展2024年度示范项目申报_某某市经济和信息化局</title>
            <script>var x = "第一条 不是正文";</script><style>p {"{"} color: red {"}"}</style></head>
            <body>
            <div class="top"><a href="/">首页</a> | <a href="/en">English</a></div>
            <nav><ul><li><a href="/a">政务公开</a></li><li><a href="/b">办事服务</a></li></ul></nav>
            <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/t">通知公告</a></div>
            <div class="main">
              <div class="list"><h3>热点新闻</h3>
                <ul><li><a href="/1">关于公布2023年度优秀案例名单的通知</a></li>
                    <li><a href="/2">关于征集产业发展意见的公告，欢迎社会各界积极参与并提出宝贵意见</a></li></ul></div>
              <div class="article">
                <h1>开展2024年度示范项目申报</h1>
                <div class="info">来源：某某市经济和信息化局&nbsp;&nbsp;发布时间：2024-04-02</div>
                <div class="content">{paragraphs}</div>
                <div class="tools">【打印本页】【关闭窗口】 扫一扫在手机打开</div>
              </div>
            </div>
            <footer>主办单位：某某市经济和信息化局 网站标识码：1100000001 京ICP备12345678号</footer>
            </body></html>
            """;
        var clean = Clean(html, DocumentFormat.Html);
        Assert.Equal(Body + "\n", clean.Text);
        Assert.Equal(new PageInfo("开展2024年度示范项目申报", new DateOnly(2024, 4, 2), "某某市经济和信息化局"), clean.Page);
    }

    [Fact]
    public void HtmlBreaksAndEntitiesBecomeLinesAndCharacters()
    {
        var html = "<html><body><div>" + string.Join("<br>", Body.Split('\n')).Replace("：", "&#65306;") + "</div></body></html>";
        Assert.Equal(Body + "\n", Clean(html, DocumentFormat.Html).Text);
    }

    [Fact]
    public void PdfPageNumbersAndRunningHeadersGoAndAParagraphBrokenOverAPageIsJoined()
    {
        const string pdf = "某某市经济和信息化局文件\n关于开展示范项目申报工作的通知\n各区县工业和信息化主管部门：\n为贯彻落实有关部署，现就申报\n- 1 -\n\f" +
                           "某某市经济和信息化局文件\n工作通知如下，请认真组织实施。\n一、申报条件\n申报单位应在本市注册。\n第2页 共3页\n\f" +
                           "某某市经济和信息化局文件\n二、工作要求\n请按时报送材料，逾期不予受理。\n某某市经济和信息化局\n2024年4月1日\n—3—\n\f";
        var clean = Clean(pdf, DocumentFormat.Pdf);
        Assert.Equal("""
            关于开展示范项目申报工作的通知
            各区县工业和信息化主管部门：
            为贯彻落实有关部署，现就申报工作通知如下，请认真组织实施。
            一、申报条件
            申报单位应在本市注册。
            二、工作要求
            请按时报送材料，逾期不予受理。
            某某市经济和信息化局
            2024年4月1日

            """, clean.Text);
    }

    [Fact]
    public void APageBreakBeforeAHeadingIsNotJoined()
    {
        const string pdf = "第一条 总体要求如下\n1\n\f第二条 申报单位应当如实填报。\n2\n\f";
        Assert.Equal("第一条 总体要求如下\n第二条 申报单位应当如实填报。\n", Clean(pdf, DocumentFormat.Pdf).Text);
    }
}
