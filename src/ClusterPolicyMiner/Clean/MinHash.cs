using System.Buffers;
using System.Runtime.Intrinsics;

namespace ClusterPolicyMiner.Clean;

/// <summary>MinHash signatures over character shingles. Shingles are hashed with 64-bit FNV-1a; hash
/// function k is splitmix64 of (shingle hash XOR seed k), the seeds themselves drawn from splitmix64 of a
/// fixed constant, so signatures are the same on every machine and run.
/// Each shingle is hashed once into an array; then, eight (or four) hash functions at a time, one pass over
/// that array keeps the running minima in a vector register. A repeated shingle only repeats a minimum, so
/// the shingles need no set.</summary>
internal static class MinHash
{
    private const ulong SeedBase = 0x5EED_C1A5_7E20_2023UL;

    private static ulong[]? _seeds;

    /// <summary>The characters that count: letters, digits and CJK, without whitespace or punctuation.</summary>
    public static string Content(string text)
    {
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        var n = 0;
        foreach (var c in text)
            if (char.IsLetterOrDigit(c) || LineMeasures.IsCjk(c)) rented[n++] = c;
        var content = new string(rented, 0, n);
        ArrayPool<char>.Shared.Return(rented);
        return content;
    }

    public static ulong[] Signature(string content, int shingle, int hashes)
    {
        var seeds = Seeds(hashes);
        var count = content.Length < shingle ? 1 : content.Length - shingle + 1;
        var rented = ArrayPool<ulong>.Shared.Rent(count);
        var shingles = rented.AsSpan(0, count);
        if (content.Length < shingle) shingles[0] = Fnv(content.AsSpan());
        else
            for (var i = 0; i < count; i++) shingles[i] = Fnv(content.AsSpan(i, shingle));

        var sig = new ulong[hashes];
        var k = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; k + Vector512<ulong>.Count <= hashes; k += Vector512<ulong>.Count)
            {
                var seed = Vector512.Create(seeds.AsSpan(k, Vector512<ulong>.Count));
                var min = Vector512<ulong>.AllBitsSet;
                foreach (var h in shingles) min = Vector512.Min(min, Mix(Vector512.Create(h) ^ seed));
                min.CopyTo(sig.AsSpan(k));
            }
        if (Vector256.IsHardwareAccelerated)
            for (; k + Vector256<ulong>.Count <= hashes; k += Vector256<ulong>.Count)
            {
                var seed = Vector256.Create(seeds.AsSpan(k, Vector256<ulong>.Count));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (var h in shingles) min = Vector256.Min(min, Mix(Vector256.Create(h) ^ seed));
                min.CopyTo(sig.AsSpan(k));
            }
        for (; k < hashes; k++)
        {
            var min = ulong.MaxValue;
            foreach (var h in shingles) min = Math.Min(min, Mix(h ^ seeds[k]));
            sig[k] = min;
        }
        ArrayPool<ulong>.Shared.Return(rented);
        return sig;
    }

    /// <summary>Share of equal positions: an estimate of the Jaccard similarity of the shingle sets.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var k = 0; k < a.Length; k++) if (a[k] == b[k]) same++;
        return (double)same / a.Length;
    }

    private static ulong[] Seeds(int hashes)
    {
        if (_seeds is { } cached && cached.Length == hashes) return cached;
        var seeds = new ulong[hashes];
        var state = SeedBase;
        for (var k = 0; k < hashes; k++) seeds[k] = SplitMix(ref state);
        return _seeds = seeds;
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

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >>> 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >>> 31);
    }
}
