namespace ClusterPolicyMiner.Emit;

/// <summary>How a document's requirement on one criterion stands against the baseline. The report's own
/// words, independent of how the comparison computed them (see <see cref="ReportModelBuilder"/>).</summary>
public enum CellVerdict { Stricter, Looser, Equal, Baseline, Incomparable, NoBaselineValue, Draft, NotSet }

/// <summary>Where a statement comes from: the document, its number, the article path and the quoted sentence.</summary>
public sealed record ReportCitation(string DocumentId, string Document, string? DocNumber, string Path, string Quote);

/// <summary>One document shown in the report. <see cref="NoCriteriaReason"/> says why a document without
/// any criterion has none (it only points to documents the corpus lacks, say); null when it has criteria.</summary>
public sealed record ReportDocument(
    string Id, string Label, string Jurisdiction, DateOnly? Date, string? Title, string? DocNumber,
    string? Kind, string? Status, bool Draft, string Source, string? NoCriteriaReason);

/// <summary>A requirement as the report shows it: the figure, the words of the notice and the citation.</summary>
public sealed record ReportRequirement(
    string DocumentId, string Metric, string MetricLabel, string Op, decimal? Value, string Unit, string? Phrase,
    string Text, ReportCitation Citation);

/// <summary>What the cells are measured against, named and cited.</summary>
public sealed record ReportBaseline(string Kind, string Name, ReportCitation? Citation)
{
    public bool IsNational => Kind == "national";
}

/// <summary>One matrix cell. <see cref="Reason"/> is never empty: it explains the verdict, and why a cell
/// without a requirement is empty. <see cref="Footnote"/> numbers the citation of the requirement.</summary>
public sealed record ReportCell(string DocumentId, CellVerdict Verdict, ReportRequirement? Requirement, string Reason, int? Footnote);

/// <summary>One criterion: its baseline requirement (null with the reason when there is none) and a cell per document.</summary>
public sealed record ReportRow(
    string Metric, string Label, string Unit, ReportRequirement? Baseline, int? BaselineFootnote, string BaselineReason,
    IReadOnlyList<ReportCell> Cells);

/// <summary>A numbered citation, listed under the matrix and referenced from the cells.</summary>
public sealed record ReportFootnote(int Number, ReportCitation Citation);

/// <summary>A legend line: the verdict, the symbol that carries it without colour, its word, what it means, how many cells have it.</summary>
public sealed record LegendEntry(CellVerdict Verdict, string Symbol, string Word, string Meaning, int Count);

/// <summary>A run of text in an inline diff: "equal", "deleted" or "inserted".</summary>
public sealed record ReportSegment(string Kind, string Text);

/// <summary>Aligned articles of two editions (or a clause against its template), in words: the change
/// ("renumbered", "moved", "modified" …), the paths and texts on each side and the inline changes.</summary>
public sealed record ReportArticle(
    string Change, string BeforePath, string AfterPath, string BeforeText, string AfterText, string Basis,
    double Confidence, IReadOnlyList<ReportSegment> Segments);

/// <summary>What changed from one edition of a jurisdiction to the next: sentences in words, then the articles.</summary>
public sealed record ReportEditionChange(
    string BeforeId, string AfterId, string BeforeLabel, string AfterLabel, string Jurisdiction,
    IReadOnlyList<string> Sentences, IReadOnlyList<ReportArticle> Articles);

/// <summary>A document against its template, clause by clause; only the clauses that differ are listed.</summary>
public sealed record ReportTemplateDiff(
    string DocumentId, string TemplateId, string DocumentLabel, string TemplateLabel,
    int Same, int Reworded, int Added, int Dropped, IReadOnlyList<ReportArticle> Clauses);

/// <summary>Everything any report format shows, built once by <see cref="ReportModelBuilder"/>; the writers
/// (HTML, Markdown, CSV, Excel, PDF) only lay it out. <see cref="Thresholds"/> holds every requirement of
/// the shown documents, not only the first per criterion that the matrix shows.</summary>
public sealed record ReportModel(
    string Title,
    DateOnly? On,
    ReportBaseline Baseline,
    IReadOnlyList<ReportDocument> Documents,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<LegendEntry> Legend,
    IReadOnlyList<ReportFootnote> Footnotes,
    IReadOnlyList<ReportRequirement> Thresholds,
    IReadOnlyList<ReportEditionChange> EditionChanges,
    IReadOnlyList<ReportTemplateDiff> TemplateDiffs)
{
    public ReportDocument Document(string id) => Documents.First(d => d.Id == id);
}

/// <summary>The words and symbols of each verdict, shared by every format.</summary>
public static class VerdictWords
{
    public static string Word(CellVerdict v, bool national = false) => v switch
    {
        CellVerdict.Stricter => "stricter",
        CellVerdict.Looser => "looser",
        CellVerdict.Equal => "equal",
        CellVerdict.Baseline => "baseline",
        CellVerdict.Incomparable => "not comparable",
        CellVerdict.NoBaselineValue => national ? "no national value" : "no baseline value",
        CellVerdict.Draft => "draft",
        _ => "not set",
    };

    /// <summary>A symbol per verdict so that no meaning rests on colour alone (print, colour blindness).</summary>
    public static string Symbol(CellVerdict v) => v switch
    {
        CellVerdict.Stricter => "▲",
        CellVerdict.Looser => "▼",
        CellVerdict.Equal => "=",
        CellVerdict.Baseline => "◆",
        CellVerdict.Incomparable => "≠",
        CellVerdict.NoBaselineValue => "○",
        CellVerdict.Draft => "※",
        _ => "—",
    };

    /// <summary>A CSS class and machine-readable id: stricter, looser, equal, baseline, incomparable, no-baseline, not-set.</summary>
    public static string Id(CellVerdict v) => v switch
    {
        CellVerdict.NoBaselineValue => "no-baseline",
        CellVerdict.NotSet => "not-set",
        _ => v.ToString().ToLowerInvariant(),
    };

    public static string Meaning(CellVerdict v) => v switch
    {
        CellVerdict.Stricter => "harder to meet than the baseline",
        CellVerdict.Looser => "easier to meet than the baseline",
        CellVerdict.Equal => "the same requirement as the baseline",
        CellVerdict.Baseline => "this document is the baseline",
        CellVerdict.Incomparable => "different unit or direction: no order with the baseline",
        CellVerdict.NoBaselineValue => "set here, but the baseline has no value to compare with",
        CellVerdict.Draft => "a draft's requirement, shown but not judged",
        _ => "the document sets no requirement on this criterion",
    };
}
