using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Clean;

/// <summary>The furniture of Chinese government and reposting portals, in simplified characters (the
/// normaliser converts traditional pages before cleaning). Collected from the seed pages and from the
/// usual footer and toolbar wording of provincial portals.</summary>
internal static partial class FurnitureLexicon
{
    /// <summary>Phrases that mark a line as furniture when the line starts with them or is not a sentence.</summary>
    public static readonly string[] Phrases =
    [
        "当前位置", "您的位置", "您现在的位置", "上一篇", "下一篇", "相关阅读", "相关链接", "相关文章", "相关新闻",
        "版权声明", "版权所有", "免责声明", "主办单位", "承办单位", "协办单位", "网站标识码", "ICP备", "公网安备",
        "打印本页", "关闭窗口", "扫一扫", "分享到", "来源:", "来源：", "发布时间", "浏览次数", "点击:", "点击：",
        "点击数", "阅读次数", "原文链接", "最新内容", "热点内容", "热门文章", "推荐阅读", "返回顶部", "网站地图",
        "【打印】", "【关闭】", "【大】", "【中】", "【小】", "[打印]", "[关闭]", "技术支持",
    ];

    /// <summary>Phrases after which, once the body has begun, nothing more of the notice follows.</summary>
    public static readonly string[] TailMarkers =
    [
        "上一篇", "下一篇", "相关阅读", "相关链接", "相关文章", "相关新闻", "版权声明", "版权所有", "免责声明",
        "原文链接", "最新内容", "热点内容", "热门文章", "推荐阅读", "主办单位", "网站标识码",
    ];

    /// <summary>Whole lines that are page widgets (contact and toolbar buttons, stray template words).</summary>
    public static readonly HashSet<string> Widgets = new(StringComparer.OrdinalIgnoreCase)
    {
        "TOP", "客服", "电话", "微信", "微博", "QQ", "返回顶部", "顶部", "在线客服", "分享", "收藏", "打印", "关闭",
        "首页", "Network", "|", "大", "中", "小", "字号", "English",
    };

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

    public static bool StartsWithPhrase(string line) => Phrases.Any(p => line.StartsWith(p, StringComparison.Ordinal));

    public static bool ContainsPhrase(string line) => Phrases.Any(p => line.Contains(p, StringComparison.Ordinal));

    public static bool IsTailMarker(string line) =>
        line.Length <= 40 && TailMarkers.Any(p => line.StartsWith(p, StringComparison.Ordinal));
}
