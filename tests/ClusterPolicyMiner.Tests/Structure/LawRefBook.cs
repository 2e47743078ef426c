using System.Text;
using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>One LawRefBook regulation as plain text, with its 条 lines as ground truth.</summary>
/// <param name="Articles">(number, offset in <paramref name="Text"/>) of every line that starts 第X条 and a space (ASCII or ideographic: a few files use U+3000).</param>
/// <param name="Breaks">Offsets of the lines that start a 编 or 章 heading.</param>
/// <param name="Chapters">(number, offset) of every 章 heading line.</param>
public sealed record LawRefBookRegulation(string Name, string Text, IReadOnlyList<(int Number, int Start)> Articles,
    IReadOnlyList<int> Breaks, IReadOnlyList<(int Number, int Start)> Chapters)
{
    /// <summary>The 条 run 1..N without gaps or repeats: only such files are ground truth.</summary>
    public bool NumbersRunOneToN => Articles.Count > 0 && Articles.Select((a, i) => a.Number == i + 1).All(x => x);
}

/// <summary>Article-boundary agreement between the extractor and the files.</summary>
public sealed record ArticleScore(int Files, int Expected, int Found, int Matched, IReadOnlyList<string> Failures)
{
    public double Precision => Found == 0 ? 1 : (double)Matched / Found;
    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Files} files, {Expected} expected, {Found} found, {Matched} matched: precision {Precision:P3}, recall {Recall:P3}");
}

/// <summary>Reads LawRefBook/Laws Markdown (see ../shared/peer-suites/README.md) and scores the extractor
/// on it: an article is matched when the extractor opens an article with the same number at the same offset.</summary>
public static partial class LawRefBook
{
    public static LawRefBookRegulation Read(string name, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var begin = Array.FindIndex(lines, l => l.Trim() == "<!-- INFO END -->") + 1; // 0 when absent
        var text = new StringBuilder();
        var articles = new List<(int, int)>();
        var breaks = new List<int>();
        var chapters = new List<(int, int)>();
        for (var i = begin; i < lines.Length; i++)
        {
            var line = lines[i].StartsWith('#') ? lines[i].TrimStart('#').TrimStart() : lines[i];
            if (ArticleLineRegex().Match(line) is { Success: true } m && Numeral(m.Groups["n"].Value) is { } n)
                articles.Add((n, text.Length));
            if (lines[i].StartsWith('#') && ChapterLineRegex().Match(line) is { Success: true } c)
            {
                breaks.Add(text.Length);
                if (c.Groups["kind"].Value == "章" && Numeral(c.Groups["n"].Value) is { } k) chapters.Add((k, text.Length));
            }
            text.Append(line).Append('\n');
        }
        return new LawRefBookRegulation(name, text.ToString(), articles, breaks, chapters);
    }

    /// <summary>The ways a page may have lost its line breaks, by name: each chapter on one line or the
    /// whole law on one line, its lines joined with nothing or with a space; law-bare also drops the space
    /// after each 第X条 (第九条项目建议书…), the hardest layout.</summary>
    public static readonly IReadOnlyDictionary<string, Func<LawRefBookRegulation, LawRefBookRegulation>> Joinings =
        new Dictionary<string, Func<LawRefBookRegulation, LawRefBookRegulation>>
        {
            ["chapter-space"] = r => Join(r, wholeLaw: false, " "),
            ["chapter-nospace"] = r => Join(r, wholeLaw: false, ""),
            ["law-space"] = r => Join(r, wholeLaw: true, " "),
            ["law-nospace"] = r => Join(r, wholeLaw: true, ""),
            ["law-bare"] = r => Join(r, wholeLaw: true, "", dropSpaceAfterArticle: true),
        };

