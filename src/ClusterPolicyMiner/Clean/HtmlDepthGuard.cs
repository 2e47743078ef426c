using System.Text;

namespace ClusterPolicyMiner.Clean;

/// <summary>Keeps the DOM of hostile markup shallow before it is parsed: the HTML tree builder checks the
/// stack of open elements on every tag, so 100,000 nested &lt;div&gt; cost quadratic time (and the DOM's
/// recursive walks a deep stack). One linear scan counts the nesting of elements that need an end tag; tags
/// that would open (or close) an element deeper than <see cref="MaxDepth"/> are dropped, their text kept.
/// Real pages nest a few dozen levels, so they pass through unchanged, as the same string.</summary>
internal static class HtmlDepthGuard
{
    public const int MaxDepth = 1000;

    // Elements without an end tag, or whose end tag may be left out: they do not count as nesting.
    private static readonly HashSet<string> Unnested = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", "!doctype",
    };

    public static string Flatten(string markup)
    {
        if (MaxNesting(markup) <= MaxDepth) return markup;
        var sb = new StringBuilder(markup.Length);
        var depth = 0;
        var last = 0;
        foreach (var (start, end, name, closing, selfClosing) in Tags(markup))
        {
            if (Unnested.Contains(name) || selfClosing) continue;
            var drop = closing ? depth-- > MaxDepth : ++depth > MaxDepth;
            if (depth < 0) depth = 0;
            if (!drop) continue;
            sb.Append(markup, last, start - last);
            last = end;
        }
        sb.Append(markup, last, markup.Length - last);
        return sb.ToString();
    }

    private static int MaxNesting(string markup)
    {
        int depth = 0, max = 0;
        foreach (var (_, _, name, closing, selfClosing) in Tags(markup))
        {
            if (Unnested.Contains(name) || selfClosing) continue;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            max = Math.Max(max, depth);
        }
        return max;
    }

    /// <summary>Start and end tags in order ([start, end) of the tag, lower-case name); comments and the
    /// contents of script and style are passed over.</summary>
    private static IEnumerable<(int Start, int End, string Name, bool Closing, bool SelfClosing)> Tags(string s)
    {
        var i = 0;
        while ((i = s.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
            {
                var close = s.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? s.Length : close + 3;
                continue;
            }
            var closing = i + 1 < s.Length && s[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < s.Length && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] is '!' or '-' or ':')) nameEnd++;
            var gt = s.IndexOf('>', nameEnd);
            if (nameEnd == nameStart || gt < 0)
            {
                i++;
                continue;
            }
            var name = s[nameStart..nameEnd].ToLowerInvariant();
            yield return (i, gt + 1, name, closing, s[gt - 1] == '/');
            i = gt + 1;
            if (!closing && name is "script" or "style")
            {
                var close = s.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? s.Length : close;
            }
        }
    }
}
