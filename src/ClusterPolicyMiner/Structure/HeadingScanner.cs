using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Structure;

/// <summary>A place where a heading could start: its kind, number and where its marker ends.</summary>
/// <param name="Suffix">For 第十二条之一, the 1 of 之一; otherwise 0.</param>
/// <param name="AtLineStart">Only whitespace since the last line break: strong evidence of a heading.</param>
/// <param name="Segment">The path segment, e.g. 第十二条, （二）, 一, 1, 附件.</param>
/// <param name="Inline">No boundary before it (总则第一条, 施行。”第二条 without a space, 公布施行第一条): weak
/// evidence, a heading only when its number is the one the numbering expects next.</param>
/// <param name="ReferenceLike">第X条 followed by what a reference may continue with, and a body may start
/// with (第九条项目建议书…, 第六条规定本市…, 第二十七条第二十五条第（三）项…): a heading only with all the
/// evidence (a boundary before, the expected number, and the next article after it).</param>
internal sealed record HeadingCandidate(
    OutlineKind Kind,
    int Number,
    int Suffix,
    int Start,
    int MarkerEnd,
    bool AtLineStart,
    string Segment,
    bool Inline = false,
    bool ReferenceLike = false);

/// <summary>Finds heading markers (第X章/节/条, 一、, （一）, 1., 附件) at positions where a heading may
/// begin: the start of a line, after whitespace, or after a sentence-ending mark. It does not depend on
/// line breaks: a text on one line separated by spaces or by 。 is scanned the same way. Whether a
/// candidate really opens a node is decided by <see cref="OutlineBuilder"/> from the numbering.
/// A page that lost its line breaks and spaces glues a 第X章/节/条 to what precedes it (第一章 总则第一条 …);
/// such markers are returned as well, flagged <see cref="HeadingCandidate.Inline"/>, unless the words
/// before them make them a reference (依照本条例第二十条, 《…》第五条).</summary>
internal static class HeadingScanner
{
    /// <summary>The start of an attachment list (附件：1. …): the notice's list of attachments, not an annex.</summary>
    public const OutlineKind AttachmentList = (OutlineKind)(-1);

