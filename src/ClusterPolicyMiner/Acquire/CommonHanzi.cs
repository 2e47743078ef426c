namespace ClusterPolicyMiner.Acquire;

/// <summary>The common Chinese characters of <c>Data/common-hanzi.txt</c> (its header names the sources: the
/// 2,500 most frequent ideographs of a corpus of provincial regulations, plus their traditional forms from
/// OpenCC). Text decoded with the right encoding is nearly all common characters; the same bytes decoded with
/// the wrong one of GB18030 and Big5 are mostly rare characters and symbols.</summary>
internal static class CommonHanzi
{
    /// <summary>One bit per UTF-16 code unit: set for the common characters.</summary>
    private static readonly ulong[] Characters = Load();

    /// <summary>The share of the non-ASCII characters of <paramref name="text"/> that are common Chinese
    /// characters; 0 when there are none. Punctuation counts in the denominator: it is shared by both readings.</summary>
    public static double Share(ReadOnlySpan<char> text)
    {
        int nonAscii = 0, common = 0;
        foreach (var ch in text)
        {
            if (ch < 0x80 || IsWhiteSpace(ch)) continue;
            nonAscii++;
            common += (int)(Characters[ch >> 6] >> (ch & 63)) & 1;
        }
        return nonAscii == 0 ? 0 : (double)common / nonAscii;
    }

    /// <summary><see cref="char.IsWhiteSpace"/> for a character past ASCII, without its table lookup: Latin-1's
    /// two (U+0085, U+00A0) and the separators of categories Zs, Zl and Zp beyond it.</summary>
    internal static bool IsWhiteSpace(char ch) =>
        ch <= '\u00FF' ? ch is '\u0085' or '\u00A0'
        : ch is '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    private static ulong[] Load()
    {
        using var stream = typeof(CommonHanzi).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Acquire.common-hanzi.txt")
            ?? throw new InvalidOperationException("embedded resource common-hanzi.txt is missing from the build");
        using var reader = new StreamReader(stream);
        var set = new ulong[65536 / 64];
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (line.StartsWith('#') || tab < 0) continue;
            foreach (var ch in line.AsSpan(tab + 1)) set[ch >> 6] |= 1UL << (ch & 63);
        }
        return set;
    }
}
