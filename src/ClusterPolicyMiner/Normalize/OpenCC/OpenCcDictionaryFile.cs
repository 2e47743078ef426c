namespace ClusterPolicyMiner.Normalize.OpenCC;

/// <summary>Reads OpenCC's text dictionary format: <c>key TAB value [value…]</c> per line, <c>#</c> comments,
/// the first value preferred. Also builds the reversed dictionaries OpenCC generates (<c>*Rev</c>).</summary>
internal static class OpenCcDictionaryFile
{
    private const string ReversePrefer = "# @reverse-prefer:";
    private const string TofuRisk = "# @tofu-risk:";

    /// <summary>(key, preferred value) pairs in file order.</summary>
    public static List<KeyValuePair<string, string>> Entries(string text)
    {
        // The common path (every dictionary read forwards): spans, no split of the file or of its lines.
        var entries = new List<KeyValuePair<string, string>>(text.Length / 8);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            line = line.TrimEnd('\r');
            if (line.IsEmpty || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var values = line[(tab + 1)..].TrimStart(' ');
            if (values.IsEmpty) continue;
            var space = values.IndexOf(' ');
            entries.Add(new(line[..tab].ToString(), (space < 0 ? values : values[..space]).ToString()));
        }
        return entries;
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

    /// <summary>OpenCC's generated <c>TSCharactersExt</c>, built from <c>TSCharacters</c> as OpenCC's
    /// data/scripts/extract_tofu_risk.py does: for each entry on the line after a <c># @tofu-risk:</c>
    /// comment, its values without the key itself (<c>殢 TAB 殢 𣨼</c> becomes <c>殢 TAB 𣨼</c>). In
    /// <c>TSCharacters</c> those entries keep the character (its first value is the key); the configs place
    /// this dictionary before it, so the conversion goes to the simplified form.</summary>
    public static IEnumerable<KeyValuePair<string, string>> TofuRiskEntries(string text)
    {
        var afterComment = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var tagged = afterComment;
            afterComment = line.StartsWith(TofuRisk, StringComparison.Ordinal);
            if (!tagged || Entry(line) is not (string key, string[] values)) continue;
            var others = values.Where(v => v != key).ToList();
            if (others.Count > 0) yield return new(key, others[0]);
        }
    }

    private static IEnumerable<(string Key, string[] Values)> Lines(string text)
    {
        foreach (var raw in text.Split('\n'))
            if (Entry(raw.TrimEnd('\r')) is (string key, string[] values)) yield return (key, values);
    }

    /// <summary>One <c>key TAB values</c> line; null for comments, blank and malformed lines.</summary>
    private static (string Key, string[] Values)? Entry(string line)
    {
        if (line.Length == 0 || line[0] == '#') return null;
        var tab = line.IndexOf('\t');
        if (tab <= 0) return null;
        var values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return values.Length > 0 ? (line[..tab], values) : null;
    }
}
