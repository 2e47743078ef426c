namespace ClusterPolicyMiner.Clean;

/// <summary>MinHash signatures over character shingles. Shingles are hashed with 64-bit FNV-1a; hash
/// function k is splitmix64 of (shingle hash XOR seed k), the seeds themselves drawn from splitmix64 of a
/// fixed constant, so signatures are the same on every machine and run.</summary>
internal static class MinHash
{
    private const ulong SeedBase = 0x5EED_C1A5_7E20_2023UL;

    /// <summary>The characters that count: letters, digits and CJK, without whitespace or punctuation.</summary>
    public static string Content(string text) =>
        string.Concat(text.Where(c => char.IsLetterOrDigit(c) || LineMeasures.IsCjk(c)));

    public static ulong[] Signature(string content, int shingle, int hashes)
    {
        var seeds = new ulong[hashes];
        var state = SeedBase;
        for (var k = 0; k < hashes; k++) seeds[k] = SplitMix(ref state);

        var sig = new ulong[hashes];
        Array.Fill(sig, ulong.MaxValue);
        var shingles = new HashSet<ulong>();
        if (content.Length < shingle) shingles.Add(Fnv(content.AsSpan()));
        for (var i = 0; i + shingle <= content.Length; i++) shingles.Add(Fnv(content.AsSpan(i, shingle)));

        foreach (var h in shingles)
            for (var k = 0; k < hashes; k++)
            {
                var x = h ^ seeds[k];
                var v = Mix(x);
                if (v < sig[k]) sig[k] = v;
            }
        return sig;
    }

    /// <summary>Share of equal positions: an estimate of the Jaccard similarity of the shingle sets.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var k = 0; k < a.Length; k++) if (a[k] == b[k]) same++;
        return (double)same / a.Length;
    }

    private static ulong Fnv(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
