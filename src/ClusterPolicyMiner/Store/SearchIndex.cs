using System.Text;

namespace ClusterPolicyMiner.Store;

/// <summary>What the full-text index holds of an article and how a query is put to it. FTS5's own tokenizers
/// either take a run of Chinese as one word (unicode61) or index every three characters (trigram, which cost
/// more than half of a document's store time and 1.5× the text in index size). So the index is given
/// character bigrams: each run of letters and digits becomes its overlapping pairs (a one-character run stays
/// one character), separated by spaces, and unicode61 indexes those as words. A query of two or more characters
/// becomes the phrase of its bigrams, which every article containing the query matches; the caller checks
/// the article text itself, so hits are exact substrings, as before.</summary>
public static class SearchIndex
{
    /// <summary>The text the index is given for <paramref name="body"/>.</summary>
    public static string IndexText(string body)
    {
        var sb = new StringBuilder(body.Length * 3);
        foreach (var run in Runs(body))
            AppendBigrams(sb, body.AsSpan(run.Start, run.Length));
        return sb.ToString();
    }

    /// <summary>The FTS5 MATCH expression for a query, or null when it has no pair of adjacent letters or digits
    /// to look up (a single character, punctuation only): the caller scans instead.</summary>
    public static string? Match(string query)
    {
        var runs = Runs(query).ToList();
        if (!runs.Any(r => r.Length >= 2)) return null;
        // Each run a phrase of its bigrams; the runs must all be there (the text check settles their order).
        return string.Join(" AND ", runs.Select(r =>
        {
            var sb = new StringBuilder();
            AppendBigrams(sb, query.AsSpan(r.Start, r.Length));
            return "\"" + sb.ToString().TrimEnd().Replace("\"", "\"\"") + "\"";
        }));
    }

    private static void AppendBigrams(StringBuilder sb, ReadOnlySpan<char> run)
    {
        if (run.Length == 1)
        {
            sb.Append(run[0]).Append(' ');
            return;
        }
        for (var i = 0; i + 1 < run.Length; i++)
            sb.Append(run[i]).Append(run[i + 1]).Append(' ');
    }

    private static IEnumerable<(int Start, int Length)> Runs(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inRun && start < 0) start = i;
            else if (!inRun && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
