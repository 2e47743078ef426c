using System.CommandLine;
using System.Globalization;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm compare [--on DATE] [--docs ID…] [--baseline national|median|ID] [--include-drafts]
/// [--format table|md|csv|html|xlsx|pdf|json] [--json] [--out FILE]</c>.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext ctx)
    {
        var on = new Option<string?>("--on") { Description = "the editions in force on this date (YYYY-MM-DD); default: the latest final of each jurisdiction" };
        var docs = new Option<string[]>("--docs") { Description = "compare exactly these documents (ids or prefixes)", AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<string>("--baseline") { Description = "national (default: the national standard), median, or a document id", DefaultValueFactory = _ => "national" };
        var drafts = new Option<bool>("--include-drafts") { Description = "show drafts and let them enter a median or be the baseline" };
        var format = new Option<string>("--format") { Description = "table, md, csv, html, xlsx, pdf or json (xlsx and pdf need --out)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "md", "csv", "html", "xlsx", "pdf", "json");
        var json = new Option<bool>("--json") { Description = "the matrix as JSON (same as --format json)" };
        var output = new Option<string?>("--out") { Description = "write to this file instead of standard output" };
        var cmd = new Command("compare", "canonical criteria × documents, each cell against the national baseline") { on, docs, baseline, drafts, format, json, output };
        cmd.SetAction(p =>
        {
            using var store = Stored.Open(ctx, p);
            var view = Stored.View(store);
            var all = view.Headers;
            var includeDrafts = p.GetValue(drafts);
            var options = new MatrixOptions
            {
                On = Args.Date(p.GetValue(on), "--on"),
                DocumentIds = p.GetValue(docs) is { Length: > 0 } ids ? [.. ids.SelectMany(i => i.Split(',')).Select(i => Args.Id(store, i))] : null,
                IncludeDrafts = includeDrafts,
            };
            options = p.GetValue(baseline) switch
            {
                "national" => options with { Baseline = BaselineChoice.National },
                "median" => options with { Baseline = BaselineChoice.Median },
                var id => options with { BaselineDocumentId = BaselineId(store, all, id!, includeDrafts) },
            };
            // Only the models the matrix shows are loaded; the headers name the rest.
            var shown = MatrixInputs.Needed(all, options, view);
            var matrix = ComparisonMatrix.Build(shown, options);
            var numbers = all.Select(h => h.Metadata.DocNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var report = new ComparisonReport(CorpusOutputs.ReportTitle, matrix, [], [], shown, numbers);
            var chosen = p.GetValue(json) ? "json" : p.GetValue(format)!;
            if (chosen is "xlsx" or "pdf")
            {
                var path = p.GetValue(output) ?? throw new UsageException($"--format {chosen} writes a binary file: give it with --out FILE");
                byte[] bytes;
                try { bytes = chosen == "xlsx" ? ReportWriter.Xlsx(report) : ReportWriter.Pdf(report); }
                catch (InvalidOperationException e) when (chosen == "pdf")
                {
                    ctx.Error.WriteLine("cpm: " + e.Message);
                    return ExitCodes.SomeFailed;
                }
                Args.WriteBytes(ctx, path, bytes);
                return ExitCodes.Ok;
            }
            var text = chosen switch
            {
                "md" => ReportWriter.Markdown(report),
                "csv" => ReportWriter.Csv(report),
                "html" => ReportWriter.Html(report),
                "json" => JsonOut.Write(matrix),
                _ => null,
            };
            if (text is null) Table(ctx, matrix);
            else Args.Write(ctx, p.GetValue(output), text);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string BaselineId(PolicyStore store, IReadOnlyList<DocumentHeader> all, string idOrPrefix, bool includeDrafts)
    {
        var id = Args.Id(store, idOrPrefix);
        var doc = all.FirstOrDefault(d => d.Id == id)
            ?? throw new UsageException($"--baseline {idOrPrefix}: a repost of another document; use the canonical id from 'cpm list'");
        if (Editions.IsDraft(doc.AsDocument()) && !includeDrafts)
            throw new UsageException($"--baseline {idOrPrefix}: a draft is a baseline only with --include-drafts");
        return id;
    }

    private static void Table(CliContext ctx, ComparisonMatrix m)
    {
        ctx.Out.WriteLine("baseline: " + ThresholdText.BaselineWords(m, DocumentIds.Short));
        var headers = new List<string> { "metric", "baseline" };
        headers.AddRange(m.Columns.Select(c => $"{c.Jurisdiction} {IsoDate.Of(c.Edition) ?? "?"}"));
        Views.Table(ctx, headers, m.Rows.Select(r => new[]
        {
            r.Metric, r.Baseline is { } t ? ThresholdText.Describe(t) : m.BaselineKind == BaselineKind.National ? "no national value" : "—",
        }.Concat(r.Cells.Select(c => c.Threshold is null ? "not set" : $"{c.Display} ({ThresholdText.VerdictWord(c.Verdict, m.BaselineKind)})")).ToArray()));
    }
}

/// <summary>Parsing helpers shared by the comparison commands; bad values are usage errors.</summary>
internal static class Args
{
    public static DateOnly? Date(string? s, string option) =>
        s is null ? null
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"{option} {s}: not a date (YYYY-MM-DD)");

    public static string Id(PolicyStore store, string idOrPrefix) =>
        store.Resolve(idOrPrefix) ?? throw new UsageException($"{idOrPrefix}: no stored document has that id (or the prefix is ambiguous); see 'cpm list'");

    public static void Write(CliContext ctx, string? path, string text)
    {
        if (path is null) { ctx.Out.Write(text); return; }
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        ctx.Out.WriteLine($"wrote {path}");
    }

    public static void WriteBytes(CliContext ctx, string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        ctx.Out.WriteLine($"wrote {path}");
    }
}

/// <summary>The stored documents that a comparison should see: reposts of one notice count once.</summary>
internal static class Stored
{
    /// <summary>The store of a read-only command, opened read-only (never created).</summary>
    public static PolicyStore Open(CliContext ctx, ParseResult p) => PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock, readOnly: true);

    public static IReadOnlyList<Model.PolicyDocument> Distinct(PolicyStore store)
    {
        var hidden = Hidden(store);
        return [.. store.LoadAll().Where(d => !hidden.Contains(d.Id))];
    }

    /// <summary>The stored documents that did not fail, without reposts: headers only, each model loaded when asked for.</summary>
    public static CorpusView View(PolicyStore store)
    {
        var hidden = Hidden(store);
        return new CorpusView([.. store.Headers().Where(h => !h.Failed && !hidden.Contains(h.Id))], h => store.Load(h.Id));
    }

    /// <summary>Documents in the order of <see cref="PolicyStore.List"/> (and so of <c>LoadAll</c>): by jurisdiction
    /// (unknown last), issue or publication date, source and id.</summary>
    public static IReadOnlyList<Model.PolicyDocument> InListOrder(IEnumerable<Model.PolicyDocument> docs) =>
        [.. docs.OrderBy(d => d.Metadata.Jurisdiction is null).ThenBy(d => d.Metadata.Jurisdiction, StringComparer.Ordinal)
            .ThenBy(d => IsoDate.Of(d.Metadata.Issued ?? d.Metadata.Published), StringComparer.Ordinal)
            .ThenBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)];

    private static HashSet<string> Hidden(PolicyStore store) =>
        store.DuplicateGroups().SelectMany(g => g.MemberIds.Where(m => m != g.CanonicalId)).ToHashSet(StringComparer.Ordinal);
}
