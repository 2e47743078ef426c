using System.Globalization;
using static ClusterPolicyMiner.Numbers.ChineseNumberRecognizer;
using static ClusterPolicyMiner.Numbers.NumeralText;

namespace ClusterPolicyMiner.Numbers;

/// <summary>Decides what a numeral is from what follows it: 分之 (fraction), % and 个百分点 (percent),
/// 年/月/日 (year, date, duration), 个工作日, 元 (money), 平方公里 and 亩 (dimension), counters (家, 个, 项),
/// and joins two of them by 至, 到, — into a range.</summary>
internal static class SuffixReader
{
    /// <summary>Suffixes, their kind, unit and the factor to the unit (三成 = 30 %).</summary>
    private static readonly (string Suffix, NumberKind Kind, string Unit, decimal Factor)[] Units =
    [
        ("个工作日", NumberKind.Duration, "working_days", 1),
        ("工作日", NumberKind.Duration, "working_days", 1),
        ("个百分点", NumberKind.Percent, "%", 1),
        ("百分点", NumberKind.Percent, "%", 1),
        ("个月", NumberKind.Duration, "months", 1),
        ("元人民币", NumberKind.Money, "CNY", 1),
        ("人民币", NumberKind.Money, "CNY", 1),
        ("元", NumberKind.Money, "CNY", 1),
        ("平方公里", NumberKind.Dimension, "km2", 1),
        ("平方千米", NumberKind.Dimension, "km2", 1),
        ("平方米", NumberKind.Dimension, "m2", 1),
        ("km2", NumberKind.Dimension, "km2", 1),
        ("亩", NumberKind.Dimension, "亩", 1),
        ("公顷", NumberKind.Dimension, "公顷", 1),
        ("%", NumberKind.Percent, "%", 1),
        ("天", NumberKind.Duration, "days", 1),
        ("周", NumberKind.Duration, "weeks", 1),
        ("倍", NumberKind.Decimal, "times", 1),
        ("成", NumberKind.Percent, "%", 10),
    ];

    private const string Counters = "家个项名件人份次批所座条台套";

    /// <summary>成 after a numeral is a tenth (三成), except where it starts a word (五成员, 一成本).</summary>
    private const string NotTenthsAfterCheng = "员果立本功为效交熟长都型品就套";

    public static Reading Read(string s, Numeral n)
    {
        var j = n.End;
        if (At(s, j, "分之"))
        {
            var numerator = NumeralParser.Parse(s, j + 2, afterKeyword: true);
            if (numerator.Valid && n.Value != 0)
                return Quantity(NumberKind.Fraction, numerator.Value / n.Value, null, n.Start, numerator.End);
        }
        if (At(s, j, "又") && MixedFraction(s, j + 1) is { } part && n.IsInteger)
        {
            var whole = Math.Abs(n.Value) + part.Value;
            return Quantity(NumberKind.Fraction, n.Value < 0 ? -whole : whole, null, n.Start, part.End);
        }
        if (n.AsciiDigits > 0 && n.IsInteger && ArabicFraction(s, n) is { } slash) return slash;

        if (At(s, j, "年")) return Year(s, n);
        if (At(s, j, "月") && n.IsInteger && n.Value is >= 1 and <= 12 && MonthDay(s, n, null) is { } date) return date;
        if (At(s, j, "日") && n.IsInteger && n.Value is >= 1 and <= 366 && !At(s, j, "日前") && !At(s, j, "日起"))
            return Quantity(NumberKind.Duration, n.Value, "days", n.Start, j + 1);

        foreach (var (suffix, kind, unit, factor) in Units)
        {
            if (!At(s, j, suffix)) continue;
            if (suffix == "成" && (j + 1 < s.Length && NotTenthsAfterCheng.Contains(s[j + 1]) || n.HasFraction && n.Value >= 10)) continue;
            if (kind == NumberKind.Money) return Money(s, n, j + suffix.Length);
            return Quantity(kind, n.Value * factor, unit, n.Start, j + suffix.Length, n.Open);
        }

        if (j < s.Length && Counters.Contains(s[j]) && !At(s, j, "个百"))
            return Quantity(n.IsInteger ? NumberKind.Integer : NumberKind.Decimal, n.Value, s[j].ToString(), n.Start, j + 1, n.Open);
        return Quantity(n.IsInteger ? NumberKind.Integer : NumberKind.Decimal, n.Value, null, n.Start, j, n.Open);
    }

    /// <summary>An amount in yuan, with the 角 and 分 written after 元 (2元5角8分 = 2.58).</summary>
    private static Reading Money(string s, Numeral n, int end)
    {
        var value = n.Value;
        foreach (var (unit, factor) in new[] { ('角', 0.1m), ('分', 0.01m) })
        {
            var part = NumeralParser.Parse(s, end, allowSign: false, afterKeyword: true);
            if (!part.Valid || !part.IsInteger || part.Value > 9 || part.End >= s.Length || s[part.End] != unit) continue;
            if (unit == '分' && At(s, part.End, "分之")) break;
            value += part.Value * factor;
            end = part.End + 1;
        }
        return Quantity(NumberKind.Money, value, "CNY", n.Start, end, n.Open);
    }

    /// <summary>7月24日—28日, 12月1日至12月7日: the end of a date range belongs to the date (it is not a
    /// duration of 28 days). The mention keeps the first date.</summary>
    public static Reading? DateRangeEnd(string s, Reading first)
    {
        var j = first.End;
        if (first.Kind != NumberKind.Date || j + 1 >= s.Length || s[j] is not ('至' or '到' or '-' or '~' or '～')) return null;
        var n = NumeralParser.Parse(s, j + 1, allowSign: false);
        if (!n.Valid || !n.IsInteger || n.End >= s.Length) return null;
        if (s[n.End] is '日' or '号') return first with { End = n.End + 1 };
        var second = Read(s, n);
        return second.Kind == NumberKind.Date ? first with { End = second.End } : null;
    }

