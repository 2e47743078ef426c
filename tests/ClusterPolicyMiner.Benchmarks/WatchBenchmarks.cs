using System.Text;
using BenchmarkDotNet.Attributes;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Benchmarks;

/// <summary>The CPU side of fetch and watch: finding notice links on a listing page of 200 entries,
/// and checking a URL against a robots.txt. The network itself is not measured here.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class WatchBenchmarks
{
    private static readonly Uri Page = new("http://127.0.0.1/gxt/tzgg/index.html");
    private string _listing = "";
    private ListingPage _bySelector = null!;
    private ListingPage _byPattern = null!;
    private RobotsRules _robots = null!;
    private readonly Uri _notice = new("http://127.0.0.1/gxt/tzgg/202404/t20240412_1234567.html");

    [GlobalSetup]
    public void Setup()
    {
        // A synthetic listing shaped like provincial portals: navigation, then a list of dated notices,
        // one in ten about 特色产业集群.
        var html = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><div class=\"nav\">");
        for (var i = 0; i < 30; i++) html.Append($"<a href=\"/col/{i}/\">栏目{i}</a>");
        html.Append("</div><ul class=\"list\">");
        for (var i = 0; i < 200; i++)
        {
            var topic = i % 10 == 0 ? "中小企业特色产业集群申报工作" : "职业技能大赛";
            html.Append($"<li><a href=\"./2024{i % 12 + 1:00}/t2024{i:0000}_{i}.html\" title=\"关于开展2024年度{topic}的通知\">关于开展2024年度{topic}的通知</a><span>2024-04-12</span></li>");
        }
        _listing = html.Append("</ul></body></html>").ToString();
        _bySelector = new ListingPage(Page, "ul.list a", null, ["特色产业集群"]);
        _byPattern = new ListingPage(Page, null, """<li><a href="(?<url>[^"]+)"[^>]*>(?<text>[^<]*)</a>""", ["特色产业集群"]);
        _robots = RobotsRules.Parse("User-agent: *\nDisallow: /admin/\nDisallow: /search\nAllow: /admin/public/\nDisallow: /*.doc$\n", FetchOptions.ProductToken);
    }

    [Benchmark]
    public int LinksBySelector() => LinkExtractor.Extract(_listing, Page, _bySelector).Links.Count;

    [Benchmark]
    public int LinksByPattern() => LinkExtractor.Extract(_listing, Page, _byPattern).Links.Count;

    [Benchmark]
    public bool RobotsAllows() => _robots.Allows(_notice);
}
