using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>Aligns the articles of two editions. First one-to-one, best pairs first, scoring text similarity
/// (character-bigram Jaccard) with a bonus for the same number or heading; then each article left over is
/// attached to the article of the other edition that contains most of it, which recognises splits and merges;
/// finally the pairs whose order differs from the old order (outside a longest increasing run) are moves.</summary>
internal sealed partial class ArticleAligner(EditionDiffOptions options)
{
    internal sealed record Unit(ArticleRef Ref, string Body, Bigrams Grams);

    internal sealed record Group(List<int> Before, List<int> After, MatchBasis Basis, double Confidence);

    public static IReadOnlyList<Unit> UnitsOf(PolicyDocument doc)
    {
        var all = Flatten(doc.Outline).ToList();
        var articles = all.Where(n => n.Kind == OutlineKind.Article).ToList();
        if (articles.Count == 0) articles = all.Where(n => n.Kind == OutlineKind.Part).ToList();
        if (articles.Count == 0 && doc.Text.Length > 0)
            articles = [new OutlineNode(OutlineKind.Part, 0, null, "", 0, doc.Text.Length, [])];
        return articles.Select(n =>
        {
            var start = Math.Clamp(n.Start, 0, doc.Text.Length);
            var end = Math.Clamp(n.End, start, doc.Text.Length);
            var text = doc.Text[start..end];
            var body = ArticleHeading().Replace(text, "", 1).Trim();
            return new Unit(new ArticleRef(n.Path, n.Number, n.Title, start, end, text), body, new Bigrams(body));
        }).ToList();
    }

    public List<Group> Align(IReadOnlyList<Unit> before, IReadOnlyList<Unit> after)
    {
        var candidates = new List<(int A, int B, double Sim, double Score, MatchBasis Basis)>();
        for (var i = 0; i < before.Count; i++)
            for (var j = 0; j < after.Count; j++)
            {
                var sim = before[i].Grams.Jaccard(after[j].Grams);
                var sameNumber = before[i].Ref.Number == after[j].Ref.Number;
                var sameHeading = before[i].Ref.Title is { Length: > 0 } t && t == after[j].Ref.Title;
                var basis = sameNumber && sim >= options.NumberMatchSimilarity ? MatchBasis.Number
                    : sameHeading ? MatchBasis.Heading
                    : MatchBasis.Similarity;
                var threshold = basis switch
                {
                    MatchBasis.Number => options.NumberMatchSimilarity,
                    MatchBasis.Heading => options.HeadingMatchSimilarity,
                    _ => options.MatchSimilarity,
                };
                if (sim < threshold) continue;
                var score = sim + (sameNumber ? 0.1 : 0) + (sameHeading ? 0.1 : 0);
                candidates.Add((i, j, sim, score, basis));
            }

        var groups = new List<Group>();
        var groupOfA = new Dictionary<int, Group>();
        var groupOfB = new Dictionary<int, Group>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.A).ThenBy(c => c.B))
        {
            if (groupOfA.ContainsKey(c.A) || groupOfB.ContainsKey(c.B)) continue;
            var g = new Group([c.A], [c.B], c.Basis, c.Sim);
            groups.Add(g);
            groupOfA[c.A] = g;
            groupOfB[c.B] = g;
        }

        // Leftovers mostly contained in an article of the other edition: parts of a split or a merge.
        AttachLeftovers(after, before, groupOfB, groupOfA, leftoverIsAfter: true, groups);
        AttachLeftovers(before, after, groupOfA, groupOfB, leftoverIsAfter: false, groups);

        var result = new List<Group>();
        foreach (var g in groups)
        {
            g.Before.Sort();
            g.After.Sort();
            if (g.Before.Count == 0 || g.After.Count == 0) continue;
            var merged = new Bigrams(string.Concat(g.Before.Select(i => before[i].Body)))
                .Jaccard(new Bigrams(string.Concat(g.After.Select(j => after[j].Body))));
            var basis = g.Before.Count > 1 || g.After.Count > 1 ? MatchBasis.Containment : g.Basis;
            result.Add(g with { Basis = basis, Confidence = Math.Round(merged, 3) });
        }
        return result;
    }

    private int BestContainer(Unit part, IReadOnlyList<Unit> others)
    {
        var best = -1;
        if (part.Grams.Count < options.MinContainmentBigrams) return best;
        var bestScore = options.ContainmentSimilarity;
        for (var k = 0; k < others.Count; k++)
        {
            var score = part.Grams.ContainedIn(others[k].Grams);
            if (score >= bestScore) (best, bestScore) = (k, score);
        }
        return best;
    }

    /// <summary>Attaches each unmatched unit of one edition to the unit of the other that contains most of it,
    /// unless that host is itself already one of several on its side (no many-to-many groups).</summary>
    private void AttachLeftovers(IReadOnlyList<Unit> leftovers, IReadOnlyList<Unit> hosts,
        Dictionary<int, Group> leftoverGroups, Dictionary<int, Group> hostGroups, bool leftoverIsAfter, List<Group> groups)
    {
        for (var k = 0; k < leftovers.Count; k++)
        {
            if (leftoverGroups.ContainsKey(k)) continue;
            var host = BestContainer(leftovers[k], hosts);
            if (host < 0) continue;
            if (hostGroups.TryGetValue(host, out var g))
            {
                if ((leftoverIsAfter ? g.Before : g.After).Count > 1) continue;
            }
            else
            {
                g = leftoverIsAfter ? new Group([host], [], MatchBasis.Containment, 0) : new Group([], [host], MatchBasis.Containment, 0);
                groups.Add(g);
                hostGroups[host] = g;
            }
            (leftoverIsAfter ? g.After : g.Before).Add(k);
            leftoverGroups[k] = g;
        }
    }

    /// <summary>Indices (into <paramref name="afterOrder"/>) of a longest strictly increasing subsequence:
    /// the pairs that kept their relative order. O(n²), n being the article count.</summary>
    public static HashSet<int> InOrder(IReadOnlyList<int> afterOrder)
    {
        var n = afterOrder.Count;
        var length = new int[n];
        var prev = new int[n];
        var bestEnd = -1;
        for (var i = 0; i < n; i++)
        {
            (length[i], prev[i]) = (1, -1);
            for (var k = 0; k < i; k++)
                if (afterOrder[k] < afterOrder[i] && length[k] + 1 > length[i]) (length[i], prev[i]) = (length[k] + 1, k);
            if (bestEnd < 0 || length[i] > length[bestEnd]) bestEnd = i;
        }
        var keep = new HashSet<int>();
        for (var i = bestEnd; i >= 0; i = prev[i]) keep.Add(i);
        return keep;
    }

    private static IEnumerable<OutlineNode> Flatten(IEnumerable<OutlineNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    [GeneratedRegex(@"^\s*第[一二三四五六七八九十百零〇两\d]+条\s*")]
    private static partial Regex ArticleHeading();
}
