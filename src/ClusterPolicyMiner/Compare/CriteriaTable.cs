using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>The thirteen canonical criteria of DESIGN.md in their documented order, with the Chinese name
/// and unit used when a report or a reason names them. Row order of the matrix follows this table; metrics
/// outside it (a taxonomy a maintainer extended) follow in ordinal order.</summary>
internal static class CriteriaTable
{
    internal sealed record Criterion(string Metric, string Name, string Unit);

    public static IReadOnlyList<Criterion> All { get; } =
    [
        new("area_km2", "占地面积", "km2"),
        new("output_3y_each", "近三年产值(每年均)", "CNY"),
        new("sme_output_share", "中小企业产值占集群总产值比例", "%"),
        new("leading_industry_share", "主导产业(产值)占集群总产值比例", "%"),
        new("output_growth_annual", "产值年均增速", "%"),
        new("champion_or_little_giant_count", "主导产业单项冠军或专精特新\"小巨人\"企业数", "count"),
        new("specialized_sme_count", "专精特新中小企业、创新型中小企业、高新技术企业数", "count"),
        new("rd_growth_annual", "中小企业研发经费年均增长", "%"),
        new("patent_growth_annual", "有效发明专利年均增长率", "%"),
        new("patents_per_10k", "每万人(从业人员)有效发明专利拥有量", "count"),
        new("iip_adoption_rate", "工业(产业)互联网平台应用普及率", "%"),
        new("innovation_platform_count", "区级及以上创新平台数", "count"),
        new("standards_count", "参与主导产业标准制修订数", "count"),
    ];

    private static readonly Dictionary<string, int> Order =
        All.Select((c, i) => (c.Metric, i)).ToDictionary(p => p.Metric, p => p.i, StringComparer.Ordinal);

    /// <summary>Canonical criteria first in table order, then any other metric by ordinal name.</summary>
    public static IEnumerable<string> Sort(IEnumerable<string> metrics) =>
        metrics.Distinct(StringComparer.Ordinal)
            .OrderBy(m => Order.TryGetValue(m, out var i) ? i : int.MaxValue)
            .ThenBy(m => m, StringComparer.Ordinal);

    /// <summary>The requirement that stands for each metric of a document: the first in text order, preferring
    /// one that holds for every applicant over one limited to some (中西部地区 …), and an absolute one over a
    /// relative one (高于全省平均水平…). Unknown metrics are left out.</summary>
    public static Dictionary<string, Threshold> Representative(IEnumerable<Threshold> thresholds) =>
        thresholds
            .Where(t => t.Metric != "unknown")
            .GroupBy(t => t.Metric, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Conditions.Count > 0).ThenBy(t => t.Reference is not null)
                .ThenBy(t => t.Source.Start).First(), StringComparer.Ordinal);

    public static string NameOf(string metric) =>
        Order.TryGetValue(metric, out var i) ? All[i].Name : metric;
}
