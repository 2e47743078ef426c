using System.Globalization;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Maps the comparison's outputs (matrix, edition diffs, template diffs) into the
/// <see cref="ReportModel"/>. This is the only place that knows the shapes of <c>Compare/</c>: when the
/// comparison changes (a curated national baseline, verdicts with their own reasons) only this file follows.</summary>
public static class ReportModelBuilder
{
    public static ReportModel Build(ComparisonReport report)
    {
        var m = report.Matrix;
        var byId = report.Documents.DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var names = new DocumentNames(report.Documents);
        var corpusNumbers = report.CorpusDocNumbers
            ?? report.Documents.Select(d => d.Metadata.DocNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var documents = m.Columns.Select(c => Document(byId[c.DocumentId], names, corpusNumbers)).ToList();
        var baseline = Baseline(m, byId, names);
        var national = baseline.IsNational;

        var footnotes = new List<ReportFootnote>();
        int Note(ReportCitation c)
        {
            var existing = footnotes.FirstOrDefault(f => f.Citation == c);
            if (existing is not null) return existing.Number;
            footnotes.Add(new ReportFootnote(footnotes.Count + 1, c));
            return footnotes.Count;
        }

        var rows = new List<ReportRow>();
        foreach (var row in m.Rows)
        {
            var unit = CriteriaTable.All.FirstOrDefault(c => c.Metric == row.Metric)?.Unit ?? row.Baseline?.Unit ?? "";
            var baseDoc = row.BaselineDocumentId is { } bid ? byId.GetValueOrDefault(bid) : null;
            var baseReq = row.Baseline is not { } bt ? null
                : row.BaselineCitation is { DocumentId: null } file ? FileRequirement(bt, file, m.Baseline)
                : baseDoc is not null ? Requirement(baseDoc, bt, names)
                : null;
            var baseNote = baseReq is null ? (int?)null : Note(baseReq.Citation);
            var baseReason = baseReq is not null
                ? BaselineReason(m.BaselineKind, baseReq.Citation.Document)
                : m.BaselineKind switch
                {
                    BaselineKind.National => "the national measures set no value",
                    BaselineKind.Chosen => "the baseline document sets no value",
                    _ => "no median: the documents' requirements differ in unit or direction",
                };

            var cells = row.Cells.Select(cell =>
            {
                var doc = byId[cell.DocumentId];
                var verdict = Map(cell.Verdict);
                var req = cell.Threshold is { } t ? Requirement(doc, t, names) : null;
                // The cell's rule is the bound Compare judged (of a range, the one facing the baseline); its text
                // is the whole requirement as Compare writes it (10平方公里至100平方公里), in every format.
                if (req is not null && cell.Display.Length > 0) req = req with { Text = cell.Display };
                var footnote = req is null ? (int?)null : Note(req.Citation);
                var docEntry = documents.First(d => d.Id == doc.Id);
                return new ReportCell(doc.Id, verdict, req, Reason(verdict, req, baseReq, docEntry, national, cell.Reason), footnote);
            }).ToList();
            rows.Add(new ReportRow(row.Metric, row.Name, unit, baseReq, baseNote, baseReason, cells));
        }

        var legend = Enum.GetValues<CellVerdict>()
            .Select(v => new LegendEntry(v, VerdictWords.Symbol(v), VerdictWords.Word(v, national), VerdictWords.Meaning(v),
                rows.Sum(r => r.Cells.Count(c => c.Verdict == v))))
            .ToList();

        var thresholds = m.Columns
            .SelectMany(c => byId[c.DocumentId].Thresholds.Where(t => t.Metric != "unknown").OrderBy(t => t.Source.Start)
                .Select(t => Requirement(byId[c.DocumentId], t, names)))
            .ToList();

        return new ReportModel(
            report.Title, m.On, baseline, documents, rows, legend, footnotes, thresholds,
            report.EditionDiffs.Select(d => EditionChange(d, byId, names)).ToList(),
            report.TemplateDiffs.Select(t => Template(t, names)).ToList());
    }

    private static CellVerdict Map(Verdict v) => v switch
    {
        Verdict.Stricter => CellVerdict.Stricter,
        Verdict.Looser => CellVerdict.Looser,
        Verdict.Equal => CellVerdict.Equal,
        Verdict.Baseline => CellVerdict.Baseline,
        Verdict.Incomparable => CellVerdict.Incomparable,
        Verdict.NoBaseline => CellVerdict.NoBaselineValue,
        Verdict.Draft => CellVerdict.Draft,
        _ => CellVerdict.NotSet,
    };

    private static ReportDocument Document(PolicyDocument d, DocumentNames names, IReadOnlySet<string> corpusNumbers)
    {
        string? noCriteria = null;
        if (d.Thresholds.All(t => t.Metric == "unknown"))
        {
            // As the eligibility check says it: the measures a notice cites hold its criteria; the national
            // measures are the national standard, not this jurisdiction's own.
            var national = NationalBaseline.Default.DocNumber;
            var elsewhere = d.Metadata.Cites.Where(c => c.DocNumber is { } n && n != national && !corpusNumbers.Contains(n))
                .DistinctBy(c => c.DocNumber).Select(c => $"《{c.Title}》{c.DocNumber}").ToList();
            noCriteria = elsewhere.Count > 0
                ? $"no criteria in this document: they are in {string.Join(", ", elsewhere)}, not in the corpus"
                : "no criteria in this document";
        }
        return new ReportDocument(d.Id, names.Name(d.Id), Editions.JurisdictionOf(d), Editions.StartOf(d), d.Metadata.Title,
            d.Metadata.DocNumber, d.Metadata.Kind, d.Metadata.Status, Editions.IsDraft(d), d.Source, noCriteria);
    }

    private static ReportRequirement Requirement(PolicyDocument d, Threshold t, DocumentNames names) => new(
        d.Id, t.Metric, CriteriaTable.NameOf(t.Metric), t.Op, t.Value, t.Unit, string.IsNullOrEmpty(t.Phrase) ? null : t.Phrase,
        ThresholdText.Describe(t), new ReportCitation(d.Id, names.Name(d.Id), d.Metadata.DocNumber, t.Source.Path, t.Source.Quote));

    /// <summary>A baseline value read from the curated national file: cited by its document number, annex part and quote.</summary>
    private static ReportRequirement FileRequirement(Threshold t, CellCitation c, BaselineSource? source) => new(
        "", t.Metric, CriteriaTable.NameOf(t.Metric), t.Op, t.Value, t.Unit, string.IsNullOrEmpty(t.Phrase) ? null : t.Phrase,
        ThresholdText.Describe(t), new ReportCitation("", NationalName(source), c.DocNumber, c.Path, c.Quote));

    private static string NationalName(BaselineSource? b) =>
        b is null ? "national standard" : $"《{b.Title}》" + (b.Annex is { } a ? " " + a : "");

    private static ReportBaseline Baseline(ComparisonMatrix m, Dictionary<string, PolicyDocument> byId, DocumentNames names)
    {
        if (m.BaselineKind == BaselineKind.National && m.Baseline is { DocumentId: null } file)
        {
            var issued = file.Issued is { } i ? ", issued " + Date(i) : "";
            return new ReportBaseline("national",
                $"national standard 《{file.Title}》 {file.DocNumber}{issued}; annex {file.Annex} (values curated in {file.Origin}, each with its quote: the text is not in the corpus)",
                new ReportCitation("", NationalName(file), file.DocNumber, file.Annex ?? "", file.Title ?? ""));
        }
        if (m.BaselineKind == BaselineKind.Median || m.BaselineDocumentId is null || !byId.TryGetValue(m.BaselineDocumentId, out var d))
            return new ReportBaseline("median", "per-criterion median of the shown final documents", null);
        var kind = m.BaselineKind == BaselineKind.National ? "national" : "document";
        var title = d.Metadata.Title ?? names.Name(d.Id);
        var name = (kind == "national" ? "national measures: " : "chosen document: ") + title
                   + (d.Metadata.DocNumber is { } n ? $" ({n})" : "");
        return new ReportBaseline(kind, name, new ReportCitation(d.Id, names.Name(d.Id), d.Metadata.DocNumber, "", title));
    }

    private static string BaselineReason(BaselineKind kind, string document) => kind switch
    {
        BaselineKind.Median => "median of the shown documents, as set by " + document,
        BaselineKind.National => "national value, " + document,
        _ => "as set by " + document,
    };

    /// <summary>The comparison's own reason where it gives one; for an empty cell of a document without any
    /// criterion, why it has none (the documents it points to that the corpus lacks).</summary>
    private static string Reason(CellVerdict v, ReportRequirement? req, ReportRequirement? baseline, ReportDocument doc, bool national, string? given)
    {
        var draft = doc.Draft ? "draft, not in force; " : "";
        if (v == CellVerdict.NotSet && doc.NoCriteriaReason is { } none) return draft + none;
        if (given is { Length: > 0 }) return v == CellVerdict.Draft ? given : draft + given;
        return v switch
        {
            CellVerdict.Draft => "draft: not judged",
            CellVerdict.NotSet => doc.NoCriteriaReason ?? draft + "not set in this document",
            CellVerdict.NoBaselineValue => draft + (national ? "no national value to compare with" : "no baseline value to compare with"),
            CellVerdict.Baseline => draft + "this document is the baseline",
            CellVerdict.Incomparable => draft + $"{req!.Text} and the baseline's {baseline?.Text ?? "?"} differ in unit or direction",
            _ => draft + $"{req!.Text} against the baseline's {baseline?.Text ?? "?"}",
        };
    }

    private static ReportEditionChange EditionChange(EditionDiff d, Dictionary<string, PolicyDocument> byId, DocumentNames names)
    {
        var sentences = d.ThresholdChanges.Select(c => c.Description).ToList();
        var counts = d.Articles.GroupBy(a => a.Change).OrderBy(g => g.Key).Where(g => g.Key != ArticleChange.Unchanged)
            .Select(g => $"{g.Count()} {Word(g.Key)}").ToList();
        sentences.Add(counts.Count == 0 ? "The articles are unchanged." : "Articles: " + string.Join(", ", counts) + ".");
        var jurisdiction = byId.TryGetValue(d.AfterId, out var after) ? Editions.JurisdictionOf(after) : Editions.UnknownJurisdiction;
        return new ReportEditionChange(d.BeforeId, d.AfterId, names.Name(d.BeforeId), names.Name(d.AfterId), jurisdiction, sentences,
            d.Articles.Select(a => new ReportArticle(Word(a.Change),
                string.Join(" + ", a.Before.Select(r => r.Path)), string.Join(" + ", a.After.Select(r => r.Path)),
                string.Join("\n", a.Before.Select(r => r.Text.Trim())), string.Join("\n", a.After.Select(r => r.Text.Trim())),
                a.Basis.ToString().ToLowerInvariant(), a.Confidence, Segments(a.Segments))).ToList());
    }

    private static ReportTemplateDiff Template(TemplateDiff t, DocumentNames names) => new(
        t.DocumentId, t.TemplateId, names.Name(t.DocumentId), names.Name(t.TemplateId),
        t.Count(ClauseStatus.Same), t.Count(ClauseStatus.Reworded), t.Count(ClauseStatus.Added), t.Count(ClauseStatus.Dropped),
        t.Clauses.Where(c => c.Status != ClauseStatus.Same).Select(c => new ReportArticle(
            c.Status.ToString().ToLowerInvariant(), "", "", c.TemplateText ?? "", c.Text ?? "", "similarity",
            c.Similarity, Segments(c.Segments))).ToList());

    private static string Word(ArticleChange c) => c.ToString().ToLowerInvariant();

    private static IReadOnlyList<ReportSegment> Segments(IReadOnlyList<DiffSegment> s) =>
        s.Select(x => new ReportSegment(x.Kind switch
        {
            SegmentKind.Deleted => "deleted",
            SegmentKind.Inserted => "inserted",
            _ => "equal",
        }, x.Text)).ToList();

    internal static string Date(DateOnly? d) => IsoDate.Of(d) ?? "";
}
