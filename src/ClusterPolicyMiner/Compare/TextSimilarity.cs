namespace ClusterPolicyMiner.Compare;

/// <summary>Character-bigram sets: Chinese has no spaces, so pairs of adjacent characters stand in for words.
/// Whitespace and punctuation are dropped first so that reflowed or re-punctuated text still matches.</summary>
internal sealed class Bigrams
{
    /// <summary>The distinct bigrams, sorted: two sets meet in one merge pass, without hashing.</summary>
    private readonly int[] _set;

    public Bigrams(string text)
    {
        var chars = text.Where(c => char.IsLetterOrDigit(c)).ToArray();
        var all = new int[chars.Length == 1 ? 1 : Math.Max(chars.Length - 1, 0)];
        for (var i = 0; i + 1 < chars.Length; i++) all[i] = chars[i] << 16 | chars[i + 1];
        if (chars.Length == 1) all[0] = chars[0];
        Array.Sort(all);
        var n = 0;
        for (var i = 0; i < all.Length; i++)
            if (n == 0 || all[i] != all[n - 1]) all[n++] = all[i];
        _set = n == all.Length ? all : all[..n];
    }

    public int Count => _set.Length;

    /// <summary>|A ∩ B| / |A ∪ B|; 1 for two empty texts.</summary>
    public double Jaccard(Bigrams other)
    {
        if (Count == 0 && other.Count == 0) return 1;
        var common = Common(other);
        return (double)common / (Count + other.Count - common);
    }

    /// <summary>How much of this text is found in the other: |A ∩ B| / |A|.</summary>
    public double ContainedIn(Bigrams other) => Count == 0 ? 0 : (double)Common(other) / Count;

    private int Common(Bigrams other)
    {
        var (a, b) = (_set, other._set);
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }
}
