namespace ClusterPolicyMiner.Normalize;

/// <summary>What <c>wrapped-lines</c> reads from the whole text rather than from a line and its neighbours:
/// the width the text is hard-wrapped at and its running page headers and footers (see <see cref="LineLayout"/>).
/// Gathered chunk by chunk from the lines the layout steps before it give, in order, so that a streaming
/// normaliser can apply them to each chunk as the whole-text normaliser does.</summary>
/// <remarks>Holds a count per width and, per short line without sentence punctuation (a running-line
/// candidate), the positions where it comes: little for a notice, at most a few bytes per short line of the
/// text.</remarks>
public sealed class LayoutFacts
{
    private readonly SortedDictionary<int, long> _widths = [];
    private readonly Dictionary<string, List<long>> _candidates = new(StringComparer.Ordinal);
    private int _next;
    private bool _any;

    /// <summary>The hard-wrap width, once every chunk is added.</summary>
    public int? WrapWidth => LineLayout.HardWrapWidth(_widths);

    /// <summary>Adds the lines of the next chunk; the whole text's lines are those of its chunks with a
    /// blank line between two that are not empty.</summary>
    internal void Add(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return;
        if (_any) _next++;
        _any = true;
        foreach (var line in lines)
        {
            if (LineLayout.WrapCandidate(line) is { } c) _widths[c] = _widths.GetValueOrDefault(c) + 1;
            if (LineLayout.IsRunningCandidate(line, out var key, out var columns))
            {
                if (!_candidates.TryGetValue(key, out var at)) _candidates[key] = at = [];
                at.Add((long)_next << 8 | (uint)columns);
            }
            _next++;
        }
    }

    /// <summary>The running lines' keys at the text's width (none when the text is not hard-wrapped).</summary>
    public IReadOnlySet<string> RunningLines()
    {
        var running = new HashSet<string>(StringComparer.Ordinal);
        if (WrapWidth is not { } width) return running;
        foreach (var (key, at) in _candidates)
        {
            if (at.Count < 3) continue;
            var (count, last) = (0, 0);
            foreach (var packed in at)
            {
                var (index, columns) = ((int)(packed >> 8), (int)(packed & 0xFF));
                if (!LineLayout.CountsAsRunning(columns, width)) continue;
                if (count == 0 || LineLayout.Apart(index, last)) (count, last) = (count + 1, index);
            }
            if (count >= 3) running.Add(key);
        }
        return running;
    }
}
