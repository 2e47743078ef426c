using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>The documents the report tests render: the four seed documents, a later Qinghai edition, a
/// notice with no criteria that points to a measure not in the corpus, and a hostile notice.</summary>
internal static class ReportTestData
{
    // A later Qinghai edition (invented for the test) that raises output to 25亿 and says 5%以上 for growth.
    public static readonly PolicyDocument QinghaiLater = Make("qinghai-2025",
        Meta("青海省", "implementing-rules", "final", new DateOnly(2025, 6, 27), null, "青海省促进中小企业特色产业集群发展实施细则"),
        QinghaiCriteria.Replace("20亿元以上", "25亿元以上").Replace("产值年均增速高于5%", "产值年均增速5%以上"),
        [.. Qinghai.Thresholds.Select(t => t.Metric switch
        {
            "output_3y_each" => new Spec(t.Metric, t.Label, ">=", 2_500_000_000, "CNY", "以上", "近三年产值均在25亿元以上", [.. t.Qualifiers]),
            "output_growth_annual" => new Spec(t.Metric, t.Label, ">=", 5, "%", "以上", "产值年均增速5%以上", [.. t.Qualifiers]),
            _ => new Spec(t.Metric, t.Label, t.Op, t.Value!.Value, t.Unit, t.Phrase, t.Source.Quote, [.. t.Qualifiers], t.Group),
        })]);

    // An application notice (invented, in the manner of a provincial 申报通知) whose criteria are in a measure it cites.
    public static readonly PolicyDocument ProceduralOnly = Make("hebei-2024-notice",
        Meta("河北省", "申报通知", "final", new DateOnly(2024, 3, 1), null, "关于开展2024年度中小企业特色产业集群申报工作的通知") with
        {
            Cites = [new Citation("河北省中小企业特色产业集群认定管理办法", "冀工信企〔2023〕12号")],
        },
        "一、申报条件\n申报集群应符合《河北省中小企业特色产业集群认定管理办法》(冀工信企〔2023〕12号)规定的条件。\n");

    // A notice whose title and quoted sentence carry markup and Markdown that must stay inert in every format.
    public static readonly PolicyDocument Hostile = Make("hostile",
        Meta("海南省", "notice", "final", new DateOnly(2024, 1, 1), null, "<script>alert('title')</script>[点此](javascript:alert(1))"),
        "第一条 近三年产值均在20亿元以上<script>alert(1)</script>![图](https://example.com/x.png)<img src=x onerror=alert(2)>&lt;b&gt;。\n",
        new Spec("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上",
            "近三年产值均在20亿元以上<script>alert(1)</script>![图](https://example.com/x.png)<img src=x onerror=alert(2)>&lt;b&gt;"));

    public static readonly IReadOnlyList<PolicyDocument> Docs = [.. All, QinghaiLater, ProceduralOnly];

    public static ComparisonReport Report(IReadOnlyList<PolicyDocument> docs) => new(
        "中小企业特色产业集群认定标准对比",
        ComparisonMatrix.Build(docs, new MatrixOptions { BaselineDocumentId = Qinghai.Id, On = new DateOnly(2024, 6, 1) }),
        [EditionDiff.Compare(Qinghai, QinghaiLater)],
        [TemplateDiff.Compare(Shaanxi, Qinghai)],
        docs);

    public static ComparisonReport Report() => Report(Docs);
}
