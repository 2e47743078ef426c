using System.Text;

namespace ClusterPolicyMiner.Store;

/// <summary>What the full-text index holds of an article and how a query is put to it. FTS5's own tokenizers
/// either take a run of Chinese as one word (unicode61) or index every three characters (trigram, which cost
/// more than half of a document's store time and 1.5× the text in index size). So the index is given the
/// article's distinct character bigrams: each run of letters and digits gives its overlapping pairs (a run of
/// one character gives nothing), upper-cased as <see cref="StringComparison.OrdinalIgnoreCase"/> compares,
/// separated by spaces. The index keeps no positions (FTS5 <c>detail=none</c>): it only says which articles
/// hold every bigram of a query, and the caller checks the article text itself, so hits are exact substrings.</summary>
public static class SearchIndex
{
    /// <summary>The text the index is given for <paramref name="body"/>: its distinct bigrams in order of first appearance.</summary>
    public static string IndexText(string body)
    {
        var sb = new StringBuilder(Math.Min(body.Length, 1 << 16) * 3);
        var seen = new HashSet<int>();
        foreach (var pair in Bigrams(body))
            if (seen.Add(pair)) sb.Append((char)(pair >> 16)).Append((char)pair).Append(' ');
        return sb.ToString();
    }

    /// <summary>The FTS5 MATCH expression for a query: all its distinct bigrams. Null when it has no pair of
    /// adjacent letters or digits to look up (single characters, punctuation only): the caller scans instead.</summary>
    public static string? Match(string query)
    {
        var terms = Bigrams(query).Distinct().Select(p => "\"" + (char)(p >> 16) + (char)p + "\"").ToList();
        // A bigram never holds a double quote (both characters are letters or digits), so no escaping is needed.
        return terms.Count == 0 ? null : string.Join(" AND ", terms);
    }

    /// <summary>Each pair of adjacent letters or digits, upper-cased, as (first &lt;&lt; 16 | second).</summary>
    private static IEnumerable<int> Bigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
            if (char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i + 1]))
                yield return char.ToUpperInvariant(text[i]) << 16 | char.ToUpperInvariant(text[i + 1]);
    }
}