    /// <summary>The regulation as a page that lost its line breaks: its non-empty lines joined with
    /// <paramref name="separator"/> into one line per chapter (a 编 or 章 heading still starts a line), or
    /// into one line for the whole law; the ground truth moves with the text. <paramref name="dropSpaceAfterArticle"/>
    /// removes the space after each 第X条 of the ground truth as well.</summary>
    public static LawRefBookRegulation Join(LawRefBookRegulation r, bool wholeLaw, string separator, bool dropSpaceAfterArticle = false)
    {
        var articleSpaces = dropSpaceAfterArticle
            ? r.Articles.Select(a => r.Text.IndexOfAny([' ', '\u3000'], a.Start)).ToHashSet()
            : [];
        var breaks = wholeLaw ? [] : r.Breaks.ToHashSet();
        var map = new int[r.Text.Length + 1];
        var text = new StringBuilder(r.Text.Length);
        var lineStart = 0;
        while (lineStart < r.Text.Length)
        {
            var lineEnd = r.Text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = r.Text.Length;
            if (lineEnd > lineStart && r.Text.AsSpan(lineStart, lineEnd - lineStart).Trim().Length > 0)
            {
                if (text.Length > 0) text.Append(breaks.Contains(lineStart) ? "\n" : separator);
                for (var i = lineStart; i < lineEnd; i++)
                {
                    map[i] = text.Length;
                    if (articleSpaces.Contains(i)) continue;
                    text.Append(r.Text[i]);
                }
            }
            lineStart = lineEnd + 1;
        }
        var newBreaks = r.Breaks.Select(b => map[b]).ToList();
        return r with
        {
            Text = text.ToString(),
            Articles = [.. r.Articles.Select(a => (a.Number, map[a.Start]))],
            Chapters = [.. r.Chapters.Select(c => (c.Number, map[c.Start]))],
            Breaks = wholeLaw ? [] : newBreaks,
        };
    }

    /// <summary>Scores the extractor on regulations; <paramref name="transform"/> may rewrite the text
    /// (e.g. remove line breaks) as long as it keeps offsets.</summary>
    /// <remarks>With <paramref name="kind"/> Chapter, scores the 章 headings instead of the articles.</remarks>
    public static ArticleScore Score(IEnumerable<LawRefBookRegulation> regulations, Func<string, string>? transform = null,
        OutlineKind kind = OutlineKind.Article)
    {
        int files = 0, expected = 0, found = 0, matched = 0;
        var failures = new List<string>();
        var options = new StructureOptions { ReadMetadata = false };
        foreach (var r in regulations.Where(r => r.NumbersRunOneToN))
        {
            var text = transform is null ? r.Text : transform(r.Text);
            var outline = StructureExtractor.Extract(text, PageInfo.None, options).Outline;
            var got = Flatten(outline).Where(n => n.Kind == kind).Select(n => (n.Number, n.Start)).ToList();
            var truth = (kind == OutlineKind.Chapter ? r.Chapters : r.Articles).ToHashSet();
            var hits = got.Count(truth.Contains);
            files++;
            expected += truth.Count;
            found += got.Count;
            matched += hits;
            if (hits != truth.Count || hits != got.Count)
            {
                var missing = truth.Except(got).Take(3).Select(a => $"missing {a.Number}@{a.Start} «{Snippet(text, a.Start)}»");
                var extra = got.Except(truth).Take(3).Select(a => $"extra {a.Number}@{a.Start} «{Snippet(text, a.Start)}»");
                failures.Add($"{r.Name}: {string.Join("; ", missing.Concat(extra))}");
            }
        }
        return new ArticleScore(files, expected, found, matched, failures);
    }

    public static IEnumerable<OutlineNode> Flatten(IEnumerable<OutlineNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private static string Snippet(string text, int at) =>
        text.Substring(Math.Max(0, at - 8), Math.Min(30, text.Length - Math.Max(0, at - 8))).Replace('\n', '⏎');

    /// <summary>The number of a ground-truth line, read independently of the code under test.</summary>
    private static int? Numeral(string s)
    {
        const string digits = "零一二三四五六七八九";
        int total = 0, pending = 0;
        foreach (var c in s)
        {
            var d = digits.IndexOf(c);
            if (d >= 0) { pending = d; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (pending == 0 ? 1 : pending) * unit;
            pending = 0;
        }
        return total + pending;
    }

    [GeneratedRegex("^第(?<n>[零一二三四五六七八九十百千]+)条[ \u3000]")]
    private static partial Regex ArticleLineRegex();

    [GeneratedRegex("^第(?<n>[零一二三四五六七八九十百千]+)(?<kind>[编章])")]
    private static partial Regex ChapterLineRegex();
}