    public static IEnumerable<HeadingCandidate> Scan(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('第' or '（' or '(' or '附') && !ChineseNumeral.IsNumeralChar(c)) continue;
            var boundary = BoundaryBefore(text, i);
            if (boundary is null)
            {
                if (c == '第' && !AfterReferenceWord(text, i) && Ordinal(text, i) is { } inline)
                    yield return inline with { Inline = true };
                continue;
            }
            var candidate = c switch
            {
                '第' => Ordinal(text, i),
                '（' or '(' => Item(text, i),
                '附' => Annex(text, i),
                _ => ChineseNumeral.IsAsciiOrWideDigit(c) ? Subitem(text, i) : Part(text, i),
            };
            if (candidate is not null)
                yield return candidate with { AtLineStart = boundary.Value };
        }
    }

    /// <summary>Null when <paramref name="i"/> is inside a sentence; true at a line start, false after
    /// whitespace or a sentence-ending mark.</summary>
    private static bool? BoundaryBefore(string text, int i)
    {
        var j = i - 1;
        var sawSpace = false;
        while (j >= 0 && IsInlineSpace(text[j])) { j--; sawSpace = true; }
        if (j < 0 || text[j] is '\n' or '\r') return true;
        if (sawSpace) return false;
        return text[j] is '。' or '；' or ';' or '：' or ':' or '！' or '？' ? false : null;
    }

    /// <summary>Words that, right before 第X条, make it a reference to a provision rather than a heading.
    /// Only words a chapter title does not end with: 参与, 协同 and 依据 end titles, so 与, 同 are not here.</summary>
    private static readonly string[] ReferenceWords =
    [
        "本法", "该法", "本条例", "该条例", "本规定", "本办法", "本细则", "本规则", "本决定", "本章程", "本意见",
        "本通知", "本章", "本节", "本编", "》", "依照", "根据", "按照", "违反", "适用", "参照", "参见", "详见",
    ];

    /// <summary>A reference word before <paramref name="i"/>, or a connector after another provision
    /// (第三条和第五条, 第十条、第十二条).</summary>
    private static bool AfterReferenceWord(string text, int i)
    {
        var before = text.AsSpan(0, i);
        foreach (var w in ReferenceWords)
        {
            if (!before.EndsWith(w, StringComparison.Ordinal)) continue;
            // 基本规定, 文本规定: 本 closes another word there, and the title is not a reference.
            var k = i - w.Length - 1;
            if (w[0] == '本' && k >= 0 && "基根资成样文版原日副剧课账".Contains(text[k])) continue;
            return true;
        }
        return i >= 2 && text[i - 1] is '和' or '及' or '或' or '与' or '、' or '至' or '到'
            && text[i - 2] is '条' or '款' or '项' or '章' or '节';
    }

    internal static bool IsInlineSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '\u2002' or '\u2003';

    /// <summary>第X章, 第X节, 第X条 and 第X条之Y; 第X编 is read but not a node kind, so it is skipped.</summary>
    private static HeadingCandidate? Ordinal(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && ChineseNumeral.IsNumeralChar(text[j])) j++;
        if (j == i + 1 || j >= text.Length) return null;
        var number = ChineseNumeral.Parse(text.AsSpan(i + 1, j - i - 1));
        if (number is null or 0) return null;
        var kind = text[j] switch
        {
            '章' => OutlineKind.Chapter,
            '节' => OutlineKind.Section,
            '条' => OutlineKind.Article,
            _ => (OutlineKind?)null,
        };
        if (kind is null) return null;
        var end = j + 1;
        var suffix = 0;
        if (kind == OutlineKind.Article && end < text.Length && text[end] == '之')
        {
            var k = end + 1;
            while (k < text.Length && ChineseNumeral.IsNumeralChar(text[k])) k++;
            if (k > end + 1 && ChineseNumeral.Parse(text.AsSpan(end + 1, k - end - 1)) is { } s and > 0)
            {
                suffix = s;
                end = k;
            }
        }
        if (IsReferenceContinuation(text, end)) return null;
        if (kind != OutlineKind.Article && MayContinueAReference(text, end)) return null; // 第二章第五条
        return new HeadingCandidate(kind.Value, number.Value, suffix, i, end, false, text[i..end],
            ReferenceLike: MayContinueAReference(text, end));
    }

    /// <summary>What follows a reference rather than a heading: 第十二条规定的, 第二章第五条, 第三条所称.</summary>
    private static bool IsReferenceContinuation(string text, int at)
    {
        if (at >= text.Length) return false;
        var rest = text.AsSpan(at, Math.Min(4, text.Length - at));
        return rest[0] is '、' or '，' or ',' or '的' or '）' or ')'
            || (rest.Length > 1 && rest[0] is '至' or '和' or '或' or '及' or '与' && rest[1] == '第')
            || (rest.StartsWith("规定") && (rest.Length < 3 || rest[2] is '的' or '，' or ',' or '、' or '。' or '；' or '：'))
            || rest.StartsWith("之规定") || rest.StartsWith("所称")
            || rest.StartsWith("所列") || rest.StartsWith("所述") || rest.StartsWith("所规定")
            || rest.StartsWith("中规定") || rest.StartsWith("以外") || rest.StartsWith("以及");
    }

    /// <summary>第十二条第一款, 第九条项目…, 第六条规定本市…: a reference as likely as a heading whose body starts so.</summary>
    private static bool MayContinueAReference(string text, int at) =>
        at < text.Length && (text[at] is '第' or '款' or '项' || text.AsSpan(at).StartsWith("规定"));

    /// <summary>（一） or (一): an item.</summary>
    private static HeadingCandidate? Item(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && IsInlineSpace(text[j])) j++;
        var numStart = j;
        while (j < text.Length && ChineseNumeral.IsNumeralChar(text[j]) && !ChineseNumeral.IsAsciiOrWideDigit(text[j])) j++;
        if (j == numStart || j - numStart > 3) return null;
        var numEnd = j;
        while (j < text.Length && IsInlineSpace(text[j])) j++;
        if (j >= text.Length || text[j] is not ('）' or ')')) return null;
        if (ChineseNumeral.Parse(text.AsSpan(numStart, numEnd - numStart)) is not (> 0 and var n)) return null;
        return new HeadingCandidate(OutlineKind.Item, n, 0, i, j + 1, false, "（" + text[numStart..numEnd] + "）");
    }

    /// <summary>一、: a part.</summary>
    private static HeadingCandidate? Part(string text, int i)
    {
        var j = i;
        while (j < text.Length && ChineseNumeral.IsNumeralChar(text[j]) && !ChineseNumeral.IsAsciiOrWideDigit(text[j])) j++;
        if (j == i || j - i > 3 || j >= text.Length || text[j] != '、') return null;
        if (ChineseNumeral.Parse(text.AsSpan(i, j - i)) is not (> 0 and var n)) return null;
        return new HeadingCandidate(OutlineKind.Part, n, 0, i, j + 1, false, text[i..j]);
    }

    /// <summary>1. or 1、 (not 1.5 nor a year): a subitem.</summary>
    private static HeadingCandidate? Subitem(string text, int i)
    {
        var j = i;
        while (j < text.Length && ChineseNumeral.IsAsciiOrWideDigit(text[j])) j++;
        if (j - i > 2 || j >= text.Length || text[j] is not ('.' or '．' or '、')) return null;
        if (j + 1 < text.Length && ChineseNumeral.IsAsciiOrWideDigit(text[j + 1])) return null;
        var n = ChineseNumeral.Parse(text.AsSpan(i, j - i))!.Value;
        if (n == 0) return null;
        var segment = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new HeadingCandidate(OutlineKind.Subitem, n, 0, i, j + 1, false, segment);
    }

    /// <summary>附件, 附件2, 附件：: an annex heading; 附件：1. … is the attachment list instead.</summary>
    private static HeadingCandidate? Annex(string text, int i)
    {
        if (i + 1 >= text.Length || text[i + 1] != '件') return null;
        var j = i + 2;
        var numStart = j;
        while (j < text.Length && ChineseNumeral.IsAsciiOrWideDigit(text[j])) j++;
        var number = j > numStart ? ChineseNumeral.Parse(text.AsSpan(numStart, j - numStart))!.Value : 1;
        var segment = "附件" + (j > numStart ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        if (j < text.Length && text[j] is '：' or ':') j++;
        else if (j < text.Length && !char.IsWhiteSpace(text[j])) return null; // 附件材料, 附件中…
        var end = j;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        var k = j;
        while (k < text.Length && ChineseNumeral.IsAsciiOrWideDigit(text[k])) k++;
        if (k > j && k < text.Length && text[k] is '.' or '．' or '、')
            return new HeadingCandidate(AttachmentList, 0, 0, i, end, false, "附件");
        return new HeadingCandidate(OutlineKind.Annex, number, 0, i, end, false, segment);
    }
}
