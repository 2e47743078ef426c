using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>What the rows are measured against when no document is chosen.</summary>
public enum BaselineChoice
{
    /// <summary>The national standard: an ingested national measure (全国) in force, else the curated file.</summary>
    National,
    /// <summary>The per-metric median of the shown final documents.</summary>
    Median,
}

/// <summary>Which documents the matrix shows and what it measures them against.</summary>
public sealed record MatrixOptions
{
    /// <summary>Show, per jurisdiction, the latest edition in force on this date. Null: the latest final edition
    /// of each jurisdiction whatever its dates.</summary>
    public DateOnly? On { get; init; }

    /// <summary>An explicit set of document ids to show instead (several editions of one jurisdiction allowed).</summary>
    public IReadOnlyList<string>? DocumentIds { get; init; }

    /// <summary>A document to use as baseline; overrides <see cref="Baseline"/>.</summary>
    public string? BaselineDocumentId { get; init; }

    /// <summary>National (default) or the median of the shown documents.</summary>
    public BaselineChoice Baseline { get; init; } = BaselineChoice.National;

    /// <summary>Drafts are shown, judged and enter a median only when this is set (or, for showing, when
    /// <see cref="DocumentIds"/> names them; their cells then say <see cref="Verdict.Draft"/>).</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>The curated national standard used when no national document is in force; the embedded file by default.</summary>
    public NationalBaseline? NationalFile { get; init; }
}

/// <summary>Where the baseline of each row comes from.</summary>
public enum BaselineKind { Chosen, National, Median }

/// <summary>The baseline as a whole: its kind, the document (null for the curated file and the median) and
/// the national document's identity when the baseline is national.</summary>
/// <param name="Origin">"document", the curated file's name (<see cref="NationalBaseline.FileName"/>) or "median".</param>
public sealed record BaselineSource(
    BaselineKind Kind, string Origin, string? DocumentId, string? Jurisdiction, string? Title, string? DocNumber,
    DateOnly? Issued, string? Annex);

/// <summary>Where a cell's or a baseline's requirement was read: the document (null for the curated file),
/// its number when known, the article path (or annex part) and the quoted sentence.</summary>
public sealed record CellCitation(string? DocumentId, string? DocNumber, string Path, string Quote);

/// <summary>One column: a document.</summary>
public sealed record MatrixColumn(
    string DocumentId, string Jurisdiction, string? Title, string? Kind, string? Status, DateOnly? Edition);

/// <summary>One cell: the document's requirement on the metric and how it stands against the row's baseline.</summary>
/// <param name="Reason">Why the verdict is what it is, in words; for an empty cell, why it is empty.</param>
/// <param name="Citation">Where the requirement was read; null when the document sets none.</param>
public sealed record MatrixCell(string DocumentId, Threshold? Threshold, string Display, Verdict Verdict,
    string? Reason = null, CellCitation? Citation = null);

/// <summary>One row: a canonical metric, its baseline requirement (null when none) and one cell per column.</summary>
/// <param name="BaselineCitation">Where the baseline requirement was read; null when there is none or it is a median.</param>
public sealed record MatrixRow(
    string Metric, string Name, Threshold? Baseline, string? BaselineDocumentId, IReadOnlyList<MatrixCell> Cells,
    CellCitation? BaselineCitation = null);

/// <summary>A criterion that only some of the shown documents set.</summary>
public sealed record PartialCriterion(string Metric, IReadOnlyList<string> PresentIn, IReadOnlyList<string> AbsentFrom);

