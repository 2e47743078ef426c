namespace ClusterPolicyMiner.Emit;

/// <summary>Converts offsets into one text between UTF-16 code units, which the pipeline uses inside
/// (C# string indices), and Unicode code points, which the JSON contract uses for every span (DESIGN:
/// `start`/`end` count code points of `text`, end exclusive). They differ after each supplementary-plane
/// character (𬶨, 𠀀: a surrogate pair, one code point). A lone surrogate counts as one code point.</summary>
public sealed class CodePointOffsets
{
    /// <summary>UTF-16 index of the low half of each surrogate pair, ascending; empty for most texts.</summary>
    private readonly int[] _lowHalves;

    public CodePointOffsets(string text)
    {
        var lows = new List<int>();
        for (var i = 1; i < text.Length; i++)
            if (char.IsHighSurrogate(text[i - 1]) && char.IsLowSurrogate(text[i]))
                lows.Add(i++);
        _lowHalves = [.. lows];
    }

    /// <summary>The code-point offset of UTF-16 offset <paramref name="utf16"/> (at most the text's length).</summary>
    public int ToCodePoints(int utf16) =>
        _lowHalves.Length == 0 ? utf16 : utf16 - CountBelow(_lowHalves, utf16);

    /// <summary>The UTF-16 offset of code-point offset <paramref name="codePoints"/>: the inverse of
    /// <see cref="ToCodePoints"/> on offsets that do not split a pair.</summary>
    public int ToUtf16(int codePoints)
    {
        if (_lowHalves.Length == 0) return codePoints;
        // The k-th pair (0-based) starts at code point _lowHalves[k] - 1 - k; every pair starting before
        // the offset adds one code unit.
        int lo = 0, hi = _lowHalves.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_lowHalves[mid] - 1 - mid < codePoints) lo = mid + 1;
            else hi = mid;
        }
        return codePoints + lo;
    }

    /// <summary>How many of the ascending <paramref name="values"/> are below <paramref name="limit"/>.</summary>
    private static int CountBelow(int[] values, int limit)
    {
        var i = Array.BinarySearch(values, limit);
        return i >= 0 ? i : ~i;
    }
}
