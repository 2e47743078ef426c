using System.Text;
using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Normalize;

/// <summary>The character-level normalisations: they change characters, never the layout, so they also
/// apply to HTML markup.</summary>
internal static partial class CharacterSteps
{
    /// <summary>Full-width ASCII letters, digits and the symbols that numbers and codes use (％ ＋ － ． ／ …)
    /// become half-width. Full-width CJK punctuation that Chinese prose uses (，。；：（）！？［］｛｝＂＇)
    /// stays, and so does the ideographic space, which is layout.</summary>
    public static string Width(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E');
        if (first < 0) return text;
        char[]? buffer = null;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < '\uFF01' or > '\uFF5E' || KeepsFullWidth(c)) continue;
            buffer ??= text.ToCharArray();
            buffer[i] = (char)(c - 0xFEE0);
        }
        return buffer is null ? text : new string(buffer);
    }

    private static bool KeepsFullWidth(char c) => c is '！' or '＂' or '＇' or '（' or '）' or '，' or '：' or '；'
        or '？' or '［' or '］' or '｛' or '｝';

    /// <summary>Pinyin in parentheses right after an ideograph, as some sites print it after every character
    /// (區(qū), 門(mén), 業(yè)): removed, with any repeats. A syllable counts as pinyin only when it is 1–7
    /// lower-case letters with at least one tone mark, so (a), (州), (2023), (暂行) stay; unmarked
    /// neutral-tone syllables such as (de) stay too, because nothing tells them from a list label.</summary>
    /// <param name="text">The text.</param>
    /// <param name="acrossLineBreak">Whether a mark on the line after its character goes too; not in markup,
    /// whose line breaks are left alone.</param>
    public static string PinyinAnnotations(string text, bool acrossLineBreak)
    {
        if (text.IndexOfAny(['(', '（']) < 0) return text;
        return (acrossLineBreak ? PinyinRegex() : PinyinInlineRegex()).Replace(text, "");
    }

    // An annotation may sit apart from its character by spaces, invisible characters or one line break
    // (区 (qū), 业(yè) (qū)): the layout steps that run later would otherwise bring the two together.
    private const string InlineGap = @"[ \t\u00A0\u3000\u200B\uFEFF]*";
    private const string Gap = @"[ \t\u00A0\u3000\u200B\uFEFF]*(?:\r?\n[ \t\u00A0\u3000\u200B\uFEFF]*)?";
    private const string Syllable = @"[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[)）]";

    [GeneratedRegex(@"(?<=[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])(?:" + Gap + Syllable + ")+",
        RegexOptions.CultureInvariant)]
    private static partial Regex PinyinRegex();

    [GeneratedRegex(@"(?<=[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])(?:" + InlineGap + Syllable + ")+",
        RegexOptions.CultureInvariant)]
    private static partial Regex PinyinInlineRegex();

    /// <summary>The brackets of a document number's year (陕工信发[2023]89号, 晋企发【2023】35号,
    /// 工信部企业(2022)119号) become 〔〕. Only a 4-digit year right after an ideograph and right before the
    /// serial number and 号 counts, so (2023) elsewhere stays as it is.</summary>
    public static string DocNumberBrackets(string text)
    {
        if (text.IndexOf('号') < 0) return text;
        return DocNumberRegex().Replace(text, m => "〔" + m.Groups[1].Value + "〕" + m.Groups[2].Value + "号");
    }

    [GeneratedRegex(@"(?<=[\u4E00-\u9FFF])[〔\[【［(（] ?((?:19|20)\d\d) ?[〕\]】］)）] ?(\d{1,5}) ?号", RegexOptions.CultureInvariant)]
    private static partial Regex DocNumberRegex();
}
