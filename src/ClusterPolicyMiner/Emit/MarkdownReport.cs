using System.Text;
using ClusterPolicyMiner.Compare;

namespace ClusterPolicyMiner.Emit;

/// <summary>The report as Markdown. Inline changes are written [-deleted-]{+inserted+} (wdiff style), which
/// reads in plain text as well as rendered.</summary>
internal static class MarkdownReport
{
    public static string Render(ComparisonReport report, DocumentNames names)
    {
        var m = report.Matrix;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Cell(report.Title)).Append("\n\n");
        sb.Append("Baseline: ").Append(BaselineText(m, names)).Append('\n');
        if (m.On is { } on) sb.Append("In force on: ").Append(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        sb.Append('\n');

        sb.Append("## Documents\n\n| document | title | kind | status | id |\n| --- | --- | --- | --- | --- |\n");
        foreach (var c in m.Columns)
            sb.Append($"| {Cell(names.Name(c.DocumentId))} | {Cell(c.Title ?? "")} | {Cell(c.Kind ?? "")} | {Cell(c.Status ?? "")} | {DocumentNames.Short(c.DocumentId)} |\n");

        sb.Append("\n## Matrix\n\n| metric | baseline |");
        foreach (var c in m.Columns) sb.Append(' ').Append(Cell(names.Name(c.DocumentId))).Append(" |");
        sb.Append("\n| --- | --- |");
        foreach (var _ in m.Columns) sb.Append(" --- |");
        sb.Append('\n');
        foreach (var row in m.Rows)
        {
            sb.Append($"| {row.Metric} {Cell(row.Name)} | {Cell(row.Baseline is null ? "—" : ThresholdText.Describe(row.Baseline))} |");
            foreach (var cell in row.Cells)
                sb.Append(' ').Append(cell.Threshold is null ? "—" : $"{Cell(cell.Display)} ({ThresholdText.VerdictWord(cell.Verdict, m.BaselineKind)})").Append(" |");
            sb.Append('\n');
        }

        BaselineCitations(sb, m);

        if (m.PartialCriteria.Count > 0)
        {
            sb.Append("\n## Criteria only some documents set\n\n");
            foreach (var p in m.PartialCriteria)
                sb.Append($"- {p.Metric}: set by {string.Join(", ", p.PresentIn.Select(names.Name))}; not by {string.Join(", ", p.AbsentFrom.Select(names.Name))}\n");
        }

        foreach (var d in report.EditionDiffs) EditionDiffSection(sb, d, names);
        foreach (var t in report.TemplateDiffs) TemplateDiffSection(sb, t, names);
        return sb.ToString();
    }

    private static void EditionDiffSection(StringBuilder sb, EditionDiff d, DocumentNames names)
    {
        sb.Append($"\n## Edition diff: {Cell(names.Name(d.BeforeId))} → {Cell(names.Name(d.AfterId))}\n\n");
        if (d.ThresholdChanges.Count > 0)
        {
            sb.Append("Threshold changes:\n\n");
            foreach (var c in d.ThresholdChanges) sb.Append("- ").Append(Cell(c.Description)).Append('\n');
            sb.Append('\n');
        }
        sb.Append("| change | matched by | confidence | before | after |\n| --- | --- | --- | --- | --- |\n");
        foreach (var p in d.Articles)
            sb.Append($"| {p.Change} | {p.Basis} | {p.Confidence:0.###} | {Paths(p.Before)} | {Paths(p.After)} |\n");
        foreach (var p in d.Articles.Where(p => p.Change is not ArticleChange.Unchanged and not ArticleChange.Added and not ArticleChange.Removed))
            if (TextDiffHasChanges(p.Segments))
                sb.Append($"\n{Paths(p.Before)} → {Paths(p.After)}: {Inline(p.Segments)}\n");
    }

    private static void TemplateDiffSection(StringBuilder sb, TemplateDiff t, DocumentNames names)
    {
        sb.Append($"\n## Template diff: {Cell(names.Name(t.DocumentId))} against {Cell(names.Name(t.TemplateId))}\n\n");
        sb.Append($"Same {t.Count(ClauseStatus.Same)}, reworded {t.Count(ClauseStatus.Reworded)}, added {t.Count(ClauseStatus.Added)}, dropped {t.Count(ClauseStatus.Dropped)}.\n\n");
        foreach (var c in t.Clauses.Where(c => c.Status != ClauseStatus.Same))
        {
            var body = c.Status == ClauseStatus.Reworded ? Inline(c.Segments) : Cell(c.Text ?? c.TemplateText ?? "");
            sb.Append($"- {c.Status.ToString().ToLowerInvariant()}: {body}\n");
        }
    }

    private static bool TextDiffHasChanges(IReadOnlyList<DiffSegment> s) => s.Any(x => x.Kind != SegmentKind.Equal);

    private static string Inline(IReadOnlyList<DiffSegment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        SegmentKind.Deleted => "[-" + Cell(s.Text) + "-]",
        SegmentKind.Inserted => "{+" + Cell(s.Text) + "+}",
        _ => Cell(s.Text),
    }));

    private static string Paths(IReadOnlyList<ArticleRef> refs) => refs.Count == 0 ? "—" : Cell(string.Join(" + ", refs.Select(r => r.Path)));

    private static string BaselineText(ComparisonMatrix m, DocumentNames names) => Cell(ThresholdText.BaselineWords(m, names.Name));

    /// <summary>Each baseline value with the part and sentence it was read from.</summary>
    private static void BaselineCitations(StringBuilder sb, ComparisonMatrix m)
    {
        var cited = m.Rows.Where(r => r.BaselineCitation is not null).ToList();
        if (cited.Count == 0) return;
        sb.Append("\n## Baseline citations\n\n");
        foreach (var r in cited)
        {
            var c = r.BaselineCitation!;
            sb.Append($"- {r.Metric}: {Cell(ThresholdText.Describe(r.Baseline!))} — {Cell(c.DocNumber is { } n ? n + " " : "")}{Cell(c.Path)}: “{Cell(c.Quote)}”\n");
        }
        var unknown = m.Rows.Where(r => r.Baseline is null).Select(r => r.Metric).ToList();
        if (unknown.Count > 0 && m.BaselineKind == BaselineKind.National)
            sb.Append($"- no national value: {string.Join(", ", unknown)}\n");
    }

    /// <summary>Keeps a value on one table line: pipes escaped, line breaks and HTML brackets neutralised.</summary>
    private static string Cell(string s) =>
        s.Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", "").Replace("\n", " ");
}
