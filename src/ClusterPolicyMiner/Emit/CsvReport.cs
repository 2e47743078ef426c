using System.Globalization;
using CsvHelper;

namespace ClusterPolicyMiner.Emit;

/// <summary>The matrix in long form, one row per document and criterion, for spreadsheets and scripts.
/// UTF-8 with a byte-order mark (so Excel on a Chinese Windows reads it as UTF-8), invariant numbers, "\n"
/// line ends. A text cell that a spreadsheet would take for a formula (= + - @, tab, carriage return first)
/// is prefixed with an apostrophe; numbers are left as they are.</summary>
internal static class CsvReport
{
    public const char ByteOrderMark = '\uFEFF';

    private static readonly string[] Header =
    [
        "jurisdiction", "date", "kind", "status", "metric", "label", "op", "value", "unit", "phrase", "requirement",
        "verdict", "baseline", "baseline_value", "reason", "path", "quote", "document_id",
    ];

    public static string Render(ReportModel model)
    {
        var writer = new StringWriter { NewLine = "\n" };
        writer.Write(ByteOrderMark);
        var options = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(writer, options, true))
        {
            csv.WriteRecord(Header);
            foreach (var doc in model.Documents)
                foreach (var row in model.Rows)
                {
                    var cell = row.Cells.First(c => c.DocumentId == doc.Id);
                    var t = cell.Requirement;
                    csv.WriteRecord(new[]
                    {
                        doc.Jurisdiction, ReportModelBuilder.Date(doc.Date), doc.Kind ?? "", doc.Status ?? "",
                        row.Metric, row.Label, t?.Op ?? "", Number(t?.Value), t?.Unit ?? "", t?.Phrase ?? "", t?.Text ?? "",
                        VerdictWords.Word(cell.Verdict, model.Baseline.IsNational),
                        row.Baseline?.Text ?? "", Number(row.Baseline?.Value), cell.Reason,
                        t?.Citation.Path ?? "", t?.Citation.Quote ?? "", doc.Id,
                    }.Select(Neutralise).ToArray());
                }
        }
        return writer.ToString();
    }

    private static string Number(decimal? v) => v is { } d ? Compare.ThresholdText.Number(d) : "";

    /// <summary>Prefixes an apostrophe to a cell a spreadsheet would evaluate (CSV injection); a plain number stays a number.</summary>
    internal static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
}
