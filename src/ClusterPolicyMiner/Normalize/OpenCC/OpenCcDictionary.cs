using System.Collections.Frozen;

namespace ClusterPolicyMiner.Normalize.OpenCC;

/// <summary>One OpenCC dictionary as a trie over UTF-16 code units, answering "the longest key that is a
/// prefix of the text here" like OpenCC's <c>MatchPrefix</c>. Immutable once built.</summary>
/// <remarks>The first level is an array indexed by the code unit, so a character that starts no key costs
/// one array read; deeper levels (phrases, surrogate pairs) go through one frozen hash of (node, unit).</remarks>
internal sealed class OpenCcDictionary
{
    private readonly int[] _root;                       // code unit -> node id, 0 = no key starts here
    private readonly string?[] _values;                 // node id -> preferred value when a key ends here
    private readonly bool[] _hasChildren;               // node id -> some longer key continues
    private readonly FrozenDictionary<long, int> _edges; // (node id << 16 | code unit) -> child node id

    public int MaxKeyLength { get; }

    private OpenCcDictionary(int[] root, string?[] values, bool[] hasChildren,
        FrozenDictionary<long, int> edges, int maxKeyLength)
    {
        _root = root;
        _values = values;
        _hasChildren = hasChildren;
        _edges = edges;
        MaxKeyLength = maxKeyLength;
    }

    /// <summary>True when some key starts with this code unit.</summary>
    public bool Starts(char c) => _root[c] != 0;

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
        for (var i = 1; i < limit && _hasChildren[node]; i++)
        {
            if (!_edges.TryGetValue(((long)node << 16) | text[i], out node)) break;
            if (_values[node] is { } v) { best = i + 1; value = v; }
        }
        return best;
    }

    /// <summary>Builds the trie from (key, preferred value) pairs; the first pair of a repeated key wins.</summary>
    public static OpenCcDictionary Build(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var root = new int[char.MaxValue + 1];
        var values = new List<string?> { null };
        var hasChildren = new List<bool> { false };
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
                hasChildren.Add(false);
            }
            for (var i = 1; i < key.Length; i++)
            {
                var edge = ((long)node << 16) | key[i];
                if (!edges.TryGetValue(edge, out var child))
                {
                    child = values.Count;
                    values.Add(null);
                    hasChildren.Add(false);
                    edges[edge] = child;
                    hasChildren[node] = true;
                }
                node = child;
            }
            values[node] ??= value;
            maxKeyLength = Math.Max(maxKeyLength, key.Length);
        }
        return new OpenCcDictionary(root, [.. values], [.. hasChildren], edges.ToFrozenDictionary(), maxKeyLength);
    }
}
