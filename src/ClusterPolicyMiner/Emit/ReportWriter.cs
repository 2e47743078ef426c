using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Everything one comparison report shows. <see cref="Documents"/> gives names to the ids in the
/// matrix and the diffs (jurisdiction, edition date, title); it must hold at least those documents.
/// <see cref="CorpusDocNumbers"/> are the document numbers of the whole corpus (to say which cited documents
/// it lacks); null means those of <see cref="Documents"/>.</summary>
public sealed record ComparisonReport(
    string Title,
    ComparisonMatrix Matrix,
    IReadOnlyList<EditionDiff> EditionDiffs,
    IReadOnlyList<TemplateDiff> TemplateDiffs,
    IReadOnlyList<PolicyDocument> Documents,
    IReadOnlySet<string>? CorpusDocNumbers = null);

/// <summary>Options for the reports.</summary>
public sealed record ReportOptions
{
    /// <summary>Folder, relative to the output root, that holds the reports.</summary>
    public string Folder { get; init; } = "reports";
    /// <summary>File name without extension.</summary>
    public string Name { get; init; } = "comparison";
}

/// <summary>Renders a comparison in every format from one <see cref="ReportModel"/>: Markdown, CSV (one row
/// per document and criterion, with a byte-order mark), a self-contained HTML page, an Excel workbook and a
/// PDF (the HTML printed by Chromium). Output is deterministic: no timestamps, invariant culture, "\n" line
/// ends. <see cref="Write"/> gives the text formats that <c>cpm run</c> puts into <c>extracted/</c>; the
/// workbook and the PDF are binary and written only on request.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<EmittedFile> Write(ComparisonReport report, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var stem = $"{options.Folder}/{options.Name}";
        var model = Model(report);
        return
        [
            new EmittedFile(stem + ".md", MarkdownReport.Render(model)),
            new EmittedFile(stem + ".csv", CsvReport.Render(model)),
            new EmittedFile(stem + ".html", HtmlReport.Render(model)),
        ];
    }

    public static ReportModel Model(ComparisonReport report) => ReportModelBuilder.Build(report);

    public static string Markdown(ComparisonReport report) => MarkdownReport.Render(Model(report));

    public static string Csv(ComparisonReport report) => CsvReport.Render(Model(report));

    public static string Html(ComparisonReport report) => HtmlReport.Render(Model(report));

    /// <summary>Edition or template diffs side by side, in the look of the comparison page.</summary>
    public static string DiffHtml(ComparisonReport report) => HtmlReport.RenderDiff(Model(report));

    public static byte[] Xlsx(ComparisonReport report) => XlsxReport.Render(Model(report));

    /// <summary>The HTML page printed to PDF; throws <see cref="InvalidOperationException"/> with a one-line
    /// message when Chromium is missing or fails.</summary>
    public static byte[] Pdf(ComparisonReport report) => PdfPrinter.Print(Html(report));
}

/// <summary>Short human names for document ids: 青海省 2023-06-27 (draft).</summary>
internal sealed class DocumentNames(IReadOnlyList<PolicyDocument> docs)
{
    private readonly Dictionary<string, PolicyDocument> _byId =
        docs.DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);

    public string Name(string id)
    {
        if (!_byId.TryGetValue(id, out var d)) return DocumentIds.Short(id);
        var date = IsoDate.Of(Editions.StartOf(d)) ?? "undated";
        return $"{Editions.JurisdictionOf(d)} {date}" + (Editions.IsDraft(d) ? " (draft)" : "");
    }

    public string? Title(string id) => _byId.GetValueOrDefault(id)?.Metadata.Title;
}
