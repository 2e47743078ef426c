using System.Globalization;
using ClusterPolicyMiner.Compare;
using CsvHelper;

namespace ClusterPolicyMiner.Emit;

/// <summary>The matrix in long form: one row per metric and document, for spreadsheets and scripts.</summary>
internal static class CsvReport
{
    private static readonly string[] Header =
        ["metric", "name", "document_id", "jurisdiction", "edition", "op", "value", "unit", "phrase", "requirement", "verdict", "baseline"];

    public static string Render(ComparisonMatrix matrix)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var options = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(writer, options, true))
        {
            csv.WriteRecord(Header);
            var columns = matrix.Columns.ToDictionary(c => c.DocumentId, StringComparer.Ordinal);
            foreach (var row in matrix.Rows)
                foreach (var cell in row.Cells)
                {
                    var col = columns[cell.DocumentId];
                    var t = cell.Threshold;
                    csv.WriteRecord(
                    [
                        row.Metric, row.Name, cell.DocumentId, col.Jurisdiction,
                        col.Edition?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        t?.Op ?? "", t?.Value is { } v ? ThresholdText.Number(v) : "", t?.Unit ?? "", t?.Phrase ?? "",
                        cell.Display, ThresholdText.VerdictWord(cell.Verdict, matrix.BaselineKind),
                        row.Baseline is null ? "" : ThresholdText.Describe(row.Baseline),
                    ]);
                }
        }
        return writer.ToString();
    }
}
