using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Clean;

/// <summary>The furniture of Chinese government and reposting portals, in simplified characters (the
/// normaliser converts traditional pages before cleaning). Collected from the seed pages and from the
/// usual footer and toolbar wording of provincial portals.</summary>
internal static partial class FurnitureLexicon
{
    /// <summary>Phrases that mark a line as furniture when the line starts with them or is not a sentence.</summary>
    public static IReadOnlyList<string> Phrases => Data.Value.Phrases;

    /// <summary>Phrases after which, once the body has begun, nothing more of the notice follows.</summary>
    public static IReadOnlyList<string> TailMarkers => Data.Value.Tail;

    /// <summary>Whole lines that are page widgets (contact and toolbar buttons, stray template words).</summary>
    public static IReadOnlySet<string> Widgets => Data.Value.Widgets;

    /// <summary>Phrases that make even a sentence furniture: advertising, disclaimers, repost notes.</summary>
    public static IReadOnlyList<string> Promo => Data.Value.Promo;

    private sealed record Lexicon(IReadOnlyList<string> Phrases, IReadOnlyList<string> Tail, IReadOnlySet<string> Widgets, IReadOnlyList<string> Promo);

    private static readonly Lazy<Lexicon> Data = new(Load);

    /// <summary>Reads the embedded Clean/Data/furniture.txt: phrases under [section] headers.</summary>
    private static Lexicon Load()
    {
        using var stream = typeof(FurnitureLexicon).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Clean.furniture.txt")
            ?? throw new InvalidOperationException("embedded furniture.txt is missing");
        using var reader = new StreamReader(stream);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var current = "";
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']') && line.Length > 2 && line[1..^1].All(char.IsAsciiLetterLower))
            {
                current = line[1..^1];
                continue;
            }
            if (!sections.TryGetValue(current, out var list)) sections[current] = list = [];
            list.Add(line);
        }
        List<string> Of(string name) => sections.GetValueOrDefault(name) ?? [];
        return new Lexicon(Of("phrases"), Of("tail"), new HashSet<string>(Of("widgets"), StringComparer.OrdinalIgnoreCase), Of("promo"));
    }

    /// <summary>A phone number: a landline with its area code, a 400/800 service number or a mobile number.</summary>
    [GeneratedRegex(@"(?<!\d)(?:0\d{2,3}-?\d{7,8}|[48]00-?\d{3}-?\d{4}|1[3-9]\d{9}|852-?\d{8})(?!\d)")]
    public static partial Regex PhoneNumber();

    /// <summary>A keyword run of an SEO strip: four or more short terms joined by `_` (or `|`).</summary>
    [GeneratedRegex(@"^(?:[^_|。，；]{1,14}[_|]){3,}[^_|。，；]{1,14}$")]
    public static partial Regex KeywordRun();

    /// <summary>Words of a service or advertising line around a phone number.</summary>
    [GeneratedRegex(@"热线|客服|咨询|微信|QQ|投诉|举报|投稿|广告|招商")]
    public static partial Regex ServiceWord();

    /// <summary>A contact line of the notice itself (联系人, 联系电话, 联系方式): its phone number belongs to the body.</summary>
    [GeneratedRegex(@"^(?:[（(]?[一二三四五六七八九十\d]+[、.）)]\s*)?(?:联系人|联系电话|联系方式|联系地址)")]
    public static partial Regex ContactLine();

    /// <summary>A bare organisation or site name (江西省工业和信息化厅, 某某县人民政府门户网站).</summary>
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}（）()]{2,30}(?:厅|局|委员会|委|人民政府|政府|办公厅|办公室|门户网站|网站|网)$")]
    public static partial Regex OrgName();

    /// <summary>A site's own name: …网, …网站, …门户网站 (a banner, never the notice).</summary>
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,24}(?:门户网站|网站|网)$")]
    public static partial Regex SiteName();

    /// <summary>`字号 大 中 小`, `字体：【大 中 小】` and the like.</summary>
    [GeneratedRegex(@"^(字号|字体)[:：]?\s*[【\[]?\s*大\s*中\s*小\s*[】\]]?$")]
    public static partial Regex FontSizeBar();

    /// <summary>A breadcrumb: `当前位置:主页 > 新闻中心 > 产业规划 >` or `首页 > 政务公开`.</summary>
    [GeneratedRegex(@"^(当前位置|您的位置|您现在的位置|位置)[:：]|^(网站)?(首页|主页)\s*[>›»/]|([^>›»\s]{1,12}\s*[>›»]\s*){2,}")]
    public static partial Regex Breadcrumb();

    /// <summary>A menu or link-list item as page-to-text dumps write it: `- 政策解读`, `· 高新区新聞`.</summary>
    [GeneratedRegex(@"^[-·•●▪■◆>]\s*\S")]
    public static partial Regex MenuItemPrefix();

    /// <summary>Leftovers of HTML: tags, or quote and angle bracket debris left by an attribute.</summary>
    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>|^[""'/>\s]+$")]
    public static partial Regex HtmlDebris();

    /// <summary>Attribute debris at the end of a line whose text is otherwise body (`…23117616)">`).</summary>
    [GeneratedRegex(@"\s*[""']\s*/?>\s*$")]
    public static partial Regex TrailingAttributeEnd();

    /// <summary>A pipe left from a toolbar at the end of the body line (`…切实可行。 |`).</summary>
    [GeneratedRegex(@"\s+\|\s*$")]
    public static partial Regex TrailingPipe();

    /// <summary>A headline: ends with the kind of document, optionally with bracketed qualifiers, and has no
    /// clause punctuation (`关于…的通知`, `…管理办法(暂行)(征求意见稿)`).</summary>
    [GeneratedRegex(@"(通知|公告|通告|办法|细则|意见|方案|规划|决定|公示|指南|名单|批复|规定|措施|条例|通报|征求意见稿|实施方案|新闻|公报)([（(][^（()）]{1,12}[）)])*$")]
    public static partial Regex TitleEnding();

    /// <summary>Attribute debris at the end of a line, checked cheaply before the regex.</summary>
    public static string StripTrailingDebris(string line)
    {
        var t = line.TrimEnd();
        if (t.EndsWith('>')) t = TrailingAttributeEnd().Replace(t, "");
        if (t.EndsWith('|')) t = TrailingPipe().Replace(t, "");
        return t.Length == line.Length ? line : t.TrimEnd();
    }

    public static bool IsHtmlDebris(string line) =>
        line.AsSpan().IndexOfAny('<', '>') >= 0 && HtmlDebris().IsMatch(line);

    public static bool IsBreadcrumb(string line) =>
        (line.AsSpan().IndexOfAny('>', '›', '»') >= 0 || line.Contains("位置", StringComparison.Ordinal))
        && Breadcrumb().IsMatch(line);

    public static bool ContainsPromo(string line) => Promo.Any(p => line.Contains(p, StringComparison.Ordinal));

    public static bool StartsWithPhrase(string line) => Phrases.Any(p => line.StartsWith(p, StringComparison.Ordinal));

    public static bool ContainsPhrase(string line) => Phrases.Any(p => line.Contains(p, StringComparison.Ordinal));

    public static bool IsTailMarker(string line) =>
        line.Length <= 40 && TailMarkers.Any(p => line.StartsWith(p, StringComparison.Ordinal));
}
