using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>Thresholds for sentence alignment (character-bigram Jaccard, 0..1).</summary>
public sealed record TemplateDiffOptions
{
    /// <summary>From this similarity a clause counts as the same (small edits such as a province name).</summary>
    public double SameSimilarity { get; init; } = 0.9;
    /// <summary>From this similarity, below <see cref="SameSimilarity"/>, a clause is a rewording.</summary>
    public double RewordedSimilarity { get; init; } = 0.4;
}

/// <summary>What became of a clause against the template.</summary>
public enum ClauseStatus { Same, Reworded, Added, Dropped }

/// <summary>One clause (sentence) of the document, of the template, or both, with the similarity of the
/// two and the character-level changes from template to document.</summary>
public sealed record ClauseMatch(
    ClauseStatus Status,
    string? Text,
    int? Start,
    string? TemplateText,
    int? TemplateStart,
    double Similarity,
    IReadOnlyList<DiffSegment> Segments);

/// <summary>A document against another taken as its template (a province against the national measures,
/// or two provinces): clauses in document order, then the template's dropped clauses in template order.
/// Jurisdiction names of both documents are masked before comparing, so 青海省 vs 陕西省 is not a change.</summary>
public sealed record TemplateDiff(string DocumentId, string TemplateId, IReadOnlyList<ClauseMatch> Clauses)
{
    public int Count(ClauseStatus status) => Clauses.Count(c => c.Status == status);

    public static TemplateDiff Compare(PolicyDocument doc, PolicyDocument template, TemplateDiffOptions? options = null)
    {
        options ??= new TemplateDiffOptions();
        var names = JurisdictionNames(doc).Concat(JurisdictionNames(template))
            .Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();
        var mine = Sentences.Split(doc.Text).Select(s => (s.Text, s.Start, Grams: new Bigrams(Mask(s.Text, names)))).ToList();
        var theirs = Sentences.Split(template.Text).Select(s => (s.Text, s.Start, Grams: new Bigrams(Mask(s.Text, names)))).ToList();

        var candidates = new List<(int I, int J, double Sim)>();
        for (var i = 0; i < mine.Count; i++)
            for (var j = 0; j < theirs.Count; j++)
            {
                var sim = mine[i].Grams.Jaccard(theirs[j].Grams);
                if (sim >= options.RewordedSimilarity) candidates.Add((i, j, sim));
            }

        var matchOf = new Dictionary<int, (int J, double Sim)>();
        var taken = new HashSet<int>();
        foreach (var c in candidates.OrderByDescending(c => c.Sim).ThenBy(c => c.I).ThenBy(c => c.J))
        {
            if (matchOf.ContainsKey(c.I) || taken.Contains(c.J)) continue;
            matchOf[c.I] = (c.J, c.Sim);
            taken.Add(c.J);
        }

        var clauses = new List<ClauseMatch>();
        for (var i = 0; i < mine.Count; i++)
        {
            if (matchOf.TryGetValue(i, out var m))
            {
                var t = theirs[m.J];
                var status = m.Sim >= options.SameSimilarity ? ClauseStatus.Same : ClauseStatus.Reworded;
                clauses.Add(new ClauseMatch(status, mine[i].Text, mine[i].Start, t.Text, t.Start,
                    Math.Round(m.Sim, 3), TextDiff.Inline(t.Text, mine[i].Text)));
            }
            else
            {
                clauses.Add(new ClauseMatch(ClauseStatus.Added, mine[i].Text, mine[i].Start, null, null, 0,
                    [new DiffSegment(SegmentKind.Inserted, mine[i].Text)]));
            }
        }
        for (var j = 0; j < theirs.Count; j++)
            if (!taken.Contains(j))
                clauses.Add(new ClauseMatch(ClauseStatus.Dropped, null, null, theirs[j].Text, theirs[j].Start, 0,
                    [new DiffSegment(SegmentKind.Deleted, theirs[j].Text)]));
        return new TemplateDiff(doc.Id, template.Id, clauses);
    }

    /// <summary>The full name and its short form: 青海省 and 青海, 北京市 and 北京.</summary>
    private static IEnumerable<string> JurisdictionNames(PolicyDocument doc)
    {
        if (doc.Metadata.Jurisdiction is not { Length: > 0 } name) yield break;
        yield return name;
        foreach (var suffix in new[] { "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市" })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 1)
            {
                yield return name[..^suffix.Length];
                yield break;
            }
    }

    private static string Mask(string text, IReadOnlyList<string> names)
    {
        foreach (var n in names) text = text.Replace(n, "〇", StringComparison.Ordinal);
        return text;
    }
}

/// <summary>Splits clean text into sentences at 。；！？ (and ASCII ;!?) and line breaks, keeping offsets.</summary>
internal static class Sentences
{
    public static IReadOnlyList<(string Text, int Start)> Split(string text)
    {
        var result = new List<(string, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('。' or '；' or '！' or '？' or ';' or '!' or '?' or '\n')) continue;
            var end = i < text.Length && text[i] != '\n' ? i + 1 : i;
            var raw = text[start..end];
            var trimmed = raw.Trim();
            if (trimmed.Any(char.IsLetterOrDigit))
                result.Add((trimmed, start + raw.IndexOf(trimmed, StringComparison.Ordinal)));
            start = i + 1;
        }
        return result;
    }
}
