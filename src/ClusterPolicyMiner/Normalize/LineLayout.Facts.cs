using static ClusterPolicyMiner.Normalize.ChineseText;

namespace ClusterPolicyMiner.Normalize;

/// <summary>The two whole-text facts of <c>wrapped-lines</c> read line by line, for <see cref="LayoutFacts"/>:
/// the same tests as <see cref="HardWrapWidth"/> and <see cref="RunningLines"/>, split into what one line
/// tells (here) and what the whole text decides (there).</summary>
internal static partial class LineLayout
{
    /// <summary>The columns of a line that counts towards the hard-wrap width, or null.</summary>
    public static int? WrapCandidate(string line) =>
        line.Length * 2 >= MinWrapWidth && Columns(line) is var c and >= MinWrapWidth ? c : null;

    /// <summary>Whether a line may be a running header or footer whatever the width (short, no sentence or
    /// clause punctuation); its key and its columns, which decide against a width.</summary>
    public static bool IsRunningCandidate(string line, out string key, out int columns)
    {
        key = "";
        columns = 0;
        if (line.Length is 0 or > 30 || line == "\f" || line.Any(c => IsSentenceEnd(c) || c is '，' or ',')) return false;
        (key, columns) = (RunningKey(line), Columns(line));
        return true;
    }

    /// <summary>Whether a running candidate of <paramref name="columns"/> counts at <paramref name="width"/>.</summary>
    public static bool CountsAsRunning(int columns, int width) => columns < width - WrapSlack;

    /// <summary>Whether the <paramref name="at"/>-th counted occurrence of a key is apart from the one before.</summary>
    public static bool Apart(int at, int previous) => at - previous > 2;

    /// <summary><see cref="HardWrapWidth"/> over the columns of the candidate lines, as counts per width.</summary>
    public static int? HardWrapWidth(SortedDictionary<int, long> widths)
    {
        var total = widths.Values.Sum();
        if (total < 5) return null;
        int? best = null;
        long bestCount = 0;
        foreach (var v in widths.Keys.Reverse())
        {
            long count = 0;
            for (var x = v - WrapSlack; x <= v; x++) count += widths.GetValueOrDefault(x);
            if (count > bestCount) (best, bestCount) = (v, count);
        }
        if (best is not { } width || bestCount < 5 || bestCount * 10 < total * 4) return null;
        return widths.Where(kv => kv.Key > width).Sum(kv => kv.Value) * 10 < total ? width : null;
    }
}
