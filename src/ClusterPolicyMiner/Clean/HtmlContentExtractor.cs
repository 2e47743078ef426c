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

    /// <summary>One parser per thread: a parser sets up its browsing context once, and keeps no state of a page.</summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    public static HtmlText Extract(string markup)
    {
        var document = (_parser ??= new HtmlParser()).ParseDocument(HtmlDepthGuard.Flatten(markup));
        var title = document.Title;
        var body = document.Body;
        if (body is null) return new HtmlText("", "", title);

        foreach (var e in body.QuerySelectorAll("script,style,noscript,template").ToList()) e.Remove();
        var pageText = Render(body);

        foreach (var e in SelfAndDescendants(body).Skip(1).Where(IsFurnitureElement).ToList()) e.Remove();
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
        var cut = -1;
        for (var n = 0; n < 3 && cut < text.Length; n++)
        {
            cut = text.IndexOf('\n', cut + 1);
            if (cut < 0) cut = text.Length;
        }
        var opening = Squeeze(text[..cut]);
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
        if (string.IsNullOrEmpty(e.Id) && string.IsNullOrEmpty(e.ClassName)) return false;
        var words = $"{e.Id} {e.ClassName}".ToLowerInvariant();
        return words.Length > 1 && FurnitureHints.Any(h => words.Contains(h, StringComparison.Ordinal));
    }

    private static IElement? BestCandidate(IElement body)
    {
        var scoring = new Scoring(body);
        scoring.Walk(body.Owner?.DocumentElement ?? body, -1, false);
        return scoring.Best();
    }

    /// <summary>One walk over the document: every element gets an index in document order; a block of the body
    /// with its own text adds its score to itself, its parent and (half) its grandparent, in document order as
    /// it is met; every element's CJK characters and those inside &lt;a&gt; below it are summed on the way up.
    /// The candidates are the elements that got a score, in the order they first got one.</summary>
    private sealed class Scoring(IElement body)
    {
        private readonly List<IElement> _elements = [];
        private readonly List<int> _parent = [];
        private readonly List<double> _score = [];
        private readonly List<(int All, int Links)> _text = [];
        private readonly List<int> _candidates = [];
        private readonly HashSet<int> _isCandidate = [];

        public (int All, int Links) Walk(IElement e, int parent, bool inBody)
        {
            var index = _elements.Count;
            _elements.Add(e);
            _parent.Add(parent);
            _score.Add(0);
            _text.Add((0, 0));
            inBody |= e == body;
            if (inBody && Blocks.Contains(e.TagName)) Score(e, index, parent);

            int all = 0, links = 0;
            foreach (var child in e.ChildNodes)
            {
                switch (child)
                {
                    case IText t:
                        all += Count(t.Data).Cjk;
                        break;
                    case IElement ce:
                        var (childAll, childLinks) = Walk(ce, index, inBody);
                        all += childAll;
                        links += childLinks;
                        if (ce.LocalName.Equals("a", StringComparison.OrdinalIgnoreCase)) links += childAll;
                        break;
                    default:
                        if (child.HasChildNodes) (all, links) = Add((all, links), Text(child));
                        break;
                }
            }
            _text[index] = (all, links);
            return (all, links);
        }

        private static (int, int) Add((int, int) a, (int, int) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2);

        /// <summary>The CJK characters of a non-element node's text and of its &lt;a&gt; elements' text.</summary>
        private static (int All, int Links) Text(INode node)
        {
            int all = 0, links = 0;
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t) { all += Count(t.Data).Cjk; continue; }
                var (childAll, childLinks) = Text(child);
                all += childAll;
                links += childLinks;
                if (child is IElement ce && ce.LocalName.Equals("a", StringComparison.OrdinalIgnoreCase)) links += childAll;
            }
            return (all, links);
        }

        private void Score(IElement e, int index, int parent)
        {
            var own = OwnText(e);
            if (own.Cjk < 10) return;
            var linkShare = Math.Min(1.0, (double)own.LinkCjk / own.Cjk);
            var score = (1 + own.Punctuation + Math.Min(own.Cjk / 40.0, 6)) * (1 - linkShare);
            if (parent >= 0)
            {
                AddScore(parent, score);
                if (_parent[parent] >= 0) AddScore(_parent[parent], score / 2);
            }
            AddScore(index, score);
        }

        private void AddScore(int index, double score)
        {
            if (_isCandidate.Add(index)) _candidates.Add(index);
            _score[index] += score;
        }

        /// <summary>The candidate of the highest score once lowered by its link density (a sidebar of
        /// headlines scores as links); the first such one.</summary>
        public IElement? Best()
        {
            var best = -1;
            var bestScore = 0.0;
            foreach (var i in _candidates)
            {
                var (all, links) = _text[i];
                var density = all == 0 ? 0 : Math.Min(1.0, (double)links / all);
                var score = _score[i] * (1 - density);
                if (best < 0 || score > bestScore) (best, bestScore) = (i, score);
            }
            return best < 0 ? null : _elements[best];
        }
    }

    /// <summary>The element and its descendant elements in document order.</summary>
    private static IEnumerable<IElement> SelfAndDescendants(IElement root)
    {
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            var children = e.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement child) stack.Push(child);
        }
    }

    /// <summary>CJK characters of the clause punctuation-free measures of the element's own text (not inside a
    /// nested block), and the CJK characters of it inside links.</summary>
    private static (int Cjk, int Punctuation, int LinkCjk) OwnText(IElement e)
    {
        int cjk = 0, punctuation = 0, link = 0;
        void Walk(INode node, bool inLink)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    var (c, p) = Count(t.Data);
                    cjk += c;
                    punctuation += p;
                    if (inLink) link += c;
                }
                else if (child is IElement ce && !Blocks.Contains(ce.TagName))
                    Walk(ce, inLink || ce.TagName == "A");
            }
        }
        Walk(e, false);
        return (cjk, punctuation, link);
    }

    private static (int Cjk, int Punctuation) Count(string text)
    {
        int cjk = 0, punctuation = 0;
        foreach (var c in text)
        {
            if (LineMeasures.IsCjk(c)) cjk++;
            else if (LineMeasures.IsClausePunctuation(c)) punctuation++;
        }
        return (cjk, punctuation);
    }

    /// <summary>Text with block elements and &lt;br&gt; as line breaks; whitespace in text collapses as a
    /// browser would (the normaliser later removes a space a source line break put between two CJK characters).</summary>
    internal static string Render(IElement root)
    {
        var sb = new StringBuilder();
        var last = '\n';   // the last character appended; '\n' stands for none, as neither lets a space in
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText t:
                        AppendCollapsed(sb, t.Data, ref last);
                        break;
                    case IElement { TagName: "BR" }:
                        sb.Append('\n');
                        last = '\n';
                        break;
                    case IElement ce when Dropped.Contains(ce.TagName):
                        break;
                    case IElement ce when Blocks.Contains(ce.TagName):
                        sb.Append('\n');
                        last = '\n';
                        Walk(ce);
                        sb.Append('\n');
                        last = '\n';
                        break;
                    case IElement ce:
                        Walk(ce);
                        break;
                }
            }
        }
        Walk(root);
        return JoinTrimmedLines(sb);
    }

    /// <summary>The non-empty lines of the rendering, trimmed, joined by \n.</summary>
    private static string JoinTrimmedLines(StringBuilder rendered)
    {
        var text = rendered.ToString();
        rendered.Clear();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start).Trim(LineTrim);
            if (line.Length > 0)
            {
                if (rendered.Length > 0) rendered.Append('\n');
                rendered.Append(line);
            }
            start = end + 1;
        }
        return rendered.ToString();
    }

    private const string LineTrim = " \t\u3000\u00a0";

    /// <summary>Appends text with each run of whitespace as one space, none after a space or a line break
    /// (nor at the start).</summary>
    private static void AppendCollapsed(StringBuilder sb, string text, ref char last)
    {
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var ws = span.IndexOfAny(Whitespace);
            if (ws < 0) ws = span.Length;
            if (ws > 0)
            {
                sb.Append(span[..ws]);
                last = span[ws - 1];
                span = span[ws..];
                continue;
            }
            if (last is not ' ' and not '\n')
            {
                sb.Append(' ');
                last = ' ';
            }
            span = span[1..];
        }
    }

    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\r\n\f");
}
