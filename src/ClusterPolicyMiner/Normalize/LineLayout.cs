using System.Text;
using System.Text.RegularExpressions;
using static ClusterPolicyMiner.Normalize.ChineseText;

namespace ClusterPolicyMiner.Normalize;

/// <summary>The layout normalisations: white space and line breaks. Each works on the list of lines and
/// decides every space from its two neighbours (and, for headings, the start of its line), so running
/// one twice changes nothing.</summary>
/// <remarks>
/// The rules, in the order they run:
/// <list type="number">
/// <item><c>special-spaces</c>: U+3000, NBSP, typographic spaces and tabs become a plain space; zero-width
/// spaces and stray BOMs go.</item>
/// <item><c>line-whitespace</c>: CR LF and CR become LF; each line is trimmed and its runs of spaces
/// become one; blank lines collapse to one and none lead or trail.</item>
/// <item><c>flattened-paragraphs</c>: a line of 200+ characters holding 3+ sentence ends followed by a
/// space before Chinese text is a document whose paragraphs were flattened into single spaces (seed 000):
/// each space in it becomes a line break, except between two Latin words or digits, after a heading
/// number at the start of the line (第一章 总则, 第二条 为…) and after a list number (1. 按照).</item>
/// <item><c>cjk-spacing</c>: a space is removed between two ideographs (特色 化), beside full-width
/// punctuation (显著、 产业), between an ideograph and ASCII punctuation or a curly quote (标注 “XX),
/// and after 第 before a digit. It stays between an ideograph and a Latin word or a number
/// (高新院 achie.org, 张永杰 0351-3046281), and one space stays after a heading number at the start of a
/// line (第一章 总则, 第一条 按照).</item>
/// <item><c>number-unit-spacing</c>: a space between a digit and a unit or measure word goes
/// (40 亿元, 2025 年5月, 50 %).</item>
/// <item><c>wrapped-lines</c>: a line is joined to the next when it ends inside a clause (with ，、, or
/// an opening bracket) or leaves a 《 or （ open (a title wrapped over lines), unless it ends a sentence,
/// the next line is blank, or the next line starts with a structural marker (第X章/节/条, （一）, 一、, 1.,
/// 附件). A text hard-wrapped at a fixed width (pdftotext without -layout, text copied from a PDF) has most
/// of its long lines within a few columns of one width: there a line that reaches that width goes on in the
/// next line, whatever the next line starts with when the line does not end a sentence (平方公\n里, 总产\n值
/// 50%以上, 高于5\n%, …依照本细则，\n第五条) and the line has clause punctuation (a title has none), and
/// unless the next line starts with a structural marker when it does (a sentence ending at the margin is more
/// often inside a paragraph than at its end). The two are joined
/// without a space (with one between two Latin letters). Other line breaks are taken as genuine.</item>
/// </list>
/// </remarks>
internal static partial class LineLayout
{
    private const int FlattenedMinLength = 200;
    private const int FlattenedMinBreaks = 3;

