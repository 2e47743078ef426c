using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Structure;

/// <summary>Where a named body sits: its province-level division (or 全国) and its level (全国/省/市/县).</summary>
internal sealed record Located(string Jurisdiction, string Level);

/// <summary>The 31 province-level divisions of the mainland by full name, the bodies whose documents are
/// national (全国), and the cities and counties of the data file Structure/Data/divisions.txt, so that a
/// city or county issuer maps to its province.</summary>
internal static partial class Jurisdictions
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
        "中国人民银行", "国家市场监督管理总局", "国家税务总局", "国家知识产权局", "农业农村部",
    ];

    /// <summary>City and county names of the data file, longest first, with their province and level;
    /// a name listed under two provinces has a null province (ambiguous).</summary>
    private static readonly Lazy<IReadOnlyList<(string Name, string? Province, string Level)>> Divisions = new(LoadDivisions);

    /// <summary>The division a name (an issuer or a title) begins with, 全国 for national bodies, else null.</summary>
    public static string? FromName(string? name) => Locate(name)?.Jurisdiction;

    /// <summary>The division and level of a body's name: a province (省), a national body (全国), or a city
    /// or county of the data file (with or without its province before it).</summary>
    public static Located? Locate(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        foreach (var b in NationalBodies)
            if (name.StartsWith(b, StringComparison.Ordinal)) return new Located(National, National);
        var province = Provinces.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
        var rest = province is null ? name : name[province.Length..];
        foreach (var (division, divisionProvince, level) in Divisions.Value)
        {
            if (!rest.StartsWith(division, StringComparison.Ordinal)) continue;
            if (province is not null && divisionProvince is not null && divisionProvince != province) continue;
            if ((province ?? divisionProvince) is { } p) return new Located(p, level);
        }
        if (province is null) return null;
        // A city or county the data file does not list, written after its province: 浙江省某某市, 北京市某某区.
        if (SubdivisionRegex().Match(rest) is { Success: true } m)
            return new Located(province, m.Groups["county"].Success ? "县" : "市");
        return new Located(province, "省");
    }

    /// <summary>The one division a text names (a province by name, or cities and counties that all lie in
    /// one province), or null when it names none or several.</summary>
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

    /// <summary>The one province the cities and counties named in a title lie in, or null.</summary>
    public static string? ProvinceOfPlacesIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var found = Divisions.Value.Where(d => d.Province is not null && text.Contains(d.Name, StringComparison.Ordinal))
            .Select(d => d.Province!).Distinct().ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static IReadOnlyList<(string, string?, string)> LoadDivisions()
    {
        using var stream = typeof(Jurisdictions).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Structure.divisions.txt")
            ?? throw new InvalidOperationException("embedded divisions.txt is missing");
        using var reader = new StreamReader(stream);
        var byName = new Dictionary<string, (string? Province, string Level)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in parts.Skip(2))
                byName[name] = byName.TryGetValue(name, out var known) && known.Province != parts[0]
                    ? (null, parts[1])
                    : (parts[0], parts[1]);
        }
        return [.. byName.OrderByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value.Province, kv.Value.Level))];
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,8}?(?:(?<county>县|区|旗)|市|州|盟|地区)(?!委|政府|场|监)")]
    private static partial Regex SubdivisionRegex();
}
