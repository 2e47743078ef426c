namespace ClusterPolicyMiner.Clean;

/// <summary>One copy of a repeated run of lines that was dropped: its first and last line index.</summary>
internal sealed record RemovedCopy(int FirstLine, int LastLine, int Chars);

/// <summary>Finds a body repeated within one page (a page template that prints it twice, or a copy inside
/// a meta attribute) and keeps the most complete copy.
/// Lines are compared by a key without whitespace or attribute debris; the longest run of equal keys that
/// occurs twice without overlap is a repeated body when it holds at least <see cref="MinChars"/> characters.
/// The most complete copy is the one whose next line continues where the other copy's next line is cut
/// short (a truncated copy loses); when both copies are equal the first is kept. Repeats until no run is left.</summary>
internal static class RepeatedBody
{
    public const int MinChars = 120;

    public static IReadOnlyList<RemovedCopy> Find(IReadOnlyList<string> lines, ISet<int> dropped)
    {
        var removed = new List<RemovedCopy>();
        while (true)
        {
            // Non-blank, not yet dropped lines with their keys.
            var idx = new List<int>();
            var keys = new List<string>();
            for (var i = 0; i < lines.Count; i++)
            {
                if (dropped.Contains(i)) continue;
                var key = Key(lines[i]);
                if (key.Length == 0) continue;
                idx.Add(i);
                keys.Add(key);
            }
            var best = LongestRepeatedRun(keys);
            if (best is not { } run) return removed;

            var (a, b, len) = run;
            var drop = ChooseCopyToDrop(keys, a, b, len, out var dropNext);
            var first = idx[drop];
            var lastK = drop + len - 1 + (dropNext ? 1 : 0);
            var last = idx[lastK];
            var chars = 0;
            for (var k = drop; k <= lastK; k++) chars += keys[k].Length;
            // Blank lines inside the dropped copy go with it.
            for (var i = first; i <= last; i++) dropped.Add(i);
            removed.Add(new RemovedCopy(first, last, chars));
        }
    }

    /// <summary>A line's identity: whitespace, attribute debris and a trailing pipe do not count.</summary>
    public static string Key(string line)
    {
        var s = FurnitureLexicon.StripTrailingDebris(line);
        return s.Any(char.IsWhiteSpace) ? string.Concat(s.Where(c => !char.IsWhiteSpace(c))) : s;
    }

    /// <summary>The longest run keys[a..a+len) == keys[b..b+len) with a + len &lt;= b, by characters covered.
    /// Pairs are seeded from equal keys only, so the cost follows the number of repeated lines.</summary>
    private static (int A, int B, int Len)? LongestRepeatedRun(List<string> keys)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!positions.TryGetValue(keys[i], out var list)) positions[keys[i]] = list = [];
            list.Add(i);
        }

        (int, int, int)? best = null;
        var bestChars = MinChars - 1;
        foreach (var list in positions.Values)
        {
            if (list.Count < 2 || list.Count > 64) continue; // very common lines are not body starts
            for (var x = 0; x < list.Count; x++)
            for (var y = x + 1; y < list.Count; y++)
            {
                int a = list[x], b = list[y];
                if (a > 0 && keys[a - 1] == keys[b - 1]) continue; // not the start of a run
                var len = 0;
                var chars = 0;
                while (a + len < b && b + len < keys.Count && keys[a + len] == keys[b + len])
                {
                    chars += keys[a + len].Length;
                    len++;
                }
                if (chars > bestChars) { bestChars = chars; best = (a, b, len); }
            }
        }
        return best;
    }

    /// <summary>Returns the start of the copy to drop. When that copy's next line is a truncated form of the
    /// kept copy's next line, it goes too (<paramref name="dropNext"/>).</summary>
    private static int ChooseCopyToDrop(List<string> keys, int a, int b, int len, out bool dropNext)
    {
        var nextA = a + len < b ? keys[a + len] : null;
        var nextB = b + len < keys.Count ? keys[b + len] : null;
        dropNext = false;
        if (nextA is not null && nextB is not null && nextA != nextB)
        {
            if (IsTruncationOf(nextA, nextB)) { dropNext = true; return a; }
            if (IsTruncationOf(nextB, nextA)) { dropNext = true; return b; }
        }
        return b;
    }

    private static bool IsTruncationOf(string shorter, string longer) =>
        shorter.Length >= 4 && shorter.Length < longer.Length
        && longer.StartsWith(shorter.TrimEnd('…', '.', '。'), StringComparison.Ordinal);
}
