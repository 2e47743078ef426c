using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Everything one comparison report shows. <see cref="Documents"/> gives names to the ids in the
/// matrix and the diffs (jurisdiction, edition date, title).</summary>
public sealed record ComparisonReport(
    string Title,
    ComparisonMatrix Matrix,
    IReadOnlyList<EditionDiff> EditionDiffs,
    IReadOnlyList<TemplateDiff> TemplateDiffs,
    IReadOnlyList<PolicyDocument> Documents);

/// <summary>Options for the reports.</summary>
public sealed record ReportOptions
{
    /// <summary>Folder, relative to the output root, that holds the reports.</summary>
    public string Folder { get; init; } = "reports";
    /// <summary>File name without extension.</summary>
    public string Name { get; init; } = "comparison";
}

/// <summary>Renders a comparison as Markdown, CSV (one row per matrix cell) and one self-contained HTML page.
/// Output is deterministic: no timestamps, invariant culture, "\n" line ends.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<EmittedFile> Write(ComparisonReport report, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var stem = $"{options.Folder}/{options.Name}";
        return
        [
            new EmittedFile(stem + ".md", Markdown(report)),
            new EmittedFile(stem + ".csv", Csv(report)),
            new EmittedFile(stem + ".html", Html(report)),
        ];
    }

    public static string Markdown(ComparisonReport report) => MarkdownReport.Render(report, new DocumentNames(report.Documents));

    public static string Csv(ComparisonReport report) => CsvReport.Render(report.Matrix);

    public static string Html(ComparisonReport report) => HtmlReport.Render(report, new DocumentNames(report.Documents));
}

/// <summary>Short human names for document ids: 青海省 2023-06-27 (draft).</summary>
internal sealed class DocumentNames(IReadOnlyList<PolicyDocument> docs)
{
    private readonly Dictionary<string, PolicyDocument> _byId =
        docs.DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);

    public string Name(string id)
    {
        if (!_byId.TryGetValue(id, out var d)) return Short(id);
        var date = Editions.StartOf(d)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated";
        return $"{Editions.JurisdictionOf(d)} {date}" + (Editions.IsDraft(d) ? " (draft)" : "");
    }

    public string? Title(string id) => _byId.GetValueOrDefault(id)?.Metadata.Title;

    public static string Short(string id) => id[..Math.Min(12, id.Length)];
}
