namespace ClusterPolicyMiner.Structure;

/// <summary>Reads the small numbers that number headings: Chinese numerals up to the thousands
/// (一, 十二, 二十, 一百零五, 两百, 〇/零) and Arabic digits, half- or full-width.
/// The Numbers stage has the full recogniser; headings need only this much.</summary>
internal static class ChineseNumeral
{
    /// <summary>True for the characters a heading number may be written with.</summary>
    public static bool IsNumeralChar(char c) =>
        Digit(c) >= 0 || c is '十' or '百' or '千' or '拾' or '佰' or '仟' || IsAsciiOrWideDigit(c);

    public static bool IsAsciiOrWideDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>The value of <paramref name="text"/>, or null when it is not a well-formed numeral.</summary>
    public static int? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 9) return null;
        if (IsAsciiOrWideDigit(text[0])) return ParseArabic(text);

        var total = 0;
        var pending = 0;      // a digit 1-9 waiting for its unit or for the end; 0 when none
        var lastUnit = int.MaxValue;
        var any = false;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d == 0) { if (pending != 0) return null; any = true; continue; } // 一百零五: 零 only separates
            if (d > 0)
            {
                if (pending != 0) return null; // 二三 is not a numeral
                pending = d;
                any = true;
                continue;
            }
            var unit = Unit(c);
            if (unit == 0 || unit >= lastUnit) return null;
            total += (pending == 0 ? 1 : pending) * unit; // 十二 is 12: a bare unit counts once
            lastUnit = unit;
            pending = 0;
            any = true;
        }
        return any ? total + pending : null;
    }

    private static int? ParseArabic(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (!IsAsciiOrWideDigit(c)) return null;
            value = value * 10 + (c >= '０' ? c - '０' : c - '0');
        }
        return value;
    }

    // The digit and unit tables are the Numbers stage's, so that headings and amounts read numerals alike.
    private static int Digit(char c) => Numbers.NumeralText.ChineseDigit(c);

    private static int Unit(char c) => Numbers.NumeralText.SmallUnit(c);
}
