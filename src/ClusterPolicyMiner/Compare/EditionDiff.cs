using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>Similarity thresholds for aligning articles (character-bigram Jaccard, 0..1).</summary>
public sealed record EditionDiffOptions
{
    /// <summary>Two articles with the same number pair up from this similarity.</summary>
    public double NumberMatchSimilarity { get; init; } = 0.3;
    /// <summary>Two articles with the same heading pair up from this similarity.</summary>
    public double HeadingMatchSimilarity { get; init; } = 0.3;
    /// <summary>Any two articles pair up from this similarity.</summary>
    public double MatchSimilarity { get; init; } = 0.5;
    /// <summary>A leftover article is part of a split or merge when this share of its bigrams is in the other.</summary>
    public double ContainmentSimilarity { get; init; } = 0.7;
    /// <summary>Shorter leftovers are never attached as split or merge parts: too little text to judge.</summary>
    public int MinContainmentBigrams { get; init; } = 8;
}

/// <summary>What happened to an article between two editions.</summary>
public enum ArticleChange { Unchanged, Modified, Renumbered, Moved, Split, Merged, Added, Removed }

/// <summary>How a pair of articles was matched.</summary>
public enum MatchBasis { Number, Heading, Similarity, Containment, None }

/// <summary>An article of one edition: outline path, number, heading, span and text.</summary>
public sealed record ArticleRef(string Path, int Number, string? Title, int Start, int End, string Text);

/// <summary>Aligned articles (one-to-one, one-to-many for a split, many-to-one for a merge, or one side empty
/// for an added or removed article), how they were matched, with what confidence (the similarity of the two
/// sides, 0..1) and the character-level changes between them.</summary>
public sealed record ArticlePair(
    ArticleChange Change,
    MatchBasis Basis,
    double Confidence,
    IReadOnlyList<ArticleRef> Before,
    IReadOnlyList<ArticleRef> After,
    IReadOnlyList<DiffSegment> Segments);

/// <summary>Whether a requirement appeared, went away or changed.</summary>
public enum ThresholdChangeKind { Changed, Added, Removed }

/// <summary>A requirement that differs between editions, in plain words
/// (产值年均增速: 高于5% → 5%以上, looser). The verdict is the new one against the old one.</summary>
public sealed record ThresholdChange(
    string Metric, ThresholdChangeKind Kind, Threshold? Before, Threshold? After, Verdict Verdict, string Description);

/// <summary>Two editions compared: articles aligned and the changed requirements.</summary>
public sealed record EditionDiff(
    string BeforeId,
    string AfterId,
    IReadOnlyList<ArticlePair> Articles,
    IReadOnlyList<ThresholdChange> ThresholdChanges)
{
    public static EditionDiff Compare(PolicyDocument a, PolicyDocument b, EditionDiffOptions? options = null)
    {
        var before = ArticleAligner.UnitsOf(a);
        var after = ArticleAligner.UnitsOf(b);
        var groups = new ArticleAligner(options ?? new EditionDiffOptions()).Align(before, after);

        // Moves: one-to-one pairs outside the longest run that keeps the old order.
        var ordered = groups.OrderBy(g => g.Before[0]).ToList();
        var inOrder = ArticleAligner.InOrder(ordered.Select(g => g.After[0]).ToList());

        var pairs = new List<(int Key, ArticlePair Pair)>();
        for (var k = 0; k < ordered.Count; k++)
        {
            var g = ordered[k];
            var from = g.Before.Select(i => before[i]).ToList();
            var to = g.After.Select(j => after[j]).ToList();
            var oldText = string.Concat(from.Select(u => u.Body));
            var newText = string.Concat(to.Select(u => u.Body));
            var segments = TextDiff.Inline(oldText, newText);
            var change = from.Count > 1 ? ArticleChange.Merged
                : to.Count > 1 ? ArticleChange.Split
                : !inOrder.Contains(k) ? ArticleChange.Moved
                : TextDiff.HasChanges(segments) ? ArticleChange.Modified
                : from[0].Ref.Number != to[0].Ref.Number ? ArticleChange.Renumbered
                : ArticleChange.Unchanged;
            pairs.Add((g.After[0] * 2 + 1, new ArticlePair(change, g.Basis, g.Confidence,
                from.Select(u => u.Ref).ToList(), to.Select(u => u.Ref).ToList(), segments)));
        }

        var matchedA = groups.SelectMany(g => g.Before).ToHashSet();
        var matchedB = groups.SelectMany(g => g.After).ToHashSet();
        for (var i = 0; i < before.Count; i++)
            if (!matchedA.Contains(i))
                pairs.Add((RemovedKey(i, groups), new ArticlePair(ArticleChange.Removed, MatchBasis.None, 0,
                    [before[i].Ref], [], [new DiffSegment(SegmentKind.Deleted, before[i].Body)])));
        for (var j = 0; j < after.Count; j++)
            if (!matchedB.Contains(j))
                pairs.Add((j * 2 + 1, new ArticlePair(ArticleChange.Added, MatchBasis.None, 0,
                    [], [after[j].Ref], [new DiffSegment(SegmentKind.Inserted, after[j].Body)])));

        // Report in the new edition's order; a removed article goes just after the new position of the
        // article that preceded it in the old edition.
        var articles = pairs.OrderBy(p => p.Key).Select(p => p.Pair).ToList();
        return new EditionDiff(a.Id, b.Id, articles, CompareThresholds(a, b));
    }

    private static int RemovedKey(int i, IReadOnlyList<ArticleAligner.Group> groups)
    {
        var previous = groups.Where(g => g.Before.Any(x => x < i)).Select(g => g.After.Max()).DefaultIfEmpty(-1).Max();
        return previous * 2 + 2;
    }

    private static IReadOnlyList<ThresholdChange> CompareThresholds(PolicyDocument a, PolicyDocument b)
    {
        static Dictionary<string, Threshold> First(PolicyDocument d) => d.Thresholds.Concat(d.Procedural)
            .Where(t => t.Metric != "unknown")
            .GroupBy(t => t.Metric, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Source.Start).First(), StringComparer.Ordinal);

        var before = First(a);
        var after = First(b);
        var changes = new List<ThresholdChange>();
        foreach (var metric in CriteriaTable.Sort(before.Keys.Concat(after.Keys)))
        {
            var old = before.GetValueOrDefault(metric);
            var @new = after.GetValueOrDefault(metric);
            var label = @new?.Label ?? old?.Label ?? metric;
            var oldText = old is null ? "(none)" : ThresholdText.Describe(old);
            var newText = @new is null ? "(none)" : ThresholdText.Describe(@new);
            if (old is not null && @new is not null && oldText == newText && old.Op == @new.Op && old.Value == @new.Value)
                continue;
            var kind = old is null ? ThresholdChangeKind.Added : @new is null ? ThresholdChangeKind.Removed : ThresholdChangeKind.Changed;
            var verdict = Strictness.Compare(@new, old);
            var word = kind switch
            {
                ThresholdChangeKind.Added => "added",
                ThresholdChangeKind.Removed => "removed",
                _ => ThresholdText.VerdictWord(verdict),
            };
            changes.Add(new ThresholdChange(metric, kind, old, @new, verdict, $"{label}: {oldText} → {newText}, {word}"));
        }
        return changes;
    }
}
