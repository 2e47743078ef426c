namespace ClusterPolicyMiner.Compare;

/// <summary>Character-bigram sets: Chinese has no spaces, so pairs of adjacent characters stand in for words.
/// Whitespace and punctuation are dropped first so that reflowed or re-punctuated text still matches.</summary>
internal sealed class Bigrams
{
    private readonly HashSet<int> _set;

    public Bigrams(string text)
    {
        var chars = text.Where(c => char.IsLetterOrDigit(c)).ToArray();
        _set = new HashSet<int>();
        for (var i = 0; i + 1 < chars.Length; i++) _set.Add(chars[i] << 16 | chars[i + 1]);
        if (chars.Length == 1) _set.Add(chars[0]);
    }

    public int Count => _set.Count;

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
        var (small, large) = Count <= other.Count ? (_set, other._set) : (other._set, _set);
        var n = 0;
        foreach (var b in small) if (large.Contains(b)) n++;
        return n;
    }
}
