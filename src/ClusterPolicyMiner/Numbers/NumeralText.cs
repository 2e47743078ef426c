using System.Text;

namespace ClusterPolicyMiner.Numbers;

/// <summary>The text the scanner reads: full-width forms and traditional numeral characters folded
/// one-for-one, and spaces inside a numeral removed ("一百 五 十", "2025 年"), with a map back to the
/// offsets of the original text.</summary>
internal sealed class NumeralText
{
    private readonly int[] _map;

    public string Text { get; }

    private NumeralText(string text, int[] map)
    {
        Text = text;
        _map = map;
    }

    /// <summary>Offset in the original text of the character at <paramref name="index"/>.</summary>
    public int Original(int index) => _map[index];

    /// <summary>Offset in the original text just past the character before <paramref name="end"/>.</summary>
    public int OriginalEnd(int end) => _map[end - 1] + 1;

    public static NumeralText From(string original)
    {
        var folded = new char[original.Length];
        for (var i = 0; i < original.Length; i++) folded[i] = Fold(original[i]);

        var sb = new StringBuilder(original.Length);
        var map = new List<int>(original.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            if (char.IsWhiteSpace(folded[i]) && sb.Length > 0)
            {
                var j = i;
                while (j < folded.Length && char.IsWhiteSpace(folded[j])) j++;
                if (j < folded.Length && JoinsAcrossSpace(sb[^1], folded[j]))
                {
                    i = j - 1;
                    continue;
                }
            }
            sb.Append(folded[i]);
            map.Add(i);
        }
        return new NumeralText(sb.ToString(), [.. map]);
    }

    /// <summary>Spaces are dropped between two characters of a numeral when at least one is Chinese:
    /// two Arabic groups separated by a space stay two numbers ("1, 234, 567").</summary>
    private static bool JoinsAcrossSpace(char before, char after) =>
        InNumeralVocabulary(before) && InNumeralVocabulary(after)
        && !(char.IsAsciiDigit(before) && char.IsAsciiDigit(after))
        && !(char.IsAsciiDigit(after) && before is ',' or '.');

    private static bool InNumeralVocabulary(char c) =>
        char.IsAsciiDigit(c) || ChineseDigit(c) >= 0 || SmallUnit(c) > 0 || BigUnit(c) > 0
        || "点个百分之又负余多几年月日".Contains(c);

    /// <summary>Full-width ASCII to ASCII, ideographic space to space, traditional and variant numeral
    /// characters to the simplified ones; every mapping is one character to one.</summary>
    internal static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '萬' => '万', '億' => '亿', '兩' => '两', '倆' => '俩', '點' => '点', '負' => '负',
        '個' => '个', '幾' => '几', '貳' => '贰', '參' => '叁', '陸' => '陆', '餘' => '余',
        '—' or '–' or '－' => '-',
        _ => c,
    };

    /// <summary>0-9 for a Chinese digit (plain or financial), -1 otherwise.</summary>
    internal static int ChineseDigit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '两' or '俩' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    internal static int SmallUnit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => 0,
    };

    internal static decimal BigUnit(char c) => c switch
    {
        '万' => 10_000m,
        '亿' => 100_000_000m,
        '兆' => 1_000_000_000_000m,
        _ => 0m,
    };

    /// <summary>Financial characters that are also ordinary words (陆地, 放肆, 队伍, 拾取): only read as
    /// numbers when they stand with other numeral characters.</summary>
    internal static bool IsAmbiguousAlone(char c) => c is '陆' or '肆' or '伍' or '拾' or '佰' or '仟';

    /// <summary>廿 (20) and 卅 (30); 0 for any other character.</summary>
    internal static int Tens(char c) => c switch { '廿' => 20, '卅' => 30, _ => 0 };

    internal static bool IsNumeralChar(char c) =>
        char.IsAsciiDigit(c) || ChineseDigit(c) >= 0 || SmallUnit(c) > 0 || BigUnit(c) > 0 || Tens(c) > 0;
}
