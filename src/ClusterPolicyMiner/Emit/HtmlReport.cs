namespace ClusterPolicyMiner.Emit;

/// <summary>The report as one self-contained, static HTML page, laid out by the Scriban templates in
/// <c>Emit/Templates</c>: every number, count and citation is in the markup (the page reads the same with
/// JavaScript off; the small script only adds a row filter), nothing is loaded from the network, and every
/// piece of notice text is escaped by <see cref="HtmlTemplates"/>. Cells carry data-metric, data-doc and
/// data-verdict for tests and scripts.</summary>
internal static class HtmlReport
{
    /// <summary>A CJK-capable font stack first, so Chinese renders where any of these fonts is installed;
    /// A4 landscape print with the matrix at the page width; verdicts carry symbols as well as colours.</summary>
    internal const string Css = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222;line-height:1.4}
        h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1em}
        table{border-collapse:collapse;margin:.8em 0}
        th,td{border:1px solid #bbb;padding:.25em .4em;text-align:left;vertical-align:top}
        #matrix{width:100%;table-layout:fixed;font-size:.85em}
        #matrix th:first-child{width:13em}#matrix th.base{width:9em}
        #matrix td,#matrix th{overflow-wrap:anywhere}#matrix thead .date{white-space:nowrap;display:inline-block}
        .stricter{background:#f6cfc6}.looser{background:#cde6cd}.equal{background:#ececec}
        .baseline{background:#d6e2f5}.incomparable,.no-baseline{background:#f5ecc2}.draft{background:#f0e6f5}.not-set{background:#fff;color:#666}
        .sym{font-weight:bold;margin-right:.2em}
        .reason{display:block;font-size:.85em;color:#555}
        sup a{text-decoration:none}
        .legend td,.legend th{font-size:.9em}
        .key span{padding:.1em .4em;margin-right:.3em;font-size:.85em;white-space:nowrap}
        ol.footnotes{font-size:.85em}ol.footnotes li{margin:.2em 0}
        .path{font-weight:bold}
        ins{background:#cde6cd;text-decoration:none}del{background:#f6cfc6}
        table.side{width:100%;table-layout:fixed;font-size:.9em}table.side td{white-space:pre-wrap}
        .change{font-weight:bold;white-space:nowrap}
        svg{max-width:100%;height:auto}svg text{font-size:12px;font-family:inherit}
        svg .axis{stroke:#444}svg .grid{stroke:#ddd}svg .ref{stroke:#1f4e9c;stroke-dasharray:4 3;stroke-width:1.5}
        svg .dot.stricter,svg .bar.stricter{fill:#c0503c}svg .dot.looser,svg .bar.looser{fill:#3c8c3c}
        svg .dot.equal,svg .bar.equal{fill:#777}svg .dot.baseline,svg .bar.baseline{fill:#1f4e9c}
        svg .dot,svg .bar{fill:#b39500}
        .charts{display:flex;flex-wrap:wrap;gap:1em}.charts figure{margin:0;break-inside:avoid}
        figcaption{font-weight:bold;font-size:.9em}
        #filter{margin:.5em 0}
        @page{size:A4 landscape;margin:10mm}
        @media print{
          body{margin:0;font-size:9pt}
          #matrix{font-size:7.5pt}#matrix th:first-child{width:10em}#matrix th.base{width:7em}#matrix thead th{font-size:6.5pt}
          #filter{display:none}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          h2{break-after:avoid}tr,figure,li{break-inside:avoid}
          #matrix-heading{break-before:page}
          a{color:inherit}
        }
        """;

    /// <summary>Optional: a text box that hides matrix rows not matching what is typed. Nothing else depends on it.</summary>
    internal const string Script = """
        (function () {
          var table = document.getElementById("matrix");
          if (!table) return;
          var box = document.createElement("input");
          box.id = "filter"; box.type = "search"; box.placeholder = "filter criteria…";
          table.parentNode.insertBefore(box, table);
          box.addEventListener("input", function () {
            var q = box.value.toLowerCase();
            table.querySelectorAll("tbody tr").forEach(function (tr) {
              tr.style.display = tr.textContent.toLowerCase().indexOf(q) >= 0 ? "" : "none";
            });
          });
        })();
        """;

    public static string Render(ReportModel model) => HtmlTemplates.Render("comparison.html.sbn", new Dictionary<string, object?>
    {
        ["model"] = model,
        ["national"] = model.Baseline.IsNational,
        ["charts"] = HtmlCharts.PerCriterion(model),
        ["profiles"] = HtmlCharts.Profiles(model),
        ["css"] = new RawHtml(Css),
        ["script"] = new RawHtml(Script),
    });

    /// <summary>Two editions (or a document and its template) side by side, article against article.</summary>
    public static string RenderDiff(ReportModel model) => HtmlTemplates.Render("diff.html.sbn", new Dictionary<string, object?>
    {
        ["model"] = model,
        ["css"] = new RawHtml(Css),
    });
}
