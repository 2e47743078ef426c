namespace ClusterPolicyMiner.Normalize.OpenCC;

/// <summary>One OpenCC dictionary as a trie over UTF-16 code units, answering "the longest key that is a
/// prefix of the text here" like OpenCC's <c>MatchPrefix</c>. Immutable once built.</summary>
/// <remarks>The first level is an array indexed by the code unit, so a character that starts no key costs
/// one array read; the children of a deeper node are a sorted run of (code unit, child) in two flat arrays,
/// searched by halving (phrases, surrogate pairs). No hashing, no per-node objects.</remarks>
internal sealed class OpenCcDictionary
{
    private readonly int[] _root;          // code unit -> node id, 0 = no key starts here
    private readonly string?[] _values;    // node id -> preferred value when a key ends here
    private readonly int[] _childStart;    // node id -> first index of its children in _edgeUnits/_edgeNodes;
                                           // node id + 1 -> one past the last (length nodes + 1)
    private readonly char[] _edgeUnits;    // children's code units, sorted within each node's run
    private readonly int[] _edgeNodes;     // children's node ids, parallel to _edgeUnits

    public int MaxKeyLength { get; }

    private OpenCcDictionary(int[] root, string?[] values, int[] childStart, char[] edgeUnits, int[] edgeNodes,
        int maxKeyLength)
    {
        _root = root;
        _values = values;
        _childStart = childStart;
        _edgeUnits = edgeUnits;
        _edgeNodes = edgeNodes;
        MaxKeyLength = maxKeyLength;
    }

    /// <summary>True when some key starts with this code unit.</summary>
    public bool Starts(char c) => _root[c] != 0;

    /// <summary>True when some key of two or more code units starts with this code unit.</summary>
    public bool StartsLonger(char c) => _root[c] is var node and not 0 && _childStart[node + 1] > _childStart[node];

    /// <summary>The value of the one-unit key <paramref name="c"/>, null when it is not a key.</summary>
    public string? Single(char c) => _values[_root[c]];

    /// <summary>Length in code units of the longest key that prefixes <paramref name="text"/>, 0 when none;
    /// <paramref name="value"/> is that key's preferred (first) value.</summary>
    public int MatchPrefix(ReadOnlySpan<char> text, out string? value)
    {
        value = null;
        if (text.IsEmpty) return 0;
        var node = _root[text[0]];
        if (node == 0) return 0;
        var best = 0;
        if (_values[node] is { } v0) { best = 1; value = v0; }
        var limit = Math.Min(text.Length, MaxKeyLength);
        for (var i = 1; i < limit; i++)
        {
            node = Child(node, text[i]);
            if (node == 0) break;
            if (_values[node] is { } v) { best = i + 1; value = v; }
        }
        return best;
    }

    private int Child(int node, char unit)
    {
        var lo = _childStart[node];
        var hi = _childStart[node + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var u = _edgeUnits[mid];
            if (u == unit) return _edgeNodes[mid];
            if (u < unit) lo = mid + 1;
            else hi = mid - 1;
        }
        return 0;
    }

    /// <summary>Builds the trie from (key, preferred value) pairs; the first pair of a repeated key wins.</summary>
    public static OpenCcDictionary Build(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var root = new int[char.MaxValue + 1];
        var values = new List<string?> { null };
        var edges = new Dictionary<long, int>();
        var maxKeyLength = 0;
        foreach (var (key, value) in entries)
        {
            if (key.Length == 0) continue;
            var node = root[key[0]];
            if (node == 0)
            {
                node = root[key[0]] = values.Count;
                values.Add(null);
            }
            for (var i = 1; i < key.Length; i++)
            {
                var edge = ((long)node << 16) | key[i];
                if (!edges.TryGetValue(edge, out var child))
                {
                    child = values.Count;
                    values.Add(null);
                    edges[edge] = child;
                }
                node = child;
            }
            values[node] ??= value;
            maxKeyLength = Math.Max(maxKeyLength, key.Length);
        }

        // The edges sorted by (parent, unit) are the children runs in node order.
        var sorted = edges.Keys.Order().ToArray();
        var childStart = new int[values.Count + 1];
        var edgeUnits = new char[sorted.Length];
        var edgeNodes = new int[sorted.Length];
        for (var e = 0; e < sorted.Length; e++)
        {
            edgeUnits[e] = (char)(sorted[e] & 0xFFFF);
            edgeNodes[e] = edges[sorted[e]];
            childStart[(int)(sorted[e] >> 16) + 1]++;
        }
        for (var n = 1; n < childStart.Length; n++) childStart[n] += childStart[n - 1];
        return new OpenCcDictionary(root, [.. values], childStart, edgeUnits, edgeNodes, maxKeyLength);
    }
}
