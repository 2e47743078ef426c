using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace ClusterPolicyMiner.Emit;

/// <summary>The report as an Excel workbook (ClosedXML): a matrix sheet with the verdict colours, the
/// symbols and a legend; a sheet of every requirement with its citation; a sheet of the documents. Header
/// rows are frozen and filtered. The bytes are the same run to run: fixed document properties and zip
/// entries re-stamped with one fixed time.</summary>
internal static partial class XlsxReport
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static byte[] Render(ReportModel m)
    {
        using var wb = new XLWorkbook();
        wb.Properties.Author = "ClusterPolicyMiner";
        wb.Properties.Title = m.Title;
        wb.Properties.Created = Epoch;
        wb.Properties.Modified = Epoch;
        wb.Properties.LastModifiedBy = "ClusterPolicyMiner";
        Matrix(wb.AddWorksheet("Matrix"), m);
        Thresholds(wb.AddWorksheet("Thresholds"), m);
        Documents(wb.AddWorksheet("Documents"), m);
        using var raw = new MemoryStream();
        wb.SaveAs(raw);
        return Restamp(raw.ToArray());
    }

    private static void Matrix(IXLWorksheet ws, ReportModel m)
    {
        Header(ws, ["criterion", "metric", "baseline", .. m.Documents.Select(d => d.Label)]);
        var r = 2;
        foreach (var row in m.Rows)
        {
            ws.Cell(r, 1).SetValue(row.Label);
            ws.Cell(r, 2).SetValue(row.Metric);
            ws.Cell(r, 3).SetValue(row.Baseline is { } b ? $"{b.Text} [{row.BaselineFootnote}]" : "— " + row.BaselineReason);
            Fill(ws.Cell(r, 3), row.Baseline is null ? CellVerdict.NotSet : CellVerdict.Baseline);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var x = ws.Cell(r, 4 + i);
                x.SetValue(VerdictWords.Symbol(cell.Verdict) + " "
                           + (cell.Requirement is { } t ? $"{t.Text} [{cell.Footnote}]" : cell.Reason));
                Fill(x, cell.Verdict);
            }
            r++;
        }
        ws.Range(1, 1, r - 1, 3 + m.Documents.Count).SetAutoFilter();
        ws.SheetView.Freeze(1, 3);
        ws.Column(1).Width = 30;
        ws.Column(2).Width = 24;
        ws.Columns(3, 3 + m.Documents.Count).Width = 22;
        ws.Rows(2, r - 1).Style.Alignment.WrapText = true;

        r += 1;
        ws.Cell(r++, 1).SetValue("Baseline: " + m.Baseline.Name).Style.Font.Bold = true;
        ws.Cell(r++, 1).SetValue("Legend").Style.Font.Bold = true;
        foreach (var e in m.Legend)
        {
            ws.Cell(r, 1).SetValue(e.Symbol + " " + e.Word);
            Fill(ws.Cell(r, 1), e.Verdict);
            ws.Cell(r, 2).SetValue(e.Meaning);
            ws.Cell(r, 3).SetValue(e.Count);
            r++;
        }
        r += 1;
        ws.Cell(r++, 1).SetValue("Citations").Style.Font.Bold = true;
        foreach (var f in m.Footnotes)
        {
            ws.Cell(r, 1).SetValue($"[{f.Number}] {f.Citation.Document}");
            ws.Cell(r, 2).SetValue(f.Citation.Path);
            ws.Cell(r, 3).SetValue(f.Citation.Quote);
            r++;
        }
    }

    private static void Thresholds(IXLWorksheet ws, ReportModel m)
    {
        Header(ws, ["document", "jurisdiction", "metric", "label", "op", "value", "unit", "phrase", "requirement", "path", "quote", "document_id"]);
        var r = 2;
        foreach (var t in m.Thresholds)
        {
            var d = m.Document(t.DocumentId);
            ws.Cell(r, 1).SetValue(d.Label);
            ws.Cell(r, 2).SetValue(d.Jurisdiction);
            ws.Cell(r, 3).SetValue(t.Metric);
            ws.Cell(r, 4).SetValue(t.MetricLabel);
            ws.Cell(r, 5).SetValue(t.Op);
            if (t.Value is { } v) ws.Cell(r, 6).SetValue(v);
            ws.Cell(r, 7).SetValue(t.Unit);
            ws.Cell(r, 8).SetValue(t.Phrase ?? "");
            ws.Cell(r, 9).SetValue(t.Text);
            ws.Cell(r, 10).SetValue(t.Citation.Path);
            ws.Cell(r, 11).SetValue(t.Citation.Quote);
            ws.Cell(r, 12).SetValue(t.DocumentId);
            r++;
        }
        Finish(ws, r - 1, 12, [22, 10, 24, 30, 6, 14, 8, 10, 18, 18, 60, 20]);
    }

    private static void Documents(IXLWorksheet ws, ReportModel m)
    {
        Header(ws, ["document", "jurisdiction", "date", "title", "number", "kind", "status", "note", "source", "document_id"]);
        var r = 2;
        foreach (var d in m.Documents)
        {
            string[] values = [d.Label, d.Jurisdiction, ReportModelBuilder.Date(d.Date), d.Title ?? "", d.DocNumber ?? "", d.Kind ?? "",
                d.Status ?? "", d.NoCriteriaReason ?? "", d.Source, d.Id];
            for (var c = 0; c < values.Length; c++) ws.Cell(r, c + 1).SetValue(values[c]);
            r++;
        }
        Finish(ws, r - 1, 10, [22, 10, 12, 50, 20, 12, 8, 40, 40, 20]);
    }

    private static void Header(IXLWorksheet ws, IReadOnlyList<string> names)
    {
        for (var c = 0; c < names.Count; c++)
        {
            var cell = ws.Cell(1, c + 1);
            cell.SetValue(names[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDDDDD");
        }
    }

    private static void Finish(IXLWorksheet ws, int lastRow, int columns, int[] widths)
    {
        ws.Range(1, 1, Math.Max(lastRow, 1), columns).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
    }

    /// <summary>The same colours as the HTML page; the symbol in the text carries the meaning without them.</summary>
    private static void Fill(IXLCell cell, CellVerdict v) => cell.Style.Fill.BackgroundColor = XLColor.FromHtml(v switch
    {
        CellVerdict.Stricter => "#F6CFC6",
        CellVerdict.Looser => "#CDE6CD",
        CellVerdict.Equal => "#ECECEC",
        CellVerdict.Baseline => "#D6E2F5",
        CellVerdict.Incomparable or CellVerdict.NoBaselineValue => "#F5ECC2",
        CellVerdict.Draft => "#F0E6F5",
        _ => "#FFFFFF",
    });

    /// <summary>Rewrites the package so that the same workbook gives the same bytes: every entry stamped with
    /// one fixed time, in the original order, and the random ids the packaging layer invents (relationship ids
    /// R + 16 hex digits, the core-properties part's GUID name) replaced by counters in order of appearance.</summary>
    private static byte[] Restamp(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e =>
        {
            using var s = e.Open();
            using var buffer = new MemoryStream();
            s.CopyTo(buffer);
            return (e.FullName, Bytes: buffer.ToArray());
        }).ToList();

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Stable(Match m) => ids.TryGetValue(m.Value, out var v) ? v
            : ids[m.Value] = (m.Value.StartsWith('R') ? "Rcpm" : "cpm") + ids.Count.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        string Fix(string text) => RandomId().Replace(text, Stable);

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var copy = zip.CreateEntry(Fix(name), CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(Epoch);
                using var to = copy.Open();
                var isXml = name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal)
                            || name.EndsWith(".psmdcp", StringComparison.Ordinal);
                var content = isXml ? System.Text.Encoding.UTF8.GetBytes(Fix(System.Text.Encoding.UTF8.GetString(bytes))) : bytes;
                if (isXml && bytes.AsSpan().StartsWith(Bom) && !content.AsSpan().StartsWith(Bom)) content = [.. Bom, .. content];
                to.Write(content);
            }
        }
        return output.ToArray();
    }

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>A relationship id (R and 16 hex digits, in an Id or r:id attribute) or the GUID name of the
    /// core-properties part.</summary>
    [GeneratedRegex(@"(?<=(?:Id|r:id)="")R[0-9a-f]{16}(?="")|[0-9a-f]{32}(?=\.psmdcp)")]
    private static partial Regex RandomId();
}
