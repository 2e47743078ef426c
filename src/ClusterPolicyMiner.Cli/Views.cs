using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using Spectre.Console;

namespace ClusterPolicyMiner.Cli;

/// <summary>How documents are shown to a person: plain tables, no colour when not on a terminal.</summary>
internal static class Views
{
    public static IAnsiConsole Console(CliContext ctx) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(ctx.Out),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    public static void Table(CliContext ctx, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in headers) table.AddColumn(Markup.Escape(h));
        foreach (var r in rows) table.AddRow(r.Select(c => new Text(c)).ToArray());
        var console = Console(ctx);
        console.Profile.Width = 200;
        console.Write(table);
    }

    public static void Summary(CliContext ctx, PolicyDocument doc)
    {
        var m = doc.Metadata;
        var o = ctx.Out;
        o.WriteLine($"id:           {doc.Id}");
        o.WriteLine($"source:       {doc.Source} ({PolicyJson.FormatName(doc.Format)}, {doc.Encoding} by {doc.EncodingRule})");
        o.WriteLine($"jurisdiction: {m.Jurisdiction ?? "?"}");
        o.WriteLine($"title:        {m.Title ?? "?"}");
        o.WriteLine($"issuer:       {m.Issuer ?? "?"}   docNumber: {m.DocNumber ?? "?"}");
        o.WriteLine($"kind:         {m.Kind ?? "?"}   status: {m.Status ?? "?"}");
        o.WriteLine($"dates:        issued {D(m.Issued)}, published {D(m.Published)}, effective {D(m.Effective)}, expires {D(m.Expires)}");
        o.WriteLine($"cites:        {string.Join("; ", m.Cites.Select(c => c.DocNumber is null ? $"《{c.Title}》" : $"《{c.Title}》{c.DocNumber}"))}");
        o.WriteLine($"text:         {doc.Text.Length} characters; normalisations: {string.Join(", ", doc.Normalizations)}");
        o.WriteLine($"outline:      {Count(doc.Outline)} nodes; thresholds: {doc.Thresholds.Count}; procedural: {doc.Procedural.Count}");
        foreach (var d in doc.Diagnostics) o.WriteLine($"diagnostic:   {d}");
    }

    public static void Outline(CliContext ctx, PolicyDocument doc)
    {
        void Write(OutlineNode n, int depth)
        {
            var title = n.Title is { Length: > 0 } t ? " " + t : "";
            ctx.Out.WriteLine($"{new string(' ', depth * 2)}{n.Path.Split('/')[^1]}{title}  [{n.Start}-{n.End}]");
            foreach (var c in n.Children) Write(c, depth + 1);
        }
        foreach (var n in doc.Outline) Write(n, 0);
    }

    public static void Thresholds(CliContext ctx, PolicyDocument doc)
    {
        foreach (var (name, list) in new[] { ("criteria", doc.Thresholds), ("procedural", doc.Procedural) })
        {
            ctx.Out.WriteLine($"{name} ({list.Count})");
            Table(ctx, ["metric", "op", "value", "unit", "qualifiers", "group", "path", "quote"],
                list.Select(t => new[]
                {
                    t.Metric, t.Op, t.Value is { } v ? PolicyJson.Number(v) : t.TextValue ?? "", t.Unit,
                    string.Join(",", t.Qualifiers), t.Group ?? "", t.Source.Path, t.Source.Quote,
                }));
        }
    }

    private static int Count(IReadOnlyList<OutlineNode> nodes) => nodes.Sum(n => 1 + Count(n.Children));

    private static string D(DateOnly? d) => IsoDate.Of(d) ?? "?";
}
