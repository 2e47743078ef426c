namespace ClusterPolicyMiner.Normalize.OpenCC;

/// <summary>Reads OpenCC's text dictionary format: <c>key TAB value [value…]</c> per line, <c>#</c> comments,
/// the first value preferred. Also builds the reversed dictionaries OpenCC generates (<c>*Rev</c>).</summary>
internal static class OpenCcDictionaryFile
{
    private const string ReversePrefer = "# @reverse-prefer:";

    /// <summary>(key, preferred value) pairs in file order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Entries(string text)
    {
        foreach (var (key, values) in Lines(text))
            yield return new(key, values[0]);
    }

    /// <summary>The dictionary read backwards: each value maps to the keys that produce it, in file order,
    /// except that a <c># @reverse-prefer: V [K]</c> annotation makes K (default V itself) the preferred key
    /// of V. This follows OpenCC's data/scripts/reverse.py as documented in the files' own comments.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ReversedEntries(string text)
    {
        var reversed = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        var preferred = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith(ReversePrefer, StringComparison.Ordinal)) continue;
            var parts = line[ReversePrefer.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0) preferred[parts[0]] = parts.Length > 1 ? parts[1] : parts[0];
        }
        foreach (var (key, values) in Lines(text))
        {
            foreach (var value in values)
            {
                if (reversed.ContainsKey(value)) continue;
                reversed[value] = key;
                order.Add(value);
            }
        }
        foreach (var value in order)
            yield return new(value, preferred.TryGetValue(value, out var key) ? key : reversed[value]);
    }

    private static IEnumerable<(string Key, string[] Values)> Lines(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length > 0) yield return (line[..tab], values);
        }
    }
}
