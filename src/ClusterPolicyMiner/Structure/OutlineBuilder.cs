using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Structure;

/// <summary>Turns heading candidates into the outline tree. A candidate opens a node when its number
/// continues the numbering of its level (or starts it at 1); out of sequence, it opens a node only at a
/// line start, or when the next heading of its kind confirms it (第三条 lost, 第四条 then 第五条; for a
/// chapter or section also an article right after its title, which lets the chapters after a table of
/// contents on the same line open), with a NumberingGap diagnostic. An inline candidate (no boundary before it) opens a node only when its number
/// is exactly the next one. Everything else is a reference or a number in a sentence.</summary>
internal sealed class OutlineBuilder
{
    /// <summary>How far a number may jump at a line start and still be taken as a heading with a gap.</summary>
    private const int MaxGap = 5;

    /// <summary>How long a chapter's or section's title may be (第一章 总  则 … up to its first article).</summary>
    private const int MaxTitle = 40;

    private readonly string _text;
    private readonly bool _singleLine;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly NodeBuilder _root = new(OutlineKind.Annex, 0, 0, 0, "");
    private readonly List<NodeBuilder> _open = [];

    public OutlineBuilder(string text)
    {
        _text = text;
        var lineBreaks = text.AsSpan().Count('\n');
        _singleLine = (lineBreaks + 1) * 400L < text.Length;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Builds the outline; <paramref name="cuts"/> are offsets where every open node ends
    /// (the notice's signature, its attachment list).</summary>
    public IReadOnlyList<OutlineNode> Build(IEnumerable<int> cuts)
    {
        var cutQueue = new Queue<int>(cuts.Order());
        var inAttachmentList = false;
        var candidates = HeadingScanner.Scan(_text).ToList();
        LookAhead(candidates);
        for (var index = 0; index < candidates.Count; index++)
        {
            var c = candidates[index];
            _current = index;
            while (cutQueue.Count > 0 && cutQueue.Peek() <= c.Start) CloseAll(cutQueue.Dequeue());
            if (c.Kind == HeadingScanner.AttachmentList)
            {
                CloseAll(c.Start);
                inAttachmentList = true;
                continue;
            }
            if (inAttachmentList && c.Kind is OutlineKind.Subitem) continue;
            if (TryOpen(c)) inAttachmentList = false;
        }
        CloseAll(_text.Length);
        EndEnumerations(_root);
        return [.. _root.Children.Select(Freeze)];
    }

    private bool[] _confirmed = [];
    private bool[] _superseded = [];
    private int _current;

    /// <summary>For each candidate, whether the next candidate of its kind carries the next number (the
    /// numbering resumes there, so a candidate out of sequence is a heading after a lost one), and whether
    /// it carries the same number with stronger evidence (…符合第六条要求。⏎第六条: the inline one is a
    /// reference).</summary>
    private void LookAhead(List<HeadingCandidate> candidates)
    {
        _confirmed = new bool[candidates.Count];
        _superseded = new bool[candidates.Count];
        var next = new Dictionary<OutlineKind, HeadingCandidate>();
        for (var i = candidates.Count - 1; i >= 0; i--)
        {
            var c = candidates[i];
            if (next.TryGetValue(c.Kind, out var n))
            {
                _confirmed[i] = n.Number == c.Number + 1 && n.Suffix == 0;
                _superseded[i] = c.Inline && !n.Inline && n.Number == c.Number && n.Suffix == c.Suffix;
            }
            // A chapter or section whose title runs straight into an article (第七章 附则 第五十条) is a heading.
            if (c.Kind is OutlineKind.Chapter or OutlineKind.Section
                && next.TryGetValue(OutlineKind.Article, out var article) && article.Start - c.MarkerEnd <= MaxTitle)
                _confirmed[i] = true;
            next[c.Kind] = c;
        }
    }

    /// <summary>An enumeration whose items end with ；（一）…；（二）…；（三）…。 ends with its last item's
    /// paragraph: a paragraph after it (被撤销认定的…可自收到撤销决定之日起15个工作日内提出申诉) belongs to
    /// the article or part that holds the list, not to the last item.</summary>
    private void EndEnumerations(NodeBuilder node)
    {
        foreach (var child in node.Children) EndEnumerations(child);
        var items = node.Children.Where(c => c.Kind is OutlineKind.Item or OutlineKind.Subitem).ToList();
        if (items.Count < 2 || items[^1].Children.Count > 0) return;
        var semicolons = items[..^1].Count(i => _text.AsSpan(i.Start, i.End - i.Start).TrimEnd() is [.., '；' or ';']);
        if (semicolons * 2 < items.Count - 1) return;
        var last = items[^1];
        var lineEnd = _text.IndexOf('\n', last.Start, last.End - last.Start);
        if (lineEnd > 0) last.End = lineEnd;
    }

    private static int Rank(OutlineKind kind) => kind switch
    {
        OutlineKind.Annex => 0,
        OutlineKind.Part => 1,
        OutlineKind.Chapter => 2,
        OutlineKind.Section => 3,
        OutlineKind.Article => 4,
        OutlineKind.Item => 5,
        _ => 6,
    };

    private bool TryOpen(HeadingCandidate c)
    {
        var rank = Rank(c.Kind);
        // Parts live in notice bodies and annexes, never inside the chapters and articles of a measure.
        if (c.Kind == OutlineKind.Part && _open.Any(n => n.Kind is OutlineKind.Chapter or OutlineKind.Section or OutlineKind.Article))
            return false;
        var depth = _open.FindLastIndex(n => Rank(n.Kind) < rank) + 1; // nodes [depth..] would close
        var parent = depth == 0 ? _root : _open[depth - 1];
        // Chapters and articles are numbered through the whole measure (an annex starts afresh); the rest
        // per parent.
        var counter = c.Kind is OutlineKind.Chapter or OutlineKind.Article
            ? (_open.LastOrDefault(n => n.Kind == OutlineKind.Annex) ?? _root)
            : parent;
        var last = counter.LastNumber.GetValueOrDefault(c.Kind);
        var lastSuffix = counter.LastSuffix.GetValueOrDefault(c.Kind);

        bool inSequence;
        if (c.Suffix > 0) inSequence = c.Number == last && c.Suffix == lastSuffix + 1;
        else inSequence = c.Number == last + 1 || (c.Number == 1 && c.Kind is OutlineKind.Item or OutlineKind.Subitem or OutlineKind.Part);
        if (c.ReferenceLike && !(inSequence && !c.Inline && _confirmed[_current])) return false;
        if (_superseded[_current]) return false;
        if (!inSequence)
        {
            var gapAhead = c.Number > last && c.Number <= last + MaxGap;
            var plausible = c.Suffix == 0 && c.Number > 0 && c.Number <= last + MaxGap && c.Number != last + 1
                && ((c.AtLineStart && !c.Inline)
                    || (_confirmed[_current] && (gapAhead || c.Kind is OutlineKind.Chapter or OutlineKind.Section)));
            if (!plausible) return false;
            _diagnostics.Add(new Diagnostic(DiagnosticCode.NumberingGap, null, c.Start,
                c.Number <= last
                    ? $"{c.Segment} repeats or goes back after number {last}"
                    : $"{c.Segment} follows number {last}: {c.Number - last - 1} missing"));
        }

        CloseFrom(depth, c.Start);
        counter.LastNumber[c.Kind] = c.Number;
        counter.LastSuffix[c.Kind] = c.Suffix;
        var path = parent == _root ? c.Segment : parent.Path + "/" + c.Segment;
        var node = new NodeBuilder(c.Kind, c.Number, c.Start, c.MarkerEnd, path);
        parent.Children.Add(node);
        _open.Add(node);
        return true;
    }

    private void CloseAll(int at) => CloseFrom(0, at);

    private void CloseFrom(int depth, int at)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(_text[end - 1])) end--;
        for (var i = _open.Count - 1; i >= depth; i--)
        {
            _open[i].End = Math.Max(end, _open[i].Start);
            _open.RemoveAt(i);
        }
    }

    private OutlineNode Freeze(NodeBuilder n) =>
        new(n.Kind, n.Number, TitleOf(n), n.Path, n.Start, n.End, [.. n.Children.Select(Freeze)]);

    /// <summary>The heading's title: a chapter's or section's name, an annex's title line, the short
    /// headline of a part or item (一、申报要求; （一）提升集群主导产业优势。…); null for articles. A title
    /// ends at the latest where the node's first child begins (附则第五十三条 → 附则).</summary>
    private string? TitleOf(NodeBuilder n)
    {
        var limit = n.Children.Count > 0 ? n.Children[0].Start : Math.Max(n.End, n.MarkerEnd);
        var i = n.MarkerEnd;
        while (i < limit && HeadingScanner.IsInlineSpace(_text[i])) i++;
        switch (n.Kind)
        {
            case OutlineKind.Article:
                return null;
            case OutlineKind.Chapter or OutlineKind.Section:
                return ChapterTitle(i, limit);
            case OutlineKind.Annex:
                while (i < limit && char.IsWhiteSpace(_text[i])) i++;
                return Headline(i, limit, 60, stopAtSentenceEnd: false);
            default:
                return Headline(i, limit, 30, stopAtSentenceEnd: true);
        }
    }

    /// <summary>第一章 总  则 → 总则: up to the line end, or on a single line up to the next 第X条/节.</summary>
    private string? ChapterTitle(int i, int limit)
    {
        var start = i;
        for (; i < limit && i - start <= 40; i++)
        {
            var c = _text[i];
            if (c is '\n' or '\r' or '。') break;
            if (c == '第' && i > start && char.IsWhiteSpace(_text[i - 1])) break;
        }
        var title = string.Concat(_text.AsSpan(start, i - start).ToString().Where(ch => !char.IsWhiteSpace(ch)));
        return title.Length is > 0 and <= 30 ? title : null;
    }

    /// <summary>A short headline: up to the line end (on a single line, the next space) or 。; null when
    /// what follows the marker is a whole sentence rather than a heading.</summary>
    private string? Headline(int start, int limit, int max, bool stopAtSentenceEnd)
    {
        var i = start;
        for (; i < limit && i - start <= max; i++)
        {
            var c = _text[i];
            if (c is '\n' or '\r') break;
            if (_singleLine && HeadingScanner.IsInlineSpace(c)) break;
            if (stopAtSentenceEnd && c is '。') break;
            if (stopAtSentenceEnd && c is '，' or ',' or '；' or ';' or '：' or ':') return null;
        }
        if (i - start > max) return null;
        var title = _text[start..i].Trim();
        return title.Length > 0 ? title : null;
    }

    private sealed class NodeBuilder(OutlineKind kind, int number, int start, int markerEnd, string path)
    {
        public OutlineKind Kind { get; } = kind;
        public int Number { get; } = number;
        public int Start { get; } = start;
        public int MarkerEnd { get; } = markerEnd;
        public string Path { get; } = path;
        public int End { get; set; } = start;
        public List<NodeBuilder> Children { get; } = [];
        public Dictionary<OutlineKind, int> LastNumber { get; } = [];
        public Dictionary<OutlineKind, int> LastSuffix { get; } = [];
    }
}
