using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>Which documents the matrix shows and what it measures them against.</summary>
public sealed record MatrixOptions
{
    /// <summary>Show, per jurisdiction, the latest edition in force on this date. Null: the latest edition
    /// of each jurisdiction whatever its dates (final texts preferred to drafts).</summary>
    public DateOnly? On { get; init; }

    /// <summary>An explicit set of document ids to show instead (several editions of one jurisdiction allowed).</summary>
    public IReadOnlyList<string>? DocumentIds { get; init; }

    /// <summary>A document to use as baseline. When null the national measure (全国) is used if present,
    /// otherwise the per-metric median of the shown documents.</summary>
    public string? BaselineDocumentId { get; init; }
}

/// <summary>Where the baseline of each row comes from.</summary>
public enum BaselineKind { Chosen, National, Median }

/// <summary>One column: a document.</summary>
public sealed record MatrixColumn(
    string DocumentId, string Jurisdiction, string? Title, string? Kind, string? Status, DateOnly? Edition);

/// <summary>One cell: the document's requirement on the metric and how it stands against the row's baseline.</summary>
public sealed record MatrixCell(string DocumentId, Threshold? Threshold, string Display, Verdict Verdict);

/// <summary>One row: a canonical metric, its baseline requirement (null when none) and one cell per column.</summary>
public sealed record MatrixRow(
    string Metric, string Name, Threshold? Baseline, string? BaselineDocumentId, IReadOnlyList<MatrixCell> Cells);

/// <summary>A criterion that only some of the shown documents set.</summary>
public sealed record PartialCriterion(string Metric, IReadOnlyList<string> PresentIn, IReadOnlyList<string> AbsentFrom);

/// <summary>Canonical criteria × documents, grouped by jurisdiction, each cell judged against a baseline.</summary>
public sealed record ComparisonMatrix(
    DateOnly? On,
    BaselineKind BaselineKind,
    string? BaselineDocumentId,
    IReadOnlyList<MatrixColumn> Columns,
    IReadOnlyList<MatrixRow> Rows,
    IReadOnlyList<PartialCriterion> PartialCriteria)
{
    public const string NationalJurisdiction = "全国";

    public static ComparisonMatrix Build(IReadOnlyList<PolicyDocument> docs, MatrixOptions options)
    {
        var shown = Select(docs, options);
        var (kind, baselineDoc) = ChooseBaseline(docs, options);

        var columns = shown.Select(d => new MatrixColumn(
            d.Id, Editions.JurisdictionOf(d), d.Metadata.Title, d.Metadata.Kind, d.Metadata.Status,
            Editions.StartOf(d))).ToList();

        var perDoc = shown.ToDictionary(d => d.Id, FirstPerMetric, StringComparer.Ordinal);
        var metrics = CriteriaTable.Sort(perDoc.Values.SelectMany(m => m.Keys)).ToList();
        var baselineByMetric = baselineDoc is null ? null : FirstPerMetric(baselineDoc);

        var rows = new List<MatrixRow>();
        foreach (var metric in metrics)
        {
            var present = shown.Select(d => perDoc[d.Id].GetValueOrDefault(metric)).ToList();
            var baseline = baselineByMetric is null
                ? Median(present.OfType<Threshold>().ToList())
                : baselineByMetric.GetValueOrDefault(metric);
            var baselineId = baselineDoc?.Id
                ?? (baseline is null ? null : shown.FirstOrDefault(d => perDoc[d.Id].GetValueOrDefault(metric) == baseline)?.Id);

            var cells = shown.Select((d, i) =>
            {
                var t = present[i];
                var verdict = t is null ? Verdict.Missing
                    : baselineDoc is not null && d.Id == baselineDoc.Id ? Verdict.Baseline
                    : Strictness.Compare(t, baseline);
                return new MatrixCell(d.Id, t, t is null ? "" : ThresholdText.Describe(t), verdict);
            }).ToList();
            rows.Add(new MatrixRow(metric, CriteriaTable.NameOf(metric), baseline, baselineId, cells));
        }

        var partial = rows
            .Where(r => r.Cells.Any(c => c.Threshold is null))
            .Select(r => new PartialCriterion(
                r.Metric,
                r.Cells.Where(c => c.Threshold is not null).Select(c => c.DocumentId).ToList(),
                r.Cells.Where(c => c.Threshold is null).Select(c => c.DocumentId).ToList()))
            .ToList();

        return new ComparisonMatrix(options.On, kind, baselineDoc?.Id, columns, rows, partial);
    }

    private static IReadOnlyList<PolicyDocument> Select(IReadOnlyList<PolicyDocument> docs, MatrixOptions options)
    {
        if (options.DocumentIds is { } ids)
        {
            var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
            return Editions.Ordered(docs.Where(d => wanted.Contains(d.Id)).DistinctBy(d => d.Id));
        }
        return Editions.Latest(docs, options.On);
    }

    private static (BaselineKind, PolicyDocument?) ChooseBaseline(IReadOnlyList<PolicyDocument> docs, MatrixOptions options)
    {
        if (options.BaselineDocumentId is { } id && docs.FirstOrDefault(d => d.Id == id) is { } chosen)
            return (BaselineKind.Chosen, chosen);
        var national = Editions.Latest(
            docs.Where(d => Editions.JurisdictionOf(d) == NationalJurisdiction), options.On);
        return national.Count > 0 ? (BaselineKind.National, national[0]) : (BaselineKind.Median, null);
    }

    /// <summary>The requirement a document states first (in text order) for each metric.</summary>
    private static Dictionary<string, Threshold> FirstPerMetric(PolicyDocument doc) =>
        doc.Thresholds
            .Where(t => t.Metric != "unknown")
            .GroupBy(t => t.Metric, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Source.Start).First(), StringComparer.Ordinal);

    /// <summary>The middle requirement in strictness order (the looser of the two middles for an even count);
    /// null when the requirements do not share a direction and unit and so have no order.</summary>
    private static Threshold? Median(IReadOnlyList<Threshold> ts)
    {
        if (ts.Count == 0) return null;
        var first = ts[0];
        var comparable = ts.All(t => t.Value is not null && t.Unit == first.Unit
            && Strictness.Direction(t.Op) == Strictness.Direction(first.Op) && Strictness.Direction(t.Op) != 0);
        if (!comparable) return ts.Count == 1 ? first : null;
        var sorted = ts.OrderBy(t => t, Comparer<Threshold>.Create(Strictness.Order)).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
