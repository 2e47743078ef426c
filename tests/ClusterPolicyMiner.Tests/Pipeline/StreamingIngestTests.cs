using System.Text;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Pipeline;

/// <summary>The streaming ingest (two passes, site templates counted in the store) gives what processing the
/// whole batch in memory gives, whatever the chunk size and however the inputs are split across runs.</summary>
public class StreamingIngestTests
{
    // A portal's pages: a menu, a line of site furniture inside the article area, and a notice each.
    private static RawDocument Page(string host, int n, string furniture = "智造强省数字赋能") =>
        new($"https://{host}/art/2024/{n}.html", Encoding.UTF8.GetBytes($"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>关于开展第{n}批产业集群工作的通知</title></head><body>
            <div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/zcwj">政策文件</a></div>
            <div class="article">
            <h1>关于开展第{n}批中小企业特色产业集群认定工作的通知</h1>
            <p>各市工业和信息化主管部门：</p>
            <p>为贯彻落实有关部署，现就第{n}批认定工作通知如下。</p>
            <p>一、申报条件。集群主导产业年产值不低于{10 + n}亿元，集群内中小企业占比不低于80%。</p>
            <p>二、申报时间。请于2024年{n % 12 + 1}月30日前报送材料。</p>
            <p>{furniture}</p>
            <p>某省工业和信息化厅</p><p>2024年{n % 12 + 1}月1日</p>
            </div>
            <div class="footer">主办单位：某省工业和信息化厅 网站标识码 0000000{n}</div>
            </body></html>
            """));

    private static List<RawDocument> Corpus() =>
    [
        Page("gxt.example.gov.cn", 1), Page("gxt.example.gov.cn", 2), Page("gxt.example.gov.cn", 3),
        Page("jxw.example.gov.cn", 4, "扫一扫在手机打开当前页"), Page("jxw.example.gov.cn", 5, "扫一扫在手机打开当前页"),
        Page("other.example.org", 6),
        new("notes/plain.txt", Encoding.UTF8.GetBytes("关于产业集群的说明\n集群内企业数量不少于50家。\n")),
    ];

    private static Dictionary<string, string> Ingest(IEnumerable<IReadOnlyList<RawDocument>> runs, int chunkSize = 0)
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var ids = new List<string>();
        foreach (var run in runs)
        {
            new Ingestor(new DocumentPipeline(new()), store) { ChunkSize = chunkSize }.Ingest(run, loadSkipped: false);
            ids.AddRange(run.Select(r => r.Id));
        }
        return ids.Distinct().ToDictionary(id => id, id => PolicyJson.Write(store.Load(id)!));
    }

    private static Dictionary<string, string> InMemory(IReadOnlyList<RawDocument> batch) =>
        new DocumentPipeline(new()).ProcessBatch(batch).ToDictionary(d => d.Id, d => PolicyJson.Write(d));

    [Fact]
    public void AStreamedIngestStoresWhatTheInMemoryBatchGivesAtAnyChunkSize()
    {
        var corpus = Corpus();
        var expected = InMemory(corpus);
        Assert.Equal(expected, Ingest([corpus], chunkSize: 1));
        Assert.Equal(expected, Ingest([corpus], chunkSize: 3));
        Assert.Equal(expected, Ingest([corpus]));
    }

    [Fact]
    public void APageArrivingLaterTeachesItsSiteTheTemplateAndTheStoredPageIsCleanedAgain()
    {
        var corpus = Corpus();
        var alone = InMemory([corpus[0]])[corpus[0].Id];
        var together = InMemory([corpus[0], corpus[1]])[corpus[0].Id];
        // The shared line is furniture only once a second page of the site shows it.
        Assert.Contains("智造强省数字赋能", alone);
        Assert.DoesNotContain("智造强省数字赋能", together);

        var split = Ingest([[corpus[0]], [corpus[1]], corpus[2..]]);
        Assert.Equal(InMemory(corpus), split);
    }

    [Fact]
    public void CountingAPageAgainChangesNoSiteLineAndOnlyTheSecondPageCrossesTheThreshold()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var pipeline = new DocumentPipeline(new());
        var (a, b) = (Corpus()[0], Corpus()[1]);
        var linesA = pipeline.Prepare(a).Lines;
        Assert.Equal("gxt.example.gov.cn", linesA.Site);
        Assert.Empty(store.RecordPage(a, linesA));
        Assert.Empty(store.RecordPage(a, linesA));
        var crossed = store.RecordPage(b, pipeline.Prepare(b).Lines);
        Assert.Contains(crossed, l => l.Hash == ClusterPolicyMiner.Clean.SiteTemplateLearner.LineHash("智造强省数字赋能"));
        Assert.True(store.SiteTemplates().Contains("gxt.example.gov.cn", "智造强省数字赋能"));
        Assert.False(store.SiteTemplates().Contains("jxw.example.gov.cn", "智造强省数字赋能"));
    }

    // A portal page saved as text: its date line names the site, and a slogan of the site's sits in the body.
    private static RawDocument TextDump(int n, string site = "某某市经济和信息化局") =>
        new($"dumps/{n}.txt", Encoding.UTF8.GetBytes($"""
            关于开展第{n}批中小企业特色产业集群认定工作的通知
            来源：{site} 发布时间：2024-0{n}-02 浏览次数：{100 + n}
            各区县工业和信息化主管部门：
            一、申报条件。集群主导产业年产值不低于{10 + n}亿元，集群内中小企业占比不低于80%。
            二、申报时间。请于2024年{n + 1}月30日前报送材料。
            数字赋能智造名城
            某某市经济和信息化局
            2024年{n}月1日
            """));

    [Fact]
    public void ATextThatNamesItsSiteWaitsForTheSitesTemplateAndOneThatNamesNoneIsFinishedAtOnce()
    {
        var pipeline = new DocumentPipeline(new());
        var plain = new RawDocument("notes/other.txt", Encoding.UTF8.GetBytes("关于集群培育的备忘\n集群内企业数量不少于60家。\n"));
        Assert.False(DocumentPipeline.NeedsSiteTemplates(pipeline.Prepare(plain)));
        Assert.True(DocumentPipeline.NeedsSiteTemplates(pipeline.Prepare(TextDump(1))));
        Assert.True(DocumentPipeline.NeedsSiteTemplates(pipeline.Prepare(Corpus()[0])));

        // The dumps' shared furniture goes only through the site's template, learnt over the whole batch.
        List<RawDocument> corpus = [TextDump(1), plain, TextDump(2), TextDump(3), .. Corpus()];
        var expected = InMemory(corpus);
        Assert.DoesNotContain("数字赋能智造名城", expected[TextDump(1).Id]);
        Assert.Contains("数字赋能智造名城", InMemory([TextDump(1)])[TextDump(1).Id]);
        Assert.Equal(expected, Ingest([corpus], chunkSize: 1));
        Assert.Equal(expected, Ingest([corpus]));
        Assert.Equal(expected, Ingest([corpus[..2], corpus[2..]]));
    }
}
