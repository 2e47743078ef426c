using System.Globalization;
using System.Text;
using System.Xml;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Acquire;

/// <summary>Turns the word boxes of <c>pdftotext -bbox-layout</c> into text with one paragraph per line and
/// a form feed after each page. A printed line carries on the paragraph above it when the line above
/// reaches the right margin and this one starts at the left margin, or when both are centred lines of a
/// title that fills the line above; a first-line indent, a centred or right-aligned line, or a line above
/// that stops short starts a new paragraph. Words of a line are joined
/// with a space only where the gap between them is as wide as a space (a layout engine sets a narrower gap
/// between Chinese and Latin or digits, `2023 年 6 月` in the plain output, which is no space in the text).
/// A paragraph cut by a page break is left to the cleaner, which knows the running headers and footers.</summary>
public static class PdfLayout
{
    /// <summary>Word gaps, as shares of the line height. pdftotext splits words at any visible gap; a gap
    /// between Chinese and a digit or Latin letter is the layout engine's own spacing (about 0.17 to 0.22 on
    /// justified lines, 0.2 to 0.25 for a typed space), so only a wider one counts as a space there.</summary>
    private const double SpaceGap = 0.1, MixedScriptSpaceGap = 0.35;

    private sealed record Word(double XMin, double XMax, string Text);

    private sealed record Line(double XMin, double YMin, double XMax, double YMax, IReadOnlyList<Word> Words)
    {
        public double Height => YMax - YMin;

        public string Text()
        {
            var sb = new StringBuilder(Words[0].Text);
            for (var i = 1; i < Words.Count; i++)
            {
                var gap = (Words[i].XMin - Words[i - 1].XMax) / Height;
                var mixed = char.IsAscii(Words[i - 1].Text[^1]) != char.IsAscii(Words[i].Text[0]);
                if (gap >= (mixed ? MixedScriptSpaceGap : SpaceGap)) sb.Append(' ');
                sb.Append(Words[i].Text);
            }
            return sb.ToString();
        }
    }

    /// <summary>Whether pdftotext's output is the -bbox-layout XHTML (rather than plain text).</summary>
    public static bool IsBoundingBoxXhtml(string output)
    {
        var head = output.AsSpan(0, Math.Min(output.Length, 400)).TrimStart();
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <exception cref="XmlException">The XHTML is not well formed.</exception>
    public static string ToText(string xhtml)
    {
        var pages = ReadPages(xhtml);
        var all = pages.SelectMany(p => p).ToList();
        var sb = new StringBuilder();
        if (all.Count == 0) return "";
        // The text block's edges over the whole document: the left edge most lines start at, and the right
        // edge most full lines reach (justified text; a hanging full stop may stick out, so not the maximum).
        var left = all.GroupBy(l => Math.Round(l.XMin)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var rights = all.Select(l => l.XMax).Order().ToList();
        var right = rights[(int)Math.Floor((rights.Count - 1) * 0.9)];
        foreach (var page in pages)
        {
            foreach (var paragraph in Paragraphs(page, left, right)) sb.Append(paragraph).Append('\n');
            sb.Append('\f');
        }
        return sb.ToString();
    }

    private static List<List<Line>> ReadPages(string xhtml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xhtml), settings);
        var pages = new List<List<Line>>();
        List<Line>? page = null;
        List<Word>? words = null;
        (double XMin, double YMin, double XMax, double YMax) box = default;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word" && words is not null)
            {
                double x0 = Number(reader, "xMin"), x1 = Number(reader, "xMax");
                // Reading the content moves the reader to the node after </word>: no Read() after it.
                var text = reader.ReadElementContentAsString();
                if (text.Length > 0) words.Add(new Word(x0, x1, text));
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "page")
            {
                page = [];
                pages.Add(page);
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "line")
            {
                box = (Number(reader, "xMin"), Number(reader, "yMin"), Number(reader, "xMax"), Number(reader, "yMax"));
                words = [];
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "line" && words is not null)
            {
                if (words.Count > 0) page?.Add(new Line(box.XMin, box.YMin, box.XMax, box.YMax, words));
                words = null;
            }
            reader.Read();
        }
        return pages;
    }

    private static double Number(XmlReader reader, string name) =>
        double.Parse(reader.GetAttribute(name) ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Paragraphs(List<Line> lines, double left, double right)
    {
        if (lines.Count == 0) yield break;
        var current = new StringBuilder(lines[0].Text());
        for (var i = 1; i < lines.Count; i++)
        {
            Line above = lines[i - 1], line = lines[i];
            var continues = above.XMax >= right - above.Height
                && Math.Abs(line.XMin - left) < line.Height / 2
                && line.YMin > above.YMin
                // A sentence that happens to fill its line, then a line that opens a unit (附件：, 第二十条).
                && !(above.Words[^1].Text[^1] is '。' or '；' or ';' or '：' or ':' && StructuralMarker.StartsLine(line.Words[0].Text));
            continues |= CentredWrap(above, line, left, right);
            if (continues)
            {
                var joined = JoinWrapped(current.ToString(), line.Text());
                current.Clear().Append(joined);
            }
            else
            {
                yield return current.ToString();
                current.Clear().Append(line.Text());
            }
        }
        yield return current.ToString();
    }

    /// <summary>A centred title too long for one line: the line above fills most of the text block and ends
    /// no sentence, this one is centred clear of both margins, both are of one size, and no more than line
    /// spacing lies between them.</summary>
    private static bool CentredWrap(Line above, Line line, double left, double right)
    {
        bool Centred(Line l) => Math.Abs((l.XMin + l.XMax) / 2 - (left + right) / 2) < l.Height;
        return Centred(above) && Centred(line)
            && line.XMin > left + line.Height && line.XMax < right - line.Height
            && above.Words[^1].Text[^1] is not ('。' or '；' or ';' or '：' or ':' or '！' or '？')
            && Math.Abs(above.Height - line.Height) < 0.5
            && above.XMax - above.XMin >= 0.8 * (right - left)
            && line.YMin - above.YMax < 0.5 * line.Height;
    }

    /// <summary>Joins a paragraph and its next printed line. Chinese wraps between any two characters and
    /// a number may wrap inside itself (`〔2` / `022〕`), so nothing goes between them; Latin words wrap at a
    /// space, which comes back.</summary>
    public static string JoinWrapped(string before, string after) =>
        before.Length > 0 && after.Length > 0 && char.IsAsciiLetter(before[^1]) && char.IsAsciiLetter(after[0])
            ? before + " " + after
            : before + after;
}