    public static string SpecialSpaces(string text)
    {
        var i = 0;
        while (i < text.Length && !IsSpecialSpace(text[i]) && !IsInvisible(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c)) continue;
            sb.Append(IsSpecialSpace(c) ? ' ' : c);
        }
        return sb.ToString();
    }

    /// <summary>Splits at LF, CR LF, CR, NEL and the Unicode line and paragraph separators. A form feed
    /// (pdftotext's page break) becomes a line of its own, so the cleaning stage still sees the pages.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c is not ('\n' or '\r' or '\f' or '\u0085' or '\u2028' or '\u2029')) continue;
            if (c == '\f')
            {
                // The form feed's own line; the break that pdftotext or an earlier run put after it is that line's end.
                if (i > start) lines.Add(text[start..i]);
                lines.Add("\f");
                if (i + 1 < text.Length && text[i + 1] is '\n' or '\r') c = text[++i];
            }
            else lines.Add(text[start..i]);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        return lines;
    }

    /// <summary>Trims lines, collapses space runs and blank-line runs.</summary>
    public static IReadOnlyList<string> LineWhitespace(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        foreach (var raw in lines)
        {
            var line = CollapseSpaces(raw.Trim(' '));
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0)) continue;
            result.Add(line);
        }
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }

    private static string CollapseSpaces(string line)
    {
        if (!line.Contains("  ", StringComparison.Ordinal)) return line;
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
            if (c != ' ' || sb.Length == 0 || sb[^1] != ' ') sb.Append(c);
        return sb.ToString();
    }

    public static IReadOnlyList<string> FlattenedParagraphs(IReadOnlyList<string> lines)
    {
        if (!lines.Any(IsFlattened)) return lines;
        var result = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (!IsFlattened(line)) { result.Add(line); continue; }
            var sb = new StringBuilder();
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] != ' ' || i + 1 == line.Length || KeepsSpaceInFlattened(sb, line[i + 1])) { sb.Append(line[i]); continue; }
                result.Add(sb.ToString());
                sb.Clear();
            }
            result.Add(sb.ToString());
        }
        return result;
    }

    private static bool IsFlattened(string line)
    {
        if (line.Length < FlattenedMinLength) return false;
        var breaks = 0;
        for (var i = 1; i + 1 < line.Length; i++)
            if (line[i] == ' ' && IsSentenceEnd(line[i - 1]) && IsChinese(line[i + 1])
                && (IsFullWidthPunctuation(line[i - 1]) || i >= 2 && IsIdeograph(line[i - 2])))
                breaks++;
        return breaks >= FlattenedMinBreaks;
    }

    /// <summary>Whether a space of a flattened line stays a space; <paramref name="before"/> is the line
    /// rebuilt since the last break.</summary>
    private static bool KeepsSpaceInFlattened(StringBuilder before, char next)
    {
        if (before.Length == 0) return false;
        if (char.IsAsciiLetterOrDigit(before[^1]) && char.IsAsciiLetterOrDigit(next)) return true;
        return before.Length <= 12 && HeadingOrListNumberLine().IsMatch(before.ToString());
    }

    /// <summary>Removes the spaces <c>cjk-spacing</c> describes, line by line.</summary>
    public static IReadOnlyList<string> CjkSpacing(IReadOnlyList<string> lines) =>
        MapSpaces(lines, static (sb, line, i) =>
        {
            var (prev, next) = (sb[^1], line[i + 1]);
            if (sb.Length <= 12 && HeadingNumberLine().IsMatch(sb.ToString())) return true;
            var remove = IsFullWidthPunctuation(prev) || IsFullWidthPunctuation(next)
                || IsIdeograph(prev) && (IsIdeograph(next) || IsAsciiPunctuation(next) || IsQuote(next))
                || (IsAsciiPunctuation(prev) || IsQuote(prev)) && IsIdeograph(next)
                || prev == '第' && IsAsciiDigit(next);
            return !remove;
        });

    /// <summary>Removes a space between a digit and a unit.</summary>
    public static IReadOnlyList<string> NumberUnitSpacing(IReadOnlyList<string> lines) =>
        MapSpaces(lines, static (sb, line, i) => !(IsAsciiDigit(sb[^1]) && IsUnitStart(line[i + 1])));

    /// <summary>Rebuilds each line that has a space, keeping the spaces <paramref name="keep"/> says to keep;
    /// it sees the line as rebuilt so far, so a decision never depends on a space about to be removed.</summary>
    private static IReadOnlyList<string> MapSpaces(IReadOnlyList<string> lines, Func<StringBuilder, string, int, bool> keep)
    {
        List<string>? result = null;
        var sb = new StringBuilder();
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n];
            if (!line.Contains(' ')) { result?.Add(line); continue; }
            sb.Clear();
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == ' ' && i > 0 && i + 1 < line.Length && sb.Length > 0 && !keep(sb, line, i)) continue;
                sb.Append(line[i]);
            }
            if (result is null && sb.Length == line.Length) continue;
            result ??= [.. lines.Take(n)];
            result.Add(sb.ToString());
        }
        return result ?? lines;
    }

    public static IReadOnlyList<string> WrappedLines(IReadOnlyList<string> lines)
    {
        var wrapWidth = HardWrapWidth(lines);
        return WrappedLines(lines, wrapWidth, wrapWidth is { } width ? RunningLines(lines, width) : []);
    }

    /// <summary><c>wrapped-lines</c> with the two facts it reads from the whole text given: the hard-wrap
    /// width and the running lines (see <see cref="LayoutFacts"/>).</summary>
    public static IReadOnlyList<string> WrappedLines(IReadOnlyList<string> lines, int? wrapWidth, IReadOnlySet<string> running)
    {
        if (wrapWidth is not null && running.Count > 0)
            lines = WithoutRunningLines(lines, running);
        List<string>? result = null;
        for (var n = 0; n < lines.Count; n++)
        {
            var previous = result is null ? lines[n - Math.Min(n, 1)] : result[^1];
            var startsParagraph = n < 2 || wrapWidth is not { } ww || !IsFullLine(lines[n - 2], ww, 0) || IsSentenceEnd(lines[n - 2][^1]);
            var hardWrapped = n > 0 && wrapWidth is { } w && lines[n] is { Length: > 0 } and not "\f" && lines[n - 1].Length > 0
                && IsFullLine(lines[n - 1], w, startsParagraph && !IsSentenceEnd(lines[n - 1][^1]) ? IndentColumns : 0)
                && (!StructuralMarker.StartsLine(lines[n]) || !IsSentenceEnd(lines[n - 1][^1]) && HasClausePunctuation(lines[n - 1]))
                && !EndsParagraph(lines[n - 1], lines[n], w);
            var joins = n > 0 && (hardWrapped || Continues(previous, lines[n]));
            if (joins)
            {
                result ??= [.. lines.Take(n)];
                var space = hardWrapped && char.IsAsciiLetter(previous[^1]) && char.IsAsciiLetter(lines[n][0]) ? " " : "";
                result[^1] += space + lines[n];
            }
            else result?.Add(lines[n]);
        }
        return result ?? lines;
    }

    /// <summary>In a hard-wrapped text (text copied from a PDF keeps no page breaks), the running header or
    /// footer of every page (XX省工业和信息化厅文件, - 3 -) stands between two halves of a paragraph: a short line
    /// without sentence punctuation that comes back at least three times, apart, digits standing for any number.</summary>
    private static HashSet<string> RunningLines(IReadOnlyList<string> lines, int width)
    {
        var seen = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Length is 0 or > 30 || l == "\f" || Columns(l) >= width - WrapSlack || l.Any(c => IsSentenceEnd(c) || c is '，' or ',')) continue;
            var key = RunningKey(l);
            if (!seen.TryGetValue(key, out var at)) seen[key] = at = [];
            if (at.Count == 0 || i - at[^1] > 2) at.Add(i);
        }
        return [.. seen.Where(kv => kv.Value.Count >= 3).Select(kv => kv.Key)];
    }

    /// <summary>Drops the running lines and the blank lines and page breaks around them, so that the halves
    /// of a paragraph they cut meet again.</summary>
    private static List<string> WithoutRunningLines(IReadOnlyList<string> lines, IReadOnlySet<string> running)
    {
        var drop = new bool[lines.Count];
        static bool Gap(string l) => l.Length == 0 || l == "\f";
        for (var i = 0; i < lines.Count; i++)
        {
            if (Gap(lines[i]) || !running.Contains(RunningKey(lines[i]))) continue;
            drop[i] = true;
            for (var j = i - 1; j >= 0 && (Gap(lines[j]) || running.Contains(RunningKey(lines[j]))); j--) drop[j] = true;
            for (var j = i + 1; j < lines.Count && (Gap(lines[j]) || running.Contains(RunningKey(lines[j]))); j++) drop[j] = true;
        }
        return [.. lines.Where((_, i) => !drop[i])];
    }

    internal static string RunningKey(string line) => Digits().Replace(line, "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>Below this width (in columns, an ideograph counting two) no text is taken as hard-wrapped.</summary>
    private const int MinWrapWidth = 36;

    /// <summary>How many columns short of the width a full line may stop (an ideograph that did not fit, a
    /// half-width digit or quote).</summary>
    private const int WrapSlack = 3;

    /// <summary>The width a text is hard-wrapped at, or null: the widest window of <see cref="WrapSlack"/> + 1
    /// columns holding at least five and at least 40 % of the lines of <see cref="MinWrapWidth"/> columns or
    /// more, with fewer than 10 % of them wider.</summary>
    private static int? HardWrapWidth(IReadOnlyList<string> lines)
    {
        var widths = new List<int>();
        foreach (var l in lines)
            if (l.Length * 2 >= MinWrapWidth && Columns(l) is var c and >= MinWrapWidth) widths.Add(c);
        if (widths.Count < 5) return null;
        int? best = null;
        var bestCount = 0;
        foreach (var v in widths.Distinct().OrderDescending())
        {
            var count = widths.Count(x => x <= v && x >= v - WrapSlack);
            if (count > bestCount) (best, bestCount) = (v, count);
        }
        if (best is not { } width || bestCount < 5 || bestCount * 10 < widths.Count * 4) return null;
        return widths.Count(x => x > width) * 10 < widths.Count ? width : null;
    }

    /// <summary>A full line that still ends its paragraph: a title (…的通知, …办法（暂行）) with no clause
    /// punctuation, or a sentence or title followed by a line of its own (an issuer, a date, a document number).</summary>
    private static bool EndsParagraph(string line, string next, int width)
    {
        var title = !HasClausePunctuation(line) && !Unclosed(line, '《', '》') && TitleEnd().IsMatch(line);
        if (title) return true;
        if (!IsSentenceEnd(line[^1])) return false;
        return !IsFullLine(next, width, 0) && !HasClausePunctuation(next) && OwnLine().IsMatch(next);
    }

    [GeneratedRegex(@"(?:通知|办法|细则|规定|意见|方案|标准|决定|公告|通告|[（(](?:暂行|试行|征求意见稿)[）)])$")]
    private static partial Regex TitleEnd();

    /// <summary>An issuer (…厅, …局, …委员会), a date (2023年4月28日) or a document number (…〔2023〕89号).</summary>
    [GeneratedRegex(@"^(?:\S{2,30}(?:厅|局|委员会|委|政府|办公室)|\d{4}年\d{1,2}月\d{1,2}日|\S{1,12}〔\d{4}〕\d+号)$")]
    private static partial Regex OwnLine();

    private static bool HasClausePunctuation(string line) => line.Any(c => c is '，' or '、' or '。' or '；' or ',' or ';');

    /// <summary>The first line of a paragraph is indented by two ideographs on the page, which the text does
    /// not keep (pdftotext drops the indent); it counts as full that much shorter, unless it ends a sentence
    /// (a salutation 各市工信局：, a one-line paragraph).</summary>
    private const int IndentColumns = 4;

    private static bool IsFullLine(string line, int width, int indent) => line.Length > 0 && Columns(line) >= width - WrapSlack - indent;

    /// <summary>Display columns: two for ideographs and full-width forms, one otherwise.</summary>
    private static int Columns(string line)
    {
        var n = 0;
        foreach (var c in line)
            n += c >= '\u2E80' && c <= '\uA4CF' || c >= '\uAC00' && c <= '\uD7A3' || c >= '\uF900' && c <= '\uFAFF'
                 || c >= '\uFE30' && c <= '\uFE4F' || c >= '\uFF00' && c <= '\uFF60' || c >= '\uFFE0' && c <= '\uFFE6'
                 || char.IsHighSurrogate(c) ? 2 : char.IsLowSurrogate(c) ? 0 : 1;
        return n;
    }

    /// <summary>True when <paramref name="line"/> is cut inside a clause and <paramref name="next"/> goes on with it.</summary>
    private static bool Continues(string line, string next)
    {
        if (line.Length == 0 || next.Length == 0) return false;
        var last = line[^1];
        if (IsSentenceEnd(last) || StructuralMarker.StartsLine(next)) return false;
        if (!IsChinese(next[0]) && !IsQuote(next[0]) && next[0] != '(') return false;
        return last is '，' or '、' or ',' or '《' or '（' or '(' or '“' or '〔' or '【'
            || Unclosed(line, '《', '》') || Unclosed(line, '（', '）') || Unclosed(line, '(', ')');
    }

    private static bool Unclosed(string line, char open, char close)
    {
        var depth = 0;
        foreach (var c in line)
            if (c == open) depth++;
            else if (c == close && depth > 0) depth--;
        return depth > 0;
    }

    /// <summary>A line holding only a heading number so far: 第一章, 第十二条, 第3节.</summary>
    [GeneratedRegex(@"^第[一二三四五六七八九十百零〇两\d]{1,5}[章节節条條编編款]$")]
    private static partial Regex HeadingNumberLine();

    /// <summary>A line holding only a heading number or a list number so far: 第一章, 第十二条, 1.</summary>
    [GeneratedRegex(@"^(?:第[一二三四五六七八九十百零〇两\d]{1,5}[章节節条條编編款]|\d{1,2}\.)$")]
    private static partial Regex HeadingOrListNumberLine();
}
