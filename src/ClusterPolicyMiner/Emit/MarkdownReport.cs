using System.Text;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>The report as plain Markdown that renders on common forges: pipe tables, no HTML and no HTML
/// entities. Notice text is backslash-escaped where Markdown would read it as markup (brackets, angle
/// brackets, emphasis, pipes, ampersands), so it can never become a link, an image or raw HTML
/// (<c>javascript:</c> links and remote images included). Inline changes are written {-deleted-}{+inserted+}.</summary>
internal static class MarkdownReport
{
    public static string Render(ReportModel m)
    {
        var national = m.Baseline.IsNational;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Text(m.Title)).Append("\n\n");
        sb.Append("Baseline: ").Append(Text(m.Baseline.Name));
        if (m.Baseline.Citation is { } bc)
            sb.Append("; cited from ").Append(Text(bc.Document)).Append(bc.DocNumber is { } n ? " (" + Text(n) + ")" : "");
        sb.Append(".\n");
        if (m.On is { } on) sb.Append("\nIn force on: ").Append(ReportModelBuilder.Date(on)).Append('\n');

        sb.Append("\n## Legend and counts\n\n| symbol | verdict | meaning | cells |\n| --- | --- | --- | --- |\n");
        foreach (var e in m.Legend)
            sb.Append($"| {e.Symbol} | {e.Word} | {e.Meaning} | {e.Count} |\n");

        sb.Append("\n## Documents\n\n| document | title | number | kind | status | note | id |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var d in m.Documents)
            sb.Append($"| {Text(d.Label)} | {Text(d.Title ?? "")} | {Text(d.DocNumber ?? "")} | {Text(d.Kind ?? "")} | {Text(d.Status ?? "")} | {Text(d.NoCriteriaReason ?? "")} | {DocumentIds.Short(d.Id)} |\n");

        sb.Append("\n## Criteria × documents\n\n| criterion | baseline |");
        foreach (var d in m.Documents) sb.Append(' ').Append(Text(d.Label)).Append(" |");
        sb.Append("\n| --- | --- |");
        foreach (var _ in m.Documents) sb.Append(" --- |");
        sb.Append('\n');
        foreach (var row in m.Rows)
        {
            sb.Append($"| {Text(row.Label)} ({Text(row.Metric)}) | ")
              .Append(row.Baseline is { } b ? $"{Text(b.Text)} [{row.BaselineFootnote}]" : "— " + Text(row.BaselineReason)).Append(" |");
            foreach (var cell in row.Cells)
                sb.Append(' ').Append(VerdictWords.Symbol(cell.Verdict)).Append(' ')
                  .Append(cell.Requirement is { } t ? $"{Text(t.Text)} [{cell.Footnote}]"
                      : NoCriteria(m, cell) ? NoCriteriaMarker : Text(cell.Reason)).Append(" |");
            sb.Append('\n');
        }

        sb.Append("\n### Citations\n\n");
        foreach (var f in m.Footnotes)
            sb.Append($"{f.Number}. {Text(f.Citation.Document)}{(f.Citation.DocNumber is { } dn ? " (" + Text(dn) + ")" : "")}, {Text(f.Citation.Path)}: “{Text(f.Citation.Quote)}”\n");

        if (m.EditionChanges.Count > 0) sb.Append("\n## Changes since the previous edition\n");
        foreach (var e in m.EditionChanges)
        {
            sb.Append($"\n### {Text(e.BeforeLabel)} → {Text(e.AfterLabel)}\n\n");
            foreach (var s in e.Sentences) sb.Append("- ").Append(Text(s)).Append('\n');
            sb.Append("\n| change | before | after | matched by | confidence |\n| --- | --- | --- | --- | --- |\n");
            foreach (var a in e.Articles)
                sb.Append($"| {a.Change} | {Path(a.BeforePath)} | {Path(a.AfterPath)} | {a.Basis} | {a.Confidence.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} |\n");
            foreach (var a in e.Articles.Where(a => a.Change is "modified" or "moved" or "split" or "merged" && a.Segments.Any(s => s.Kind != "equal")))
                sb.Append($"\n{Path(a.BeforePath)} → {Path(a.AfterPath)}: {Inline(a.Segments)}\n");
        }

        foreach (var t in m.TemplateDiffs)
        {
            sb.Append($"\n## {Text(t.DocumentLabel)} against the template {Text(t.TemplateLabel)}\n\n");
            sb.Append($"Same {t.Same}, reworded {t.Reworded}, added {t.Added}, dropped {t.Dropped}.\n\n");
            foreach (var c in t.Clauses)
                sb.Append($"- {c.Change}: {(c.Change == "reworded" ? Inline(c.Segments) : Text(c.AfterText.Length > 0 ? c.AfterText : c.BeforeText))}\n");
        }
        return sb.ToString();
    }

    /// <summary>What the cells of a document without any criterion say; why it has none is said once, in the
    /// documents table's note, rather than in every row of its column.</summary>
    internal const string NoCriteriaMarker = "no criteria (see note)";

    private static bool NoCriteria(ReportModel m, ReportCell cell) =>
        cell.Verdict == CellVerdict.NotSet && m.Document(cell.DocumentId).NoCriteriaReason is not null;

    private static string Inline(IReadOnlyList<ReportSegment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        "deleted" => "{-" + Text(s.Text) + "-}",
        "inserted" => "{+" + Text(s.Text) + "+}",
        _ => Text(s.Text),
    }));

    private static string Path(string p) => p.Length == 0 ? "—" : Text(p);

    /// <summary>Markdown-inert text on one line: characters that could open markup are backslash-escaped
    /// (CommonMark allows it for any ASCII punctuation): brackets (links, images), angle brackets (HTML,
    /// autolinks), the ':' of a scheme (so no bare URL or javascript: is linked), pipes, backticks, ampersands (entities);
    /// line breaks become spaces.</summary>
    internal static string Text(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '\r') continue;
            if (c is '\n') { sb.Append(' '); continue; }
            if (c is '\\' or '|' or '<' or '>' or '[' or ']' or '`' or '&' || c == ':' && IsSchemeColon(s, i))
                sb.Append('\\');
            sb.Append(c);
        }
        // A forge would turn www.example.com into a link even without a scheme (GFM extended autolinks).
        return sb.ToString().Replace("www.", "www\\.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A colon after an ASCII letter and before a non-space, as in https://x or javascript:x.</summary>
    private static bool IsSchemeColon(string s, int i) =>
        i > 0 && char.IsAsciiLetter(s[i - 1]) && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]);
}
