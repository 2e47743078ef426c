using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Structure;

/// <summary>Reads dates written 2023年6月26日, 2023 年 6 月 26 日 or 二〇二三年六月二十六日.</summary>
internal static partial class DateReader
{
    /// <summary>A date as written, with groups y, m and d.</summary>
    public const string Pattern =
        @"(?<y>[12]\d{3}|[〇零一二三四五六七八九]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日";

    [GeneratedRegex(Pattern)]
    public static partial Regex DateRegex();

    /// <summary>The date of a match of <see cref="Pattern"/>, or null when it is not a real date.</summary>
    public static DateOnly? ToDate(Match m)
    {
        var year = Year(m.Groups["y"].Value);
        var month = ChineseNumeral.Parse(m.Groups["m"].Value);
        var day = ChineseNumeral.Parse(m.Groups["d"].Value);
        if (year is null || month is null or < 1 or > 12 || day is null or < 1) return null;
        return day <= DateTime.DaysInMonth(year.Value, month.Value) ? new DateOnly(year.Value, month.Value, day.Value) : null;
    }

    /// <summary>二〇二三 is read digit by digit, 2023 as a number.</summary>
    private static int? Year(string text)
    {
        if (ChineseNumeral.IsAsciiOrWideDigit(text[0])) return ChineseNumeral.Parse(text);
        var year = 0;
        foreach (var c in text)
        {
            var d = c is '〇' or '零' ? 0 : ChineseNumeral.Parse(c.ToString());
            if (d is null) return null;
            year = year * 10 + d.Value;
        }
        return year;
    }
}
