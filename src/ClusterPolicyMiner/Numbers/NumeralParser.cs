using System.Globalization;
using static ClusterPolicyMiner.Numbers.NumeralText;

namespace ClusterPolicyMiner.Numbers;

/// <summary>A numeral read from the folded text. <see cref="Valid"/> is false for runs that look like
/// numerals but are not numbers (二三十, 十四五, 万 alone, 陆 in 陆地): the scanner skips past them.</summary>
/// <param name="Open">余, 多 or 几 when the numeral is an open amount (500余, 五百多, 几十): more than written.</param>
/// <param name="OutOfRange">The characters are a numeral, but too large or too long to be a value (not Valid).</param>
internal readonly record struct Numeral(bool Valid, decimal Value, int Start, int End, int AsciiDigits, bool IsDigitString, bool HasFraction,
    char? Open = null, bool OutOfRange = false)
{
    public bool IsInteger => Valid && !HasFraction && Value == decimal.Truncate(Value);

    /// <summary>2023 or 二〇二三: four digits that can be a year before 年.</summary>
    public bool LooksLikeYear => Valid && !HasFraction && (AsciiDigits == 4 || IsDigitString && End - Start == 4)
        && Value is >= 1900 and <= 2100;
}

/// <summary>Reads one numeral (Arabic, Chinese, financial or mixed: 3.5万, 一千零五, 壹佰伍拾, 4.78万亿,
/// 二〇三五) starting at a position.</summary>
internal static class NumeralParser
{
    /// <summary>Values at or above this (10^20: a hundred million times a province's yearly output) are not
    /// amounts a requirement states; they are reported as out of range rather than read.</summary>
    private const decimal Limit = 100_000_000_000_000_000_000m;

    private enum Tok { Number, Digit, Zero, Unit, Big }

    private readonly record struct Token(Tok Kind, decimal Value, int Digits);

    /// <param name="afterKeyword">The numeral follows 分之 or 第, where 肆 or 伍 alone is surely a number.</param>
    public static Numeral Parse(string s, int start, bool allowSign = true, bool afterKeyword = false)
    {
        try
        {
            var n = ParseUnchecked(s, start, allowSign, afterKeyword);
            return n.Valid && Math.Abs(n.Value) >= Limit ? n with { Valid = false, Value = 0, OutOfRange = true } : n;
        }
        catch (OverflowException)
        {
            var end = start;
            while (end < s.Length && (IsNumeralChar(s[end]) || s[end] is '.' or ',' or '点')) end++;
            return new Numeral(false, 0, start, Math.Max(end, start + 1), 0, false, false, OutOfRange: true);
        }
    }

