using System.Globalization;
using System.Net;
using System.Text;
using ClusterPolicyMiner.Compare;

namespace ClusterPolicyMiner.Emit;

/// <summary>One self-contained HTML page: inline CSS, an inline script that only counts verdicts for the
/// legend, inline SVG bars; nothing is loaded from the network. Every piece of notice text goes through
/// <see cref="E"/>. Matrix cells carry data-metric, data-doc and data-verdict for tests and scripts.</summary>
internal static class HtmlReport
{
    /// <summary>The metrics charted as bars, one chart each.</summary>
    private static readonly string[] ChartMetrics = ["output_3y_each", "sme_output_share"];

    private const string Css = """
        body{font-family:sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse;margin:1em 0}
        th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}
        td.stricter{background:#f8d0c8}td.looser{background:#cfe8cf}td.equal{background:#eee}
        td.baseline{background:#d6e2f5;font-weight:bold}td.incomparable,td.no-baseline{background:#f5ecc2}td.missing{color:#999}
        ins{background:#cfe8cf;text-decoration:none}del{background:#f8d0c8}
        .legend span{display:inline-block;padding:.1em .5em;margin-right:.5em}
        svg text{font-size:12px}
        """;

    private const string Script = """
        for (const v of ["stricter","looser","equal","baseline","incomparable","no-baseline","missing"]) {
          const n = document.querySelectorAll('#matrix td[data-verdict="' + v + '"]').length;
          const el = document.getElementById("count-" + v);
          if (el) el.textContent = String(n);
        }
        """;

    public static string Render(ComparisonReport report, DocumentNames names)
    {
        var m = report.Matrix;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(report.Title))
          .Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<h1>").Append(E(report.Title)).Append("</h1>\n");

        sb.Append("<p class=\"legend\">");
        foreach (var v in new[] { "stricter", "looser", "equal", "baseline", "incomparable", "no-baseline", "missing" })
            sb.Append($"<span class=\"{v}\">{v}: <b id=\"count-{v}\">?</b></span>");
        sb.Append("</p>\n");

        Matrix(sb, m, names);
        foreach (var metric in ChartMetrics)
            if (m.Rows.FirstOrDefault(r => r.Metric == metric) is { } row) Chart(sb, m, row, names);
        foreach (var d in report.EditionDiffs) EditionDiffSection(sb, d, names);
        foreach (var t in report.TemplateDiffs) TemplateDiffSection(sb, t, names);

