using System.Text.RegularExpressions;
using static ClusterPolicyMiner.Numbers.NumeralText;

namespace ClusterPolicyMiner.Numbers;

/// <summary>Finds the numbers in a Chinese text and tells quantities (money, percentages, areas, counts)
/// from ordinals, years, dates and durations. Pure; never throws on odd text.</summary>
public static partial class ChineseNumberRecognizer
{
    public static IReadOnlyList<NumberMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nt = NumeralText.From(text);
        var s = nt.Text;
        var urls = UrlPattern().Matches(s).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var found = new List<Reading>();
        var i = 0;
        var nextUrl = 0;   // urls come in text order and do not overlap, and i only grows
        while (i < s.Length)
        {
            while (nextUrl < urls.Count && urls[nextUrl].End <= i) nextUrl++;
            if (nextUrl < urls.Count && urls[nextUrl].Index <= i) { i = urls[nextUrl].End; continue; }
            // Most characters start nothing ReadAt reads: they are passed over without a call.
            if (!MayStart(s[i])) { i++; continue; }

            try
            {
                i = ReadAt(s, i, found);
            }
            catch (OverflowException)
            {
                // A safety net: the parser reports its own overflows; any other arithmetic that overflows
                // on an absurd numeral is an out-of-range number, never an exception.
                var end = i + 1;
                while (end < s.Length && IsNumeralChar(s[end])) end++;
                found.Add(new Reading(NumberKind.OutOfRange, null, null, null, i, end, null));
                i = end;
            }
        }
        return found.Select(r => r.ToMention(nt, text)).ToList();
    }

    /// <summary>Reads what starts at <paramref name="i"/> into <paramref name="found"/>; returns where to go on.</summary>
    private static int ReadAt(string s, int i, List<Reading> found)
    {
        if (s[i] == '第')
        {
            var n = NumeralParser.Parse(s, i + 1, allowSign: false, afterKeyword: true);
            if (!n.Valid) return i + 1;
            found.Add(new Reading(NumberKind.Ordinal, n.Value, null, null, i, n.End, null));
            return n.End;
        }
        if (PercentPrefix(s, i) is { } percent)
        {
            var reading = SuffixReader.TryRange(s, percent, PercentPrefix) ?? percent;
            found.Add(reading);
            return reading.End;
        }
        if (!IsNumeralStart(s, i)) return i + 1;

        var numeral = NumeralParser.Parse(s, i);
        if (numeral.OutOfRange)
        {
            found.Add(new Reading(NumberKind.OutOfRange, null, null, null, i, numeral.End, null));
            return numeral.End;
        }
        if (!numeral.Valid || IsWordNotNumber(s, i)) return Math.Max(numeral.End, i + 1);
        var read = SuffixReader.Read(s, numeral);
        read = SuffixReader.TryRange(s, read, PercentPrefix) ?? SuffixReader.DateRangeEnd(s, read) ?? read;
        found.Add(read);
        return read.End;
    }

    /// <summary>百分之五十, 千分之二点四, 百万分之五: the denominator is written first, with no numeral
    /// before it (一百分之二 is a fraction, read by the suffix reader).</summary>
    private static Reading? PercentPrefix(string s, int i)
    {
        if (i > 0 && IsNumeralChar(s[i - 1])) return null;
        var j = i;
        decimal denominator = 1;
        var sawUnit = false;
        while (j < s.Length && (SmallUnit(s[j]) > 0 || BigUnit(s[j]) > 0) && s[j] != '十')
        {
            denominator *= SmallUnit(s[j]) > 0 ? SmallUnit(s[j]) : BigUnit(s[j]);
            sawUnit = true;
            j++;
        }
        if (!sawUnit || !At(s, j, "分之")) return null;
        var k = j + 2;
        if (denominator == 100 && k < s.Length && s[k] is '百' or '佰'
            && (k + 1 >= s.Length || !IsNumeralChar(s[k + 1]) && s[k + 1] != '分'))
            return new Reading(NumberKind.Percent, 100, null, "%", i, k + 1, null);
        var n = NumeralParser.Parse(s, k, afterKeyword: true);
        if (!n.Valid) return null;
        return new Reading(NumberKind.Percent, n.Value * 100 / denominator, null, "%", i, n.End, null);
    }

    /// <summary>Whether <see cref="ReadAt"/> may read anything at a character: 第, a numeral character (the
    /// units of a 百分之 prefix among them), or what else <see cref="IsNumeralStart"/> accepts.</summary>
    private static bool MayStart(char c) => c is '第' or '几' or '.' or '-' or '负' || IsNumeralChar(c);

    private static bool IsNumeralStart(string s, int i)
    {
        var c = s[i];
        if (IsNumeralChar(c)) return true;
        if (c == '几' && i + 1 < s.Length && (SmallUnit(s[i + 1]) > 0 || BigUnit(s[i + 1]) > 0)) return true;
        if (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])) return true;
        if (c is '-' or '负' && i + 1 < s.Length)
        {
            var before = i > 0 ? s[i - 1] : ' ';
            if (char.IsAsciiDigit(before) || before is '%' or '-' || IsNumeralChar(before)) return false;
            return IsNumeralChar(s[i + 1]) || s[i + 1] == '.';
        }
        return false;
    }

    /// <summary>Words whose numeral character is not a number (一般, 四川, 统一); the offset is where the
    /// numeral sits in the word.</summary>
    private static readonly (string Word, int At)[] Words =
    [
        ("一切", 0), ("一看", 0), ("四川", 0), ("十足", 0), ("十分", 0), ("一般", 0), ("一律", 0), ("一经", 0),
        ("一体", 0), ("一带一路", 0), ("一带一路", 2), ("一些", 0), ("一旦", 0), ("一致", 0), ("一直", 0),
        ("一并", 0), ("一起", 0), ("一定", 0), ("统一", 1), ("唯一", 1), ("同一", 1), ("万一", 1), ("逐一", 1),
        ("进一步", 1), ("一方面", 0), ("之一", 1), ("一流", 0), ("一站式", 0), ("一线", 0), ("一是", 0), ("一级", 0),
        ("一批", 0), ("一次性", 0), ("单一", 1), ("零售", 0), ("零星", 0), ("零部件", 0), ("零件", 0), ("零距离", 0),
    ];

    private static bool IsWordNotNumber(string s, int i) =>
        Words.Any(w => i - w.At >= 0 && At(s, i - w.At, w.Word));

    internal static bool At(string s, int i, string word) =>
        i >= 0 && i + word.Length <= s.Length && string.CompareOrdinal(s, i, word, 0, word.Length) == 0;

    [GeneratedRegex(@"https?://[\x21-\x7E]+")]
    private static partial Regex UrlPattern();
}

/// <summary>A mention while scanning, with offsets in the folded text.</summary>
internal sealed record Reading(NumberKind Kind, decimal? Value, decimal? Upper, string? Unit, int Start, int End, string? DateText,
    char? Open = null)
{
    /// <summary>1.5 × 10^8 is 150000000, not 150000000.0: trailing zeros of the scale are dropped.</summary>
    private static decimal? Trim(decimal? d) => d / 1.000000000000000000000000000000000m;

    public NumberMention ToMention(NumeralText nt, string original)
    {
        var start = nt.Original(Start);
        var end = nt.OriginalEnd(End);
        return new NumberMention(Kind, Trim(Value), Trim(Upper), Unit, start, end, original[start..end], DateText, Open?.ToString());
    }
}
