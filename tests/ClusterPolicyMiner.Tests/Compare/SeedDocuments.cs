using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Compare;

/// <summary>PolicyDocuments built by hand from the seed notices (../shared/seeds, corpus/): the clauses are
/// quoted from the notices and the thresholds are those the notices state, so that the compare and emit
/// stages can be tested before the structure and thresholds stages land. Article outlines are found with a
/// regex on lines starting 第X条; each threshold's span is where its quote occurs in the text.</summary>
public static partial class SeedDocuments
{
    public sealed record Spec(string Metric, string Label, string Op, decimal Value, string Unit, string Phrase, string Quote,
        string[]? Qualifiers = null, string? Group = null);

    public static PolicyDocument Make(string key, PolicyMetadata metadata, string text, params Spec[] specs)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var outline = Articles(text);
        var thresholds = specs.Select(s =>
        {
            var start = text.IndexOf(s.Quote, StringComparison.Ordinal);
            if (start < 0) throw new ArgumentException($"quote not in text: {s.Quote}");
            var path = outline.LastOrDefault(a => a.Start <= start)?.Path ?? "";
            return new Threshold(s.Metric, s.Label, s.Op, s.Value, s.Unit, s.Phrase, s.Qualifiers ?? [], s.Group,
                new SourceRef(path, s.Quote, start, start + s.Quote.Length));
        }).ToList();
        return new PolicyDocument(id, $"corpus/{key}.txt", DocumentFormat.Txt, "UTF-8", "bom", metadata, text, [], outline,
            thresholds, [], []);
    }

    public static PolicyMetadata Meta(string jurisdiction, string kind, string status, DateOnly? effective, DateOnly? expires = null,
        string? title = null) =>
        PolicyMetadata.Empty with
        {
            Jurisdiction = jurisdiction, Kind = kind, Status = status, Effective = effective, Issued = effective,
            Expires = expires, Title = title, Programme = ClusterPolicyMiner.Structure.Programmes.SmeCluster,
        };

    private static List<OutlineNode> Articles(string text)
    {
        var matches = ArticleLine().Matches(text).ToList();
        return matches.Select((m, i) =>
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            return new OutlineNode(OutlineKind.Article, ChineseNumber(m.Groups[1].Value), null, $"第{m.Groups[1].Value}条", m.Index, end, []);
        }).ToList();
    }

    /// <summary>一 … 九十九, enough for test articles.</summary>
    internal static int ChineseNumber(string s)
    {
        const string digits = "零一二三四五六七八九";
        if (s.Contains('十'))
        {
            var parts = s.Split('十');
            var tens = parts[0].Length == 0 ? 1 : digits.IndexOf(parts[0][0]);
            var ones = parts[1].Length == 0 ? 0 : digits.IndexOf(parts[1][0]);
            return tens * 10 + ones;
        }
        return digits.IndexOf(s[0]);
    }

    [GeneratedRegex(@"(?m)^第([一二三四五六七八九十]+)条")]
    private static partial Regex ArticleLine();

    // The criteria paragraphs, quoted from the seeds (Qinghai 000, Shaanxi 001, Beijing 002, Shanghai 003 in T→S).
    public const string QinghaiCriteria =
        "第一条 占地面积一般不超过100平方公里，近三年产值均在20亿元以上，中小企业产值占集群总产值50%以上，主导产业占集群总产值比例高于50%，产值年均增速高于5%。\n" +
        "第二条 拥有不少于1家主导产业的制造业单项冠军企业或专精特新“小巨人”企业，或者不少于6家专精特新中小企业、创新型中小企业和国家级高新技术企业。\n";

    public static PolicyDocument Qinghai { get; } = Make("qinghai-2023",
        Meta("青海省", "implementing-rules", "final", new DateOnly(2023, 6, 27), new DateOnly(2025, 6, 26), "青海省促进中小企业特色产业集群发展实施细则"),
        QinghaiCriteria,
        new("area_km2", "占地面积", "<=", 100, "km2", "不超过", "占地面积一般不超过100平方公里", ["soft"]),
        new("output_3y_each", "近三年产值", ">=", 2_000_000_000, "CNY", "以上", "近三年产值均在20亿元以上", ["each-of-last-3-years"]),
        new("sme_output_share", "中小企业产值占集群总产值", ">=", 50, "%", "以上", "中小企业产值占集群总产值50%以上"),
        new("leading_industry_share", "主导产业占集群总产值比例", ">", 50, "%", "高于", "主导产业占集群总产值比例高于50%"),
        new("output_growth_annual", "产值年均增速", ">", 5, "%", "高于", "产值年均增速高于5%", ["annual-average"]),
        new("champion_or_little_giant_count", "制造业单项冠军企业或专精特新“小巨人”企业", ">=", 1, "count", "不少于", "不少于1家主导产业的制造业单项冠军企业或专精特新“小巨人”企业", null, "g1"),
        new("specialized_sme_count", "专精特新中小企业、创新型中小企业和国家级高新技术企业", ">=", 6, "count", "不少于", "不少于6家专精特新中小企业、创新型中小企业和国家级高新技术企业", null, "g1"));

    public const string ShaanxiCriteria =
        "第一条 占地面积一般不超过100平方公里，近三年产值均在30亿元以上，中小企业产值占集群总产值高于70%，主导产业占集群总产值比例高于70%，产值年均增速高于8%。\n" +
        "第二条 有效发明专利年均增长率不低于10%，每万人有效发明专利拥有量不低于12个。\n";

    public static PolicyDocument Shaanxi { get; } = Make("shaanxi-2023",
        Meta("陕西省", "implementing-measures", "final", new DateOnly(2023, 4, 28), null, "陕西省促进中小企业特色产业集群发展实施办法（暂行）"),
        ShaanxiCriteria,
        new("area_km2", "占地面积", "<=", 100, "km2", "不超过", "占地面积一般不超过100平方公里", ["soft"]),
        new("output_3y_each", "近三年产值", ">=", 3_000_000_000, "CNY", "以上", "近三年产值均在30亿元以上", ["each-of-last-3-years"]),
        new("sme_output_share", "中小企业产值占集群总产值", ">", 70, "%", "高于", "中小企业产值占集群总产值高于70%"),
        new("leading_industry_share", "主导产业占集群总产值比例", ">", 70, "%", "高于", "主导产业占集群总产值比例高于70%"),
        new("output_growth_annual", "产值年均增速", ">", 8, "%", "高于", "产值年均增速高于8%", ["annual-average"]),
        new("patent_growth_annual", "有效发明专利年均增长率", ">=", 10, "%", "不低于", "有效发明专利年均增长率不低于10%"),
        new("patents_per_10k", "每万人有效发明专利拥有量", ">=", 12, "count", "不低于", "每万人有效发明专利拥有量不低于12个"));

    public const string BeijingCriteria =
        "第一条 集群占地面积一般不超过100平方公里，近三年产值均在40亿元以上，集群中小企业产值占集群总产值高于70%，产值年均增速高于10%，主导产业占集群总产值比例高于70%。\n";

    public static PolicyDocument Beijing { get; } = Make("beijing-2023-draft",
        Meta("北京市", "measures", "draft", null, null, "北京市促进中小企业特色产业集群发展管理办法(暂行)(征求意见稿)") with { Published = new DateOnly(2023, 8, 17) },
        BeijingCriteria,
        new("area_km2", "集群占地面积", "<=", 100, "km2", "不超过", "集群占地面积一般不超过100平方公里", ["soft"]),
        new("output_3y_each", "近三年产值", ">=", 4_000_000_000, "CNY", "以上", "近三年产值均在40亿元以上", ["each-of-last-3-years"]),
        new("sme_output_share", "集群中小企业产值占集群总产值", ">", 70, "%", "高于", "集群中小企业产值占集群总产值高于70%"),
        new("output_growth_annual", "产值年均增速", ">", 10, "%", "高于", "产值年均增速高于10%", ["annual-average"]),
        new("leading_industry_share", "主导产业占集群总产值比例", ">", 70, "%", "高于", "主导产业占集群总产值比例高于70%"));

    public const string ShanghaiCriteria =
        "第一条 占地面积一般不超过100平方公里，近三年产值均在30亿元以上，中小企业产值占集群总产值50%以上，主导产业产值占集群总产值比例50%以上，产值年均增速10%以上。\n";

    public static PolicyDocument Shanghai { get; } = Make("shanghai-2024",
        Meta("上海市", "application-notice", "final", new DateOnly(2024, 4, 16), null, "关于开展2024年度上海市中小企业特色产业集群申报工作的通知"),
        ShanghaiCriteria,
        new("area_km2", "占地面积", "<=", 100, "km2", "不超过", "占地面积一般不超过100平方公里", ["soft"]),
        new("output_3y_each", "近三年产值", ">=", 3_000_000_000, "CNY", "以上", "近三年产值均在30亿元以上", ["each-of-last-3-years"]),
        new("sme_output_share", "中小企业产值占集群总产值", ">=", 50, "%", "以上", "中小企业产值占集群总产值50%以上"),
        new("leading_industry_share", "主导产业产值占集群总产值比例", ">=", 50, "%", "以上", "主导产业产值占集群总产值比例50%以上"),
        new("output_growth_annual", "产值年均增速", ">=", 10, "%", "以上", "产值年均增速10%以上", ["annual-average"]));

    public static IReadOnlyList<PolicyDocument> All { get; } = [Qinghai, Shaanxi, Beijing, Shanghai];
}
