using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ClusterPolicyMiner.Clean;

/// <summary>The text of a page, and the text of its main content block.</summary>
internal sealed record HtmlText(string PageText, string ContentText, string? Title);

/// <summary>Main-content extraction on the AngleSharp DOM with measures that work for Chinese.
/// Every block with its own text scores by its CJK characters and clause punctuation, scaled down by its
/// link density (share of its CJK text inside &lt;a&gt;); it gives its score to its parent and half to its
/// grandparent, so the container of the paragraphs wins over any single paragraph and over the page.</summary>
internal static class HtmlContentExtractor
{
    private static readonly HashSet<string> Dropped =
        ["SCRIPT", "STYLE", "NOSCRIPT", "NAV", "HEADER", "FOOTER", "ASIDE", "IFRAME", "TEMPLATE", "SVG", "SELECT",
         "BUTTON", "OBJECT", "EMBED", "CANVAS", "HEAD"];

    /// <summary>Elements rendered as their own lines.</summary>
    private static readonly HashSet<string> Blocks =
        ["P", "DIV", "TD", "TH", "TR", "TABLE", "LI", "UL", "OL", "DL", "DT", "DD", "SECTION", "ARTICLE", "MAIN",
         "H1", "H2", "H3", "H4", "H5", "H6", "PRE", "BLOCKQUOTE", "CENTER", "FORM", "HR", "ADDRESS", "FIGURE",
         "FIGCAPTION", "BODY", "CAPTION", "TBODY", "THEAD", "TFOOT", "FIELDSET"];

    /// <summary>id or class words of furniture containers.</summary>
    private static readonly string[] FurnitureHints =
        ["nav", "menu", "footer", "breadcrumb", "crumb", "sidebar", "share", "toolbar", "copyright", "topbar"];

    public static HtmlText Extract(string markup)
    {
        var document = new HtmlParser().ParseDocument(HtmlDepthGuard.Flatten(markup));
        var title = document.Title;
        var body = document.Body;
        if (body is null) return new HtmlText("", "", title);

        foreach (var e in body.QuerySelectorAll("script,style,noscript,template").ToList()) e.Remove();
        var pageText = Render(body);

        foreach (var e in body.QuerySelectorAll("*").Where(IsFurnitureElement).ToList()) e.Remove();
        var content = BestCandidate(body) ?? body;
        var text = Render(content);
        // Portals set the notice's title as a heading above the content block (h1.article-title, h2.bt);
        // it belongs to the notice, unless the content opens with it already (perhaps in a longer form).
        if (Headline(body, content) is { } headline && !OpensWith(text, headline))
            text = headline + "\n" + text;
        return new HtmlText(pageText, text, title);
    }

    private static bool OpensWith(string text, string headline)
    {
        static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
        var opening = string.Join("", text.Split('\n').Take(3).Select(Squeeze));
        return opening.Contains(Squeeze(headline), StringComparison.Ordinal);
    }

    /// <summary>The last heading (h1 to h3, or an element whose class or id says title) before the content
    /// block, outside it, without links: the notice's title, if it has the length of one.</summary>
    private static string? Headline(IElement body, IElement content)
    {
        if (content == body) return null;
        string? found = null;
        foreach (var e in body.QuerySelectorAll("h1,h2,h3,[class*=title],[id*=title]"))
        {
            if ((e.CompareDocumentPosition(content) & DocumentPositions.Following) == 0) continue;
            if ((e.CompareDocumentPosition(content) & DocumentPositions.ContainedBy) != 0) continue;
            if (e.QuerySelector("a") is not null || e.QuerySelectorAll("*").Any(c => Blocks.Contains(c.TagName))) continue;
            var text = Render(e);
            var cjk = LineMeasures.Of(text).Cjk;
            if (cjk >= 6 && text.Length <= 150 && !text.Contains('\n')) found = text;
        }
        return found;
    }

    private static bool IsFurnitureElement(IElement e)
    {
        if (Dropped.Contains(e.TagName)) return true;
        var words = $"{e.Id} {e.ClassName}".ToLowerInvariant();
        return words.Length > 1 && FurnitureHints.Any(h => words.Contains(h, StringComparison.Ordinal));
    }

    private static IElement? BestCandidate(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var e in body.QuerySelectorAll("*").Prepend(body))
        {
            if (!Blocks.Contains(e.TagName)) continue;
            var own = OwnText(e);
            var m = LineMeasures.Of(own.Text);
            if (m.Cjk < 10) continue;
            var linkShare = m.Cjk == 0 ? 0 : Math.Min(1.0, (double)own.LinkCjk / m.Cjk);
            var score = (1 + m.Punctuation + Math.Min(m.Cjk / 40.0, 6)) * (1 - linkShare);
            if (e.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + score / 2;
            }
            scores[e] = scores.GetValueOrDefault(e) + score;
        }
        // The whole candidate's link density lowers it: a sidebar of headlines scores as links.
        return scores
            .Select(kv => (Element: kv.Key, Score: kv.Value * (1 - LinkDensity(kv.Key))))
            .OrderByDescending(x => x.Score)
            .Select(x => x.Element)
            .FirstOrDefault();
    }

    /// <summary>Text of the element that is not inside a nested block, with the CJK count inside links.</summary>
    private static (string Text, int LinkCjk) OwnText(IElement e)
    {
        var sb = new StringBuilder();
        var link = 0;
        void Walk(INode node, bool inLink)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    sb.Append(t.Data);
                    if (inLink) link += LineMeasures.Of(t.Data).Cjk;
                }
                else if (child is IElement ce && !Blocks.Contains(ce.TagName))
                    Walk(ce, inLink || ce.TagName == "A");
            }
        }
        Walk(e, false);
        return (sb.ToString(), link);
    }

    private static double LinkDensity(IElement e)
    {
        var all = LineMeasures.Of(e.TextContent).Cjk;
        if (all == 0) return 0;
        var links = e.QuerySelectorAll("a").Sum(a => LineMeasures.Of(a.TextContent).Cjk);
        return Math.Min(1.0, (double)links / all);
    }

    /// <summary>Text with block elements and &lt;br&gt; as line breaks; whitespace in text collapses as a
    /// browser would (the normaliser later removes a space a source line break put between two CJK characters).</summary>
    internal static string Render(IElement root)
    {
        var sb = new StringBuilder();
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText t:
                        AppendCollapsed(sb, t.Data);
                        break;
                    case IElement { TagName: "BR" }:
                        sb.Append('\n');
                        break;
                    case IElement ce when Dropped.Contains(ce.TagName):
                        break;
                    case IElement ce when Blocks.Contains(ce.TagName):
                        sb.Append('\n');
                        Walk(ce);
                        sb.Append('\n');
                        break;
                    case IElement ce:
                        Walk(ce);
                        break;
                }
            }
        }
        Walk(root);
        var lines = sb.ToString().Split('\n').Select(l => l.Trim(' ', '\t', '\u3000', '\u00a0')).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void AppendCollapsed(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            var ws = c is ' ' or '\t' or '\r' or '\n' or '\f';
            if (!ws) { sb.Append(c); continue; }
            if (sb.Length > 0 && sb[^1] is not ' ' and not '\n') sb.Append(' ');
        }
    }
}
