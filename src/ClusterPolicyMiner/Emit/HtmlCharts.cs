using ClusterPolicyMiner.Compare;

namespace ClusterPolicyMiner.Emit;

/// <summary>A tick on the x axis: its position and label.</summary>
internal sealed record ChartTick(double X, string Label);

/// <summary>One row of a chart: a dot (criterion chart) or a bar (profile) at <see cref="X"/>, with its words.</summary>
internal sealed record ChartPoint(string DocumentId, string Label, double Y, double X, string Verdict, string Symbol, string Text);

/// <summary>The baseline drawn as a vertical reference line.</summary>
internal sealed record ChartReference(double X, string Label);

/// <summary>The geometry of one inline SVG chart; the template draws it.</summary>
internal sealed record ChartView(
    string Id, string Title, string AxisLabel, int Width, int Height, int Left, int Right, int Top, int Bottom,
    IReadOnlyList<ChartTick> Ticks, IReadOnlyList<ChartPoint> Points, ChartReference? Reference);

/// <summary>Lays out the charts of the HTML report: per criterion a dot per document, sorted by value, on a
/// labelled axis in the reader's unit (亿元, %, 平方公里), the baseline as a dashed line; per document a
/// profile, each criterion as a share of the baseline's value (100% = the baseline).</summary>
internal static class HtmlCharts
{
    private const int Width = 680, Left = 190, Right = 600, Top = 24, RowHeight = 22, AxisSpace = 40;

    public static IReadOnlyList<ChartView> PerCriterion(ReportModel model)
    {
        var charts = new List<ChartView>();
        foreach (var row in model.Rows)
        {
            var set = row.Cells.Where(c => c.Requirement?.Value is not null && c.Requirement.Unit == row.Unit).ToList();
            if (set.Count == 0) continue;
            var (divisor, axis) = Scale(row.Unit, set.Max(c => c.Requirement!.Value!.Value));
            var baseValue = row.Baseline?.Value is { } bv && row.Baseline.Unit == row.Unit ? bv / divisor : (decimal?)null;
            var values = set.Select(c => c.Requirement!.Value!.Value / divisor).ToList();
            var max = NiceMax(Math.Max((double)values.Max(), (double)(baseValue ?? 0)));
            var sorted = set.OrderByDescending(c => c.Requirement!.Value).ThenBy(c => model.Document(c.DocumentId).Label, StringComparer.Ordinal).ToList();
            var points = sorted.Select((c, i) => new ChartPoint(c.DocumentId, model.Document(c.DocumentId).Label, Top + i * RowHeight + RowHeight / 2.0,
                X((double)(c.Requirement!.Value!.Value / divisor), max), VerdictWords.Id(c.Verdict), VerdictWords.Symbol(c.Verdict), c.Requirement.Text)).ToList();
            var bottom = Top + points.Count * RowHeight;
            var reference = baseValue is { } b
                ? new ChartReference(X((double)b, max), (model.Baseline.IsNational ? "national " : "baseline ") + row.Baseline!.Text)
                : null;
            charts.Add(new ChartView("chart-" + row.Metric, $"{row.Label} ({row.Metric})", axis, Width, bottom + AxisSpace,
                Left, Right, Top, bottom, Ticks(max, 0), points, reference));
        }
        return charts;
    }

    /// <summary>One chart per document: each criterion that both it and the baseline set with a value, as a
    /// percentage of the baseline value. The text says the verdict, which for ceilings is the other way round.</summary>
    public static IReadOnlyList<ChartView> Profiles(ReportModel model)
    {
        var charts = new List<ChartView>();
        foreach (var doc in model.Documents)
        {
            var items = model.Rows
                .Select(r => (Row: r, Cell: r.Cells.First(c => c.DocumentId == doc.Id)))
                .Where(x => x.Cell.Requirement?.Value is { } v && x.Row.Baseline?.Value is { } b && b != 0
                            && x.Cell.Requirement.Unit == x.Row.Baseline.Unit)
                .Select(x => (x.Row, x.Cell, Share: (double)(x.Cell.Requirement!.Value!.Value / x.Row.Baseline!.Value!.Value * 100m)))
                .ToList();
            if (items.Count == 0) continue;
            var max = NiceMax(Math.Max(100, items.Max(i => i.Share)));
            var points = items.Select((x, i) => new ChartPoint(doc.Id, x.Row.Label, Top + i * RowHeight + RowHeight / 2.0, X(x.Share, max),
                VerdictWords.Id(x.Cell.Verdict), VerdictWords.Symbol(x.Cell.Verdict),
                $"{x.Cell.Requirement!.Text} ({Math.Round(x.Share):0}%)")).ToList();
            var bottom = Top + points.Count * RowHeight;
            var name = model.Baseline.IsNational ? "national value" : "baseline value";
            charts.Add(new ChartView("profile-" + doc.Id, doc.Label, "% of the " + name, Width, bottom + AxisSpace,
                Left, Right, Top, bottom, Ticks(max, 1), points, new ChartReference(X(100, max), "100% = " + name)));
        }
        return charts;
    }

    private static double X(double value, double max) => Math.Round(Left + value / max * (Right - Left), 1);

    /// <summary>The divisor and axis label that put a unit's values in the words a reader uses.</summary>
    private static (decimal Divisor, string Axis) Scale(string unit, decimal max) => unit switch
    {
        "CNY" when max >= 100_000_000m => (100_000_000m, "亿元"),
        "CNY" when max >= 10_000m => (10_000m, "万元"),
        "CNY" => (1m, "元"),
        "%" => (1m, "%"),
        "km2" => (1m, "平方公里 (km²)"),
        "count" => (1m, "count (家/个)"),
        _ => (1m, unit),
    };

    /// <summary>The next round number (1, 2, 2.5 or 5 × 10ⁿ) at or above 110% of the largest value.</summary>
    private static double NiceMax(double value)
    {
        if (value <= 0) return 1;
        var target = value * 1.1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        foreach (var f in new[] { 1, 2, 2.5, 5, 10 })
            if (f * magnitude >= target) return f * magnitude;
        return 10 * magnitude;
    }

    /// <summary>Five equal steps from 0 to max; <paramref name="suffix"/> 1 appends % to the labels.</summary>
    private static IReadOnlyList<ChartTick> Ticks(double max, int suffix) =>
        Enumerable.Range(0, 6).Select(i =>
        {
            var v = max * i / 5;
            return new ChartTick(X(v, max), ThresholdText.Number((decimal)Math.Round(v, 3)) + (suffix == 1 ? "%" : ""));
        }).ToList();
}