    private static Numeral ParseUnchecked(string s, int start, bool allowSign, bool afterKeyword)
    {
        var i = start;
        var negative = false;
        if (allowSign && i < s.Length && s[i] is '负' or '-' && i + 1 < s.Length
            && (IsNumeralChar(s[i + 1]) || s[i + 1] == '.' && i + 2 < s.Length && char.IsAsciiDigit(s[i + 2])))
        {
            negative = true;
            i++;
        }

        var tokens = new List<Token>();
        var lastSmallUnit = int.MaxValue;
        string? fraction = null;
        char? open = null;
        while (i < s.Length)
        {
            var c = s[i];
            if (Tens(c) is > 0 and var tens)
            {
                // 廿 and 卅 are 二十 and 三十 in one character.
                if (tokens.Count > 0 && tokens[^1].Kind is Tok.Number or Tok.Digit || 10 >= lastSmallUnit) break;
                tokens.Add(new Token(Tok.Digit, tens / 10, 1));
                tokens.Add(new Token(Tok.Unit, 10, 0));
                lastSmallUnit = 10;
                i++;
                continue;
            }
            if (c == '几' && (tokens.Count > 0 && tokens[^1].Kind is Tok.Unit or Tok.Big
                              || i + 1 < s.Length && (SmallUnit(s[i + 1]) > 0 || BigUnit(s[i + 1]) > 0)))
            {
                // 几十, 十几, 几百: an open amount; 几 counts as nothing (几十 = 10, read as more than 10).
                if (tokens.Count > 0 && tokens[^1].Kind is Tok.Number or Tok.Digit) break;
                tokens.Add(new Token(Tok.Digit, i + 1 < s.Length && BigUnit(s[i + 1]) > 0 ? 1 : 0, 1));
                open = '几';
                i++;
                continue;
            }
            if (char.IsAsciiDigit(c) || c == '.' && tokens.Count == 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])
                && (i == 0 || s[i - 1] != '.' && !char.IsAsciiDigit(s[i - 1])))
            {
                if (tokens.Count > 0 && tokens[^1].Kind is Tok.Number or Tok.Digit) break;
                var (arabic, digits, end) = ReadArabic(s, i);
                if (end == i) break;
                tokens.Add(new Token(Tok.Number, arabic, digits));
                i = end;
                continue;
            }
            var d = ChineseDigit(c);
            if (d == 0) { tokens.Add(new Token(Tok.Zero, 0, 1)); i++; continue; }
            if (d > 0)
            {
                if (tokens.Count > 0 && tokens[^1].Kind == Tok.Number) break;
                tokens.Add(new Token(Tok.Digit, d, 1)); i++; continue;
            }
            var unit = SmallUnit(c);
            if (unit > 0)
            {
                if (unit >= lastSmallUnit) break;
                lastSmallUnit = unit;
                tokens.Add(new Token(Tok.Unit, unit, 0)); i++; continue;
            }
            var big = BigUnit(c);
            if (big > 0)
            {
                if (tokens.Count == 0) break;
                lastSmallUnit = int.MaxValue;
                tokens.Add(new Token(Tok.Big, big, 0)); i++; continue;
            }
            if (c is '余' or '多' && tokens.Count > 0 && i + 1 < s.Length && BigUnit(s[i + 1]) > 0)
            {
                open = c;
                i++;
                continue;
            }
            if (c is '余' or '多' && tokens.Count > 0 && (i + 1 >= s.Length || !IsNumeralChar(s[i + 1]) && s[i + 1] != '于'))
            {
                // 五百多, 500余家, 十余年: more than the numeral says.
                open = c;
                i++;
                break;
            }
            if (c == '点' && tokens.Count > 0 && tokens[^1].Kind != Tok.Number && i + 1 < s.Length)
            {
                var j = i + 1;
                var sb = new System.Text.StringBuilder();
                while (j < s.Length && (char.IsAsciiDigit(s[j]) || ChineseDigit(s[j]) >= 0 && s[j] is not '两' and not '俩'))
                {
                    sb.Append(char.IsAsciiDigit(s[j]) ? s[j] : (char)('0' + ChineseDigit(s[j])));
                    j++;
                }
                if (sb.Length > 0) { fraction = sb.ToString(); i = j; }
            }
            break;
        }

        if (tokens.Count == 0) return new Numeral(false, 0, start, Math.Max(i, start + 1), 0, false, false);
        if (open == '几' && tokens.All(t => t.Kind is Tok.Digit or Tok.Zero)) return new Numeral(false, 0, start, i, 0, false, false);
        var value = Evaluate(tokens, start, s, afterKeyword, out var digitString, out var valid);
        if (!valid) return new Numeral(false, 0, start, i, 0, false, false);
        var hasFraction = fraction is not null || tokens.Any(t => t.Kind == Tok.Number && t.Value != decimal.Truncate(t.Value));
        if (fraction is not null)
            value += decimal.Parse("0." + fraction, CultureInfo.InvariantCulture);
        var asciiDigits = tokens.Count == 1 && tokens[0].Kind == Tok.Number ? tokens[0].Digits : 0;
        return new Numeral(true, negative ? -value : value, start, i, asciiDigits, digitString, hasFraction, open);
    }

    /// <summary>Digits with thousands separators (1,050,000) and one decimal point; "2222.2222.22" is
    /// several integers, not a decimal.</summary>
    private static (decimal Value, int Digits, int End) ReadArabic(string s, int i)
    {
        var sb = new System.Text.StringBuilder();
        var j = i;
        while (j < s.Length && char.IsAsciiDigit(s[j])) sb.Append(s[j++]);
        if (sb.Length is > 0 and <= 3)
        {
            while (j + 3 < s.Length && s[j] == ','
                   && char.IsAsciiDigit(s[j + 1]) && char.IsAsciiDigit(s[j + 2]) && char.IsAsciiDigit(s[j + 3])
                   && (j + 4 >= s.Length || !char.IsAsciiDigit(s[j + 4])))
            {
                sb.Append(s, j + 1, 3);
                j += 4;
            }
        }
        var digits = sb.Length;
        var afterDot = i > 0 && s[i - 1] == '.';
        if (!afterDot && j + 1 < s.Length && s[j] == '.' && char.IsAsciiDigit(s[j + 1]))
        {
            var k = j + 1;
            while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
            var another = k + 1 < s.Length && s[k] == '.' && char.IsAsciiDigit(s[k + 1]);
            if (!another)
            {
                sb.Append('.').Append(s, j + 1, k - j - 1);
                j = k;
            }
        }
        if (sb.Length == 0 || sb[0] == '.') sb.Insert(0, '0');
        return (decimal.Parse(sb.ToString(), CultureInfo.InvariantCulture), digits, j);
    }

    private static decimal Evaluate(List<Token> tokens, int start, string s, bool afterKeyword, out bool digitString, out bool valid)
    {
        digitString = false;
        valid = true;
        var hasNumberish = tokens.Any(t => t.Kind is Tok.Number or Tok.Digit or Tok.Zero);
        if (!hasNumberish)
        {
            // Units alone: only 十 ("十斤") is a number; 万, 百, 拾 alone are words.
            valid = tokens.Count >= 1 && s[start] == '十';
        }
        if (tokens.Count == 1 && tokens[0].Kind == Tok.Digit && IsAmbiguousAlone(s[start]) && !afterKeyword)
            valid = false;
        if (!valid) return 0;

        // Digits without units: 二〇三五 and 一九九一 are digit strings; 三五, 两两 are approximations.
        if (tokens.Count >= 2 && tokens.All(t => t.Kind is Tok.Digit or Tok.Zero))
        {
            if (tokens.Count == 2 && tokens.All(t => t.Kind == Tok.Digit)) { valid = false; return 0; }
            digitString = true;
            var v = 0m;
            foreach (var t in tokens) v = v * 10 + t.Value;
            return v;
        }
        for (var k = 1; k < tokens.Count; k++)
            if (tokens[k].Kind == Tok.Digit && tokens[k - 1].Kind == Tok.Digit) { valid = false; return 0; }

        decimal total = 0, section = 0, largestBig = 0, lastUnit = 0;
        decimal? cur = null;
        var zeroSinceUnit = false;
        Tok? previous = null;
        Tok? curFrom = null;
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case Tok.Number:
                case Tok.Digit:
                    cur = t.Value;
                    curFrom = previous;
                    break;
                case Tok.Zero:
                    zeroSinceUnit = true;
                    if (previous is null) cur = 0;
                    break;
                case Tok.Unit:
                    section += (cur is null or 0 ? 1 : cur.Value) * t.Value;
                    cur = null;
                    lastUnit = t.Value;
                    zeroSinceUnit = false;
                    break;
                case Tok.Big:
                    var pending = section + (cur ?? 0);
                    if (pending == 0) { total *= t.Value; largestBig *= t.Value; }
                    else if (t.Value > largestBig) { total = (total + pending) * t.Value; largestBig = t.Value; }
                    else total += pending * t.Value;
                    section = 0;
                    cur = null;
                    lastUnit = t.Value;
                    zeroSinceUnit = false;
                    break;
            }
            previous = t.Kind;
        }
        if (cur is { } last)
        {
            // 一千五 = 1500, 九万四 = 94000: a lone trailing digit after a unit counts in the next unit down.
            var elided = !zeroSinceUnit && curFrom is Tok.Unit or Tok.Big && last is >= 1 and <= 9
                         && tokens[^1].Digits == 1;
            section += elided ? last * lastUnit / 10 : last;
        }
        return total + section;
    }
}
