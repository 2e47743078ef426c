namespace ClusterPolicyMiner.Thresholds;

/// <summary>A clause (between commas) inside its sentence (between 。；!? and line ends), as spans of the
/// clean text with surrounding spaces trimmed.</summary>
internal readonly record struct Clause(int Start, int End, int SentenceStart, int SentenceEnd);

internal static class ClauseSplitter
{
    // ASCII ? is left out: in reposted notices it is mostly a replacement for an undecodable character.
    private const string SentenceEnds = "。；;！？\n\r";
    private const string ClauseEnds = "，,：:";

    private static readonly System.Buffers.SearchValues<char> SentenceEndValues = System.Buffers.SearchValues.Create(SentenceEnds);
    private static readonly System.Buffers.SearchValues<char> ClauseEndValues = System.Buffers.SearchValues.Create(ClauseEnds);

    public static List<Clause> Split(string text)
    {
        var clauses = new List<Clause>();
        var sentenceStart = 0;
        while (true)
        {
            var next = text.AsSpan(sentenceStart).IndexOfAny(SentenceEndValues);
            var sentenceEnd = next < 0 ? text.Length : sentenceStart + next;
            var clauseStart = sentenceStart;
            while (true)
            {
                var cut = text.AsSpan(clauseStart, sentenceEnd - clauseStart).IndexOfAny(ClauseEndValues);
                var clauseEnd = cut < 0 ? sentenceEnd : clauseStart + cut;
                var (s, e) = Trim(text, clauseStart, clauseEnd);
                if (e > s) clauses.Add(new Clause(s, e, sentenceStart, sentenceEnd));
                if (clauseEnd == sentenceEnd) break;
                clauseStart = clauseEnd + 1;
            }
            if (sentenceEnd == text.Length) return clauses;
            sentenceStart = sentenceEnd + 1;
        }
    }

    /// <summary>The index of the clause holding [start, end), or -1: a binary search, as clauses come in
    /// text order and do not overlap.</summary>
    public static int IndexOf(List<Clause> clauses, int start, int end)
    {
        int lo = 0, hi = clauses.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (clauses[mid].Start <= start) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && end <= clauses[found].End ? found : -1;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }
}