    /// <summary>3至5家, 10%—20%, 3-5年: two quantities joined by a connector become one range; a hyphen
    /// between numbers with leading zeros is a telephone or date, not a range.</summary>
    public static Reading? TryRange(string s, Reading first, Func<string, int, Reading?> percentPrefix)
    {
        var j = first.End;
        if (j >= s.Length || first.Kind is not (NumberKind.Integer or NumberKind.Decimal or NumberKind.Percent
                or NumberKind.Money or NumberKind.Dimension or NumberKind.Duration)) return null;
        if (s[j] is not ('至' or '到' or '-' or '~' or '～')) return null;
        if (first.Kind == NumberKind.Percent && percentPrefix(s, j + 1) is { } upper)
            return new Reading(NumberKind.Range, first.Value, upper.Value, "%", first.Start, upper.End, null);
        var n = NumeralParser.Parse(s, j + 1, allowSign: false);
        if (!n.Valid) return null;
        if (s[j] == '-' && (s[first.Start] == '0' || s[j + 1] == '0' || first.End - first.Start > 6)) return null;
        var second = Read(s, n);
        if (second.Kind is NumberKind.Ordinal or NumberKind.Date or NumberKind.Year or NumberKind.Fraction) return null;
        if (first.Unit is not null && first.Unit != second.Unit) return null;
        // 5至10亿元: the lower bound is written without the scale word of the upper one.
        var lower = first.Value;
        var scale = BigUnit(s[n.End - 1]);
        if (first.Unit is null && scale > 0 && !s[first.Start..first.End].Any(c => BigUnit(c) > 0)) lower *= scale;
        return new Reading(NumberKind.Range, lower, second.Value, second.Unit, first.Start, second.End, null);
    }

    private static Reading Quantity(NumberKind kind, decimal value, string? unit, int start, int end, char? open = null) =>
        new(kind, value, null, unit, start, end, null, open);

    private static Reading Year(string s, Numeral n)
    {
        var j = n.End + 1;
        if (!n.LooksLikeYear)
            return Quantity(NumberKind.Duration, n.Value, "years", n.Start, j);
        var year = (int)n.Value;
        var month = NumeralParser.Parse(s, j, allowSign: false);
        if (month.Valid && month.IsInteger && month.Value is >= 1 and <= 12 && At(s, month.End, "月")
            && MonthDay(s, month, year) is { } date)
            return date with { Start = n.Start };
        return new Reading(NumberKind.Year, year, null, null, n.Start, j, year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>6月26日, 3月底 (the month's last day), 6月 alone; with the year when written before.</summary>
    private static Reading? MonthDay(string s, Numeral month, int? year)
    {
        var m = (int)month.Value;
        var j = month.End + 1;
        var prefix = year is { } y ? $"{y:D4}-" : "";
        var day = NumeralParser.Parse(s, j, allowSign: false);
        if (day.Valid && day.IsInteger && day.Value is >= 1 and <= 31 && day.End < s.Length && s[day.End] is '日' or '号')
            return new Reading(NumberKind.Date, null, null, "date", month.Start, day.End + 1, $"{prefix}{m:D2}-{(int)day.Value:D2}");
        if (At(s, j, "底"))
        {
            var last = DateTime.DaysInMonth(year ?? 2001, m);
            return new Reading(NumberKind.Date, null, null, "date", month.Start, j + 1, $"{prefix}{m:D2}-{last:D2}");
        }
        return new Reading(NumberKind.Date, null, null, "date", month.Start, j, $"{prefix}{m:D2}");
    }

    /// <summary>The 三分之一 after 又 in 一又三分之一.</summary>
    private static (decimal Value, int End)? MixedFraction(string s, int j)
    {
        var denominator = NumeralParser.Parse(s, j, allowSign: false);
        if (!denominator.Valid || denominator.Value == 0 || !At(s, denominator.End, "分之")) return null;
        var numerator = NumeralParser.Parse(s, denominator.End + 2, allowSign: false, afterKeyword: true);
        return numerator.Valid ? (numerator.Value / denominator.Value, numerator.End) : null;
    }

    /// <summary>3/5 and 1 3/5; not 2023/6/26.</summary>
    private static Reading? ArabicFraction(string s, Numeral n)
    {
        var j = n.End;
        if (j + 1 < s.Length && s[j] == '/' && char.IsAsciiDigit(s[j + 1]))
        {
            var d = NumeralParser.Parse(s, j + 1, allowSign: false);
            if (d.Valid && d.AsciiDigits > 0 && d.Value != 0 && (d.End >= s.Length || s[d.End] != '/') && (n.Start == 0 || s[n.Start - 1] != '/'))
                return Quantity(NumberKind.Fraction, n.Value / d.Value, null, n.Start, d.End);
        }
        if (j + 3 < s.Length && s[j] == ' ' && char.IsAsciiDigit(s[j + 1]))
        {
            var a = NumeralParser.Parse(s, j + 1, allowSign: false);
            if (a.Valid && a.AsciiDigits > 0 && a.End + 1 < s.Length && s[a.End] == '/')
            {
                var b = NumeralParser.Parse(s, a.End + 1, allowSign: false);
                if (b.Valid && b.AsciiDigits > 0 && b.Value != 0 && (b.End >= s.Length || s[b.End] != '/'))
                    return Quantity(NumberKind.Fraction, n.Value + a.Value / b.Value, null, n.Start, b.End);
            }
        }
        return null;
    }
}