        sb.Append("<script>\n").Append(Script).Append("\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Matrix(StringBuilder sb, ComparisonMatrix m, DocumentNames names)
    {
        sb.Append("<h2>Matrix</h2>\n<p>Baseline: ").Append(E(ThresholdText.BaselineWords(m, names.Name))).Append("</p>\n<table id=\"matrix\">\n<thead><tr><th>metric</th><th>baseline</th>");
        foreach (var c in m.Columns)
            sb.Append($"<th data-doc=\"{E(c.DocumentId)}\" title=\"{E(c.Title ?? "")}\">{E(names.Name(c.DocumentId))}</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in m.Rows)
        {
            sb.Append($"<tr data-metric=\"{E(row.Metric)}\"><th>{E(row.Metric)}<br>{E(row.Name)}</th><td>{E(row.Baseline is null ? "" : ThresholdText.Describe(row.Baseline))}</td>");
            foreach (var cell in row.Cells)
            {
                var verdict = ThresholdText.VerdictWord(cell.Verdict);
                var quote = cell.Threshold is { } t ? $" title=\"{E(t.Source.Path + ": " + t.Source.Quote)}\"" : "";
                sb.Append($"<td class=\"{verdict}\" data-metric=\"{E(row.Metric)}\" data-doc=\"{E(cell.DocumentId)}\" data-verdict=\"{verdict}\"")
                  .Append(cell.Threshold is { } th ? $" data-op=\"{E(th.Op)}\" data-value=\"{(th.Value is { } v ? ThresholdText.Number(v) : "")}\"" : "")
                  .Append(quote).Append('>').Append(E(cell.Display)).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (m.PartialCriteria.Count > 0)
        {
            sb.Append("<h3>Criteria only some documents set</h3>\n<ul>\n");
            foreach (var p in m.PartialCriteria)
                sb.Append($"<li data-metric=\"{E(p.Metric)}\">{E(p.Metric)}: set by {E(string.Join(", ", p.PresentIn.Select(names.Name)))}; not by {E(string.Join(", ", p.AbsentFrom.Select(names.Name)))}</li>\n");
            sb.Append("</ul>\n");
        }
    }

    /// <summary>Horizontal bars, one per document that sets the metric, scaled to the largest value.</summary>
    private static void Chart(StringBuilder sb, ComparisonMatrix m, MatrixRow row, DocumentNames names)
    {
        var cells = row.Cells.Where(c => c.Threshold?.Value is not null).ToList();
        if (cells.Count == 0) return;
        var max = cells.Max(c => c.Threshold!.Value!.Value);
        const int barHeight = 22, labelWidth = 160, barWidth = 360;
        var height = cells.Count * (barHeight + 6) + 10;
        sb.Append($"<h2>{E(row.Metric)} {E(row.Name)}</h2>\n")
          .Append($"<svg id=\"chart-{E(row.Metric)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 140}\" height=\"{height}\" role=\"img\">\n");
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            var y = 5 + i * (barHeight + 6);
            var w = max == 0 ? 0 : (int)Math.Round(c.Threshold!.Value!.Value / max * barWidth);
            var verdict = ThresholdText.VerdictWord(c.Verdict);
            var fill = verdict switch { "stricter" => "#d9705c", "looser" => "#5ca05c", "baseline" => "#5c7fc0", _ => "#999" };
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\">{E(names.Name(c.DocumentId))}</text>")
              .Append(CultureInfo.InvariantCulture, $"<rect data-doc=\"{E(c.DocumentId)}\" data-verdict=\"{verdict}\" x=\"{labelWidth}\" y=\"{y}\" width=\"{w}\" height=\"{barHeight}\" fill=\"{fill}\"/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6}\" y=\"{y + 15}\">{E(c.Display)}</text>\n");
        }
        sb.Append("</svg>\n");
    }

    private static void EditionDiffSection(StringBuilder sb, EditionDiff d, DocumentNames names)
    {
        sb.Append($"<section class=\"edition-diff\" data-before=\"{E(d.BeforeId)}\" data-after=\"{E(d.AfterId)}\">\n")
          .Append($"<h2>Edition diff: {E(names.Name(d.BeforeId))} → {E(names.Name(d.AfterId))}</h2>\n");
        if (d.ThresholdChanges.Count > 0)
        {
            sb.Append("<ul class=\"threshold-changes\">\n");
            foreach (var c in d.ThresholdChanges) sb.Append($"<li data-metric=\"{E(c.Metric)}\">{E(c.Description)}</li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append("<table>\n<tr><th>change</th><th>matched by</th><th>confidence</th><th>before</th><th>after</th><th>text</th></tr>\n");
        foreach (var p in d.Articles)
            sb.Append($"<tr data-change=\"{p.Change}\"><td>{p.Change}</td><td>{p.Basis}</td><td>{p.Confidence.ToString("0.###", CultureInfo.InvariantCulture)}</td>")
              .Append($"<td>{E(string.Join(" + ", p.Before.Select(r => r.Path)))}</td><td>{E(string.Join(" + ", p.After.Select(r => r.Path)))}</td>")
              .Append("<td>").Append(p.Change == ArticleChange.Unchanged ? "" : Inline(p.Segments)).Append("</td></tr>\n");
        sb.Append("</table>\n</section>\n");
    }

    private static void TemplateDiffSection(StringBuilder sb, TemplateDiff t, DocumentNames names)
    {
        sb.Append($"<section class=\"template-diff\" data-doc=\"{E(t.DocumentId)}\" data-template=\"{E(t.TemplateId)}\">\n")
          .Append($"<h2>Template diff: {E(names.Name(t.DocumentId))} against {E(names.Name(t.TemplateId))}</h2>\n")
          .Append($"<p>Same {t.Count(ClauseStatus.Same)}, reworded {t.Count(ClauseStatus.Reworded)}, added {t.Count(ClauseStatus.Added)}, dropped {t.Count(ClauseStatus.Dropped)}.</p>\n<ul>\n");
        foreach (var c in t.Clauses.Where(c => c.Status != ClauseStatus.Same))
            sb.Append($"<li data-status=\"{c.Status.ToString().ToLowerInvariant()}\">").Append(Inline(c.Segments)).Append("</li>\n");
        sb.Append("</ul>\n</section>\n");
    }

    private static string Inline(IReadOnlyList<DiffSegment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        SegmentKind.Deleted => "<del>" + E(s.Text) + "</del>",
        SegmentKind.Inserted => "<ins>" + E(s.Text) + "</ins>",
        _ => E(s.Text),
    }));

    /// <summary>HTML-escapes text and attribute values (&lt; &gt; &amp; " ').</summary>
    private static string E(string s) => WebUtility.HtmlEncode(s);
}
