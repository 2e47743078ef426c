using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Structure;

/// <summary>Reads every 《title》 the text references, with the document number given in the brackets
/// after it: 《促进…暂行办法》（工信部企业〔2022〕119号）.</summary>
/// <remarks>
/// Decisions: a cited notice that publishes a measure, 《工业和信息化部关于印发&lt;促进…暂行办法&gt;的通知》,
/// is cited by the measure's title, since that is what the text relies on and how other provinces cite it
/// (the number still identifies the notice). A short form defined in the brackets, （…，以下简称《暂行办法》）,
/// resolves to the full citation and is not listed again. The document's own titles are not citations.
/// Titles are listed once, in order of first appearance, with the first number given for them.
/// </remarks>
internal static partial class CitationReader
{
    public static IReadOnlyList<Citation> Read(string text, IEnumerable<string?> ownTitles)
    {
        var own = ownTitles.Where(t => t is not null).Select(t => t!).ToHashSet();
        var aliases = new Dictionary<string, string>();
        var order = new List<string>();
        var numbers = new Dictionary<string, string?>();

        var i = 0;
        while ((i = text.IndexOf('《', i)) >= 0)
        {
            var close = MatchingClose(text, i);
            if (close < 0) break;
            var title = CanonicalTitle(text[(i + 1)..close]);
            i = close + 1;
            string? number = null;
            if (BracketAfter(text, i) is var (content, end))
            {
                if (DocNumberRegex().Match(content) is { Success: true } n && n.Index <= 1)
                    number = NormalizeDocNumber(n.Value);
                if (AliasRegex().Match(content) is { Success: true } a)
                    aliases[NoticeWrapper.Squeeze(a.Groups["alias"].Value)] = title;
                i = end;
            }
            if (aliases.TryGetValue(title, out var full) && full != title) title = full;
            if (title.Length == 0 || own.Contains(title)) continue;
            if (!numbers.TryGetValue(title, out var known))
            {
                order.Add(title);
                numbers[title] = number;
            }
            else if (known is null && number is not null)
                numbers[title] = number;
        }
        return [.. order.Select(t => new Citation(t, numbers[t]))];
    }

    /// <summary>Brackets are normalised to 〔〕 and spaces dropped: 陕工信发〔2023〕89号.</summary>
    public static string NormalizeDocNumber(string raw)
    {
        var s = NoticeWrapper.Squeeze(raw);
        var m = DocNumberRegex().Match(s);
        return m.Success ? $"{m.Groups["org"].Value}〔{m.Groups["year"].Value}〕{m.Groups["seq"].Value}号" : s;
    }

    [GeneratedRegex(@"(?<org>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,16}?)\s*[〔\[［【(（﹝]\s*(?<year>[12]\d{3})\s*[〕\]］】)）﹞]\s*第?\s*(?<seq>\d{1,5})\s*号")]
    public static partial Regex DocNumberRegex();

    /// <summary>The index of the 》 that closes the 《 at <paramref name="open"/>, minding nested 《》.</summary>
    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        for (var j = open; j < text.Length && j < open + 200; j++)
        {
            if (text[j] == '《') depth++;
            else if (text[j] == '》' && --depth == 0) return j;
        }
        return -1;
    }

    /// <summary>The title without spaces; 《X关于印发&lt;Y&gt;的通知》 becomes Y.</summary>
    private static string CanonicalTitle(string raw)
    {
        var title = NoticeWrapper.Squeeze(raw);
        var m = InnerMeasureRegex().Match(title);
        return m.Success ? m.Groups["measure"].Value : title;
    }

    /// <summary>The content of a bracket that directly follows a title, and the index after it.</summary>
    private static (string Content, int End)? BracketAfter(string text, int at)
    {
        while (at < text.Length && HeadingScanner.IsInlineSpace(text[at])) at++;
        if (at >= text.Length || text[at] is not ('（' or '(')) return null;
        var depth = 0;
        for (var j = at; j < text.Length && j < at + 120; j++)
        {
            if (text[j] is '（' or '(') depth++;
            else if (text[j] is '）' or ')' && --depth == 0) return (text[(at + 1)..j], j + 1);
        }
        return null;
    }

    [GeneratedRegex(@"关于(?:印发|发布|公布|转发)[<〈《＜](?<measure>[^<>〈〉《》＜＞]+)[>〉》＞]的(?:通知|公告)$")]
    private static partial Regex InnerMeasureRegex();

    [GeneratedRegex(@"以下(?:简称|称)\s*《(?<alias>[^《》]{1,30})》")]
    private static partial Regex AliasRegex();
}
