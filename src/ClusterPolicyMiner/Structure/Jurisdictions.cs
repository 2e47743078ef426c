namespace ClusterPolicyMiner.Structure;

/// <summary>The 31 province-level divisions of the mainland by full name, and the bodies whose
/// documents are national (全国).</summary>
internal static class Jurisdictions
{
    public const string National = "全国";

    public static IReadOnlyList<string> Provinces { get; } =
    [
        "北京市", "天津市", "上海市", "重庆市",
        "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省",
        "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
        "甘肃省", "青海省",
        "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    ];

    /// <summary>Names that begin the name of a national body.</summary>
    private static readonly string[] NationalBodies =
    [
        "国务院", "中共中央", "全国人民代表大会", "工业和信息化部", "国家发展和改革委员会", "国家发展改革委",
        "财政部", "科学技术部", "科技部", "商务部", "人力资源和社会保障部", "自然资源部", "生态环境部",
        "中国人民银行", "国家市场监督管理总局", "国家税务总局", "国家知识产权局",
    ];

    /// <summary>The division a name (an issuer or a title) begins with, 全国 for national bodies, else null.</summary>
    public static string? FromName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        foreach (var p in Provinces)
            if (name.StartsWith(p, StringComparison.Ordinal)) return p;
        foreach (var b in NationalBodies)
            if (name.StartsWith(b, StringComparison.Ordinal)) return National;
        return null;
    }

    /// <summary>The one division a text names, or null when it names none or several.</summary>
    public static string? OnlyOneNamedIn(string text)
    {
        string? found = null;
        foreach (var p in Provinces)
        {
            if (!text.Contains(p, StringComparison.Ordinal)) continue;
            if (found is not null) return null;
            found = p;
        }
        return found;
    }
}