/// <summary>Canonical criteria × documents, grouped by jurisdiction, each cell judged against a baseline.</summary>
public sealed record ComparisonMatrix(
    DateOnly? On,
    BaselineKind BaselineKind,
    string? BaselineDocumentId,
    IReadOnlyList<MatrixColumn> Columns,
    IReadOnlyList<MatrixRow> Rows,
    IReadOnlyList<PartialCriterion> PartialCriteria,
    BaselineSource? Baseline = null)
{
    public const string NationalJurisdiction = "全国";

    public static ComparisonMatrix Build(IReadOnlyList<PolicyDocument> docs, MatrixOptions options)
    {
        var shown = Select(docs, options);
        var source = ChooseBaseline(docs, options);
        var baselineDoc = source.DocumentId is { } bid ? docs.First(d => d.Id == bid) : null;
        var nationalFile = source.Origin == NationalBaseline.FileName ? options.NationalFile ?? NationalBaseline.Default : null;

        var columns = shown.Select(d => new MatrixColumn(
            d.Id, Editions.JurisdictionOf(d), d.Metadata.Title, d.Metadata.Kind, d.Metadata.Status,
            Editions.StartOf(d))).ToList();

        var perDoc = shown.ToDictionary(d => d.Id, FirstPerMetric, StringComparer.Ordinal);
        var baselineByMetric = baselineDoc is not null ? FirstPerMetric(baselineDoc)
            : nationalFile?.Criteria.ToDictionary(t => t.Metric, StringComparer.Ordinal);
        var metrics = CriteriaTable.Sort(perDoc.Values.SelectMany(m => m.Keys)
            .Concat(baselineByMetric?.Keys ?? Enumerable.Empty<string>())).ToList();

        var rows = new List<MatrixRow>();
        foreach (var metric in metrics)
        {
            var present = shown.Select(d => perDoc[d.Id].GetValueOrDefault(metric)).ToList();
            Threshold? baseline;
            CellCitation? baselineCitation = null;
            string? baselineId;
            if (baselineByMetric is null)
            {
                var judged = present.Where((t, i) => t is not null && Judged(shown[i], options)).OfType<Threshold>().ToList();
                baseline = Median(judged);
                baselineId = baseline is null ? null : shown.FirstOrDefault(d => perDoc[d.Id].GetValueOrDefault(metric) == baseline)?.Id;
            }
            else
            {
                baseline = baselineByMetric.GetValueOrDefault(metric);
                baselineId = baselineDoc?.Id;
                if (baseline is not null)
                    baselineCitation = new CellCitation(baselineDoc?.Id, source.DocNumber, baseline.Source.Path, baseline.Source.Quote);
            }

            var cells = shown.Select((d, i) => Cell(d, present[i], baseline, baselineDoc, source, options)).ToList();
            rows.Add(new MatrixRow(metric, CriteriaTable.NameOf(metric), baseline, baselineId, cells, baselineCitation));
        }

        var partial = rows
            .Where(r => r.Cells.Any(c => c.Threshold is null) && r.Cells.Any(c => c.Threshold is not null))
            .Select(r => new PartialCriterion(
                r.Metric,
                r.Cells.Where(c => c.Threshold is not null).Select(c => c.DocumentId).ToList(),
                r.Cells.Where(c => c.Threshold is null).Select(c => c.DocumentId).ToList()))
            .ToList();

        return new ComparisonMatrix(options.On, source.Kind, baselineDoc?.Id, columns, rows, partial, source);
    }

    private static MatrixCell Cell(PolicyDocument doc, Threshold? t, Threshold? baseline, PolicyDocument? baselineDoc,
        BaselineSource source, MatrixOptions options)
    {
        if (t is null)
            return new MatrixCell(doc.Id, null, "", Verdict.Missing, "not set: the document states no requirement on this criterion");
        var citation = new CellCitation(doc.Id, doc.Metadata.DocNumber, t.Source.Path, t.Source.Quote);
        var display = ThresholdText.Describe(t);
        if (baselineDoc is not null && doc.Id == baselineDoc.Id)
            return new MatrixCell(doc.Id, t, display, Verdict.Baseline, "the baseline itself", citation);
        if (!Judged(doc, options))
            return new MatrixCell(doc.Id, t, display, Verdict.Draft, "draft: not judged (use --include-drafts)", citation);
        var verdict = Strictness.Compare(t, baseline);
        var reason = verdict switch
        {
            Verdict.NoBaseline when source.Kind == BaselineKind.National =>
                $"no national value: {source.DocNumber} states no requirement on this criterion",
            Verdict.NoBaseline => "no baseline value to measure it against",
            Verdict.Incomparable => "not comparable: the baseline differs in comparator direction or unit, or has no number",
            _ => $"{ThresholdText.VerdictWord(verdict)} than the baseline {ThresholdText.Describe(baseline!)}",
        };
        if (verdict == Verdict.Equal) reason = $"equal to the baseline {ThresholdText.Describe(baseline!)}";
        return new MatrixCell(doc.Id, t, display, verdict, reason, citation);
    }

    /// <summary>Whether a document's cells are judged and may enter a median: finals always, drafts on request.</summary>
    private static bool Judged(PolicyDocument doc, MatrixOptions options) => options.IncludeDrafts || !Editions.IsDraft(doc);

    private static IReadOnlyList<PolicyDocument> Select(IReadOnlyList<PolicyDocument> docs, MatrixOptions options)
    {
        if (options.DocumentIds is { } ids)
        {
            var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
            return Editions.Ordered(docs.Where(d => wanted.Contains(d.Id)).DistinctBy(d => d.Id));
        }
        return Editions.Latest(docs.Where(d => Judged(d, options)), options.On);
    }

    private static BaselineSource ChooseBaseline(IReadOnlyList<PolicyDocument> docs, MatrixOptions options)
    {
        if (options.BaselineDocumentId is { } id)
        {
            var chosen = docs.FirstOrDefault(d => d.Id == id)
                ?? throw new ArgumentException($"baseline document {id} is not among the documents", nameof(options));
            if (!Judged(chosen, options))
                throw new ArgumentException($"baseline document {id} is a draft; drafts enter a baseline only with IncludeDrafts", nameof(options));
            return FromDocument(BaselineKind.Chosen, chosen);
        }
        if (options.Baseline == BaselineChoice.Median)
            return new BaselineSource(BaselineKind.Median, "median", null, null, null, null, null, null);

        // The extracted national document takes over from the curated file once it is in the corpus.
        var national = Editions.Latest(
            docs.Where(d => Editions.JurisdictionOf(d) == NationalJurisdiction && !Editions.IsDraft(d)
                            && d.Thresholds.Any(t => t.Metric != "unknown")), options.On);
        if (national.Count > 0) return FromDocument(BaselineKind.National, national[0]);
        var file = options.NationalFile ?? NationalBaseline.Default;
        return new BaselineSource(BaselineKind.National, NationalBaseline.FileName, null, file.Jurisdiction, file.Title,
            file.DocNumber, file.Issued, file.Annex);
    }

    private static BaselineSource FromDocument(BaselineKind kind, PolicyDocument d) =>
        new(kind, "document", d.Id, Editions.JurisdictionOf(d), d.Metadata.Title, d.Metadata.DocNumber, d.Metadata.Issued, null);

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
