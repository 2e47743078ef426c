using System.Globalization;
using System.Net;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ClusterPolicyMiner.Emit;

/// <summary>Markup that a template may write as it is: only the constant style sheet and script of the
/// page. Everything else a template writes is HTML-escaped by <see cref="EscapingContext"/>.</summary>
internal sealed record RawHtml(string Html);

/// <summary>Renders the embedded Scriban templates of <c>Emit/Templates</c>. Every value a template writes
/// with <c>{{ … }}</c> is HTML-escaped (text and attributes alike), so notice text can never become markup;
/// the markup lives in the template. Members keep their C# names (<c>row.Cells</c>).</summary>
internal static class HtmlTemplates
{
    private static readonly Dictionary<string, Template> Cache = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static string Render(string name, IReadOnlyDictionary<string, object?> globals)
    {
        var template = Load(name);
        var root = new ScriptObject();
        foreach (var (k, v) in globals) root.SetValue(k, v, true);
        root.Import("num", new Func<object?, string>(Num));
        root.Import("date", new Func<DateOnly?, string>(ReportModelBuilder.Date));
        root.Import("verdict_id", new Func<CellVerdict, string>(VerdictWords.Id));
        root.Import("symbol", new Func<CellVerdict, string>(VerdictWords.Symbol));
        root.Import("word", new Func<CellVerdict, bool, string>(VerdictWords.Word));
        var context = new EscapingContext
        {
            MemberRenamer = m => m.Name, StrictVariables = true, LoopLimit = 0, RecursiveLimit = 0, TemplateLoader = new ResourceLoader(),
        };
        context.PushGlobal(root);
        var html = template.Render(context);
        return html.Replace("\r\n", "\n");
    }

    /// <summary>An invariant number without trailing zeros (SVG coordinates, values).</summary>
    private static string Num(object? v) => v switch
    {
        null => "",
        decimal d => d.ToString("0.###", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Text(string name)
    {
        using var stream = typeof(HtmlTemplates).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Emit.Templates." + name)
            ?? throw new InvalidOperationException($"embedded template {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Template Load(string name)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            var template = Template.Parse(Text(name), name);
            if (template.HasErrors)
                throw new InvalidOperationException($"template {name}: " + string.Join("; ", template.Messages));
            Cache[name] = template;
            return template;
        }
    }

    /// <summary>Resolves <c>include "common.sbn"</c> to the embedded templates.</summary>
    private sealed class ResourceLoader : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Text(templatePath);
        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new((string?)Text(templatePath));
    }

    /// <summary>Escapes every value written from an expression; the literal text of the template passes as it is.</summary>
    private sealed class EscapingContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is RawHtml raw) return Write(raw.Html);
            var text = textAsObject switch
            {
                null => "",
                string s => s,
                decimal or double or int or long => Num(textAsObject),
                _ => ObjectToString(textAsObject),
            };
            return Write(WebUtility.HtmlEncode(text));
        }
    }
}
