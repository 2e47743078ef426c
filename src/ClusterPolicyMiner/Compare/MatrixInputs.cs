using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>The few models a matrix needs out of a whole corpus: the documents it shows and its baseline
/// document. Chosen from the headers as <see cref="ComparisonMatrix.Build"/> chooses from the models, loading
/// a model only where a header cannot tell (a validity in years, whether a national text sets criteria), so
/// that <c>ComparisonMatrix.Build(Needed(…), options)</c> equals <c>ComparisonMatrix.Build(all, options)</c>.</summary>
public static class MatrixInputs
{
    /// <summary>The models to build the matrix from, in no particular order, each once.</summary>
    public static IReadOnlyList<PolicyDocument> Needed(IReadOnlyList<DocumentHeader> headers, MatrixOptions options, CorpusView view)
    {
        var loaded = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        PolicyDocument Load(DocumentHeader h)
        {
            if (!loaded.TryGetValue(h.Id, out var d)) loaded[h.Id] = d = view.Load(h);
            return d;
        }
        var distinct = headers.DistinctBy(h => h.Id).ToList();

        if (options.DocumentIds is { } ids)
        {
            var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
            foreach (var h in distinct.Where(h => wanted.Contains(h.Id))) Load(h);
        }
        else
        {
            var judged = distinct.Where(h => options.IncludeDrafts || !IsDraft(h));
            foreach (var group in judged.GroupBy(h => h.Metadata.Jurisdiction ?? Editions.UnknownJurisdiction, StringComparer.Ordinal))
                if (FirstLatest(group, options.On, Load, AcceptAll) is { } shown) Load(shown);
        }

        if (options.BaselineDocumentId is { } bid)
        {
            if (distinct.FirstOrDefault(h => h.Id == bid) is { } chosen) Load(chosen);
        }
        else if (options.Baseline == BaselineChoice.National)
        {
            var national = distinct.Where(h => h.Metadata.Jurisdiction == ComparisonMatrix.NationalJurisdiction && !IsDraft(h));
            FirstLatest(national, options.On, Load, d => d.Thresholds.Any(t => t.Metric != "unknown"));
        }
        return [.. loaded.Values];
    }

    /// <summary>The first header, in the order of <see cref="Editions.Latest"/>, whose model is in force on the
    /// date (when one is given) and passes <paramref name="accept"/>; models are loaded only as far as needed.</summary>
    private static DocumentHeader? FirstLatest(IEnumerable<DocumentHeader> group, DateOnly? on,
        Func<DocumentHeader, PolicyDocument> load, Func<PolicyDocument, bool> accept)
    {
        var ordered = group.OrderBy(IsDraft)
            .ThenByDescending(h => Editions.StartOf(h.AsDocument()) ?? DateOnly.MinValue)
            .ThenBy(h => h.Id, StringComparer.Ordinal);
        foreach (var h in ordered)
        {
            if (on is { } date && !MayBeInForce(h, date)) continue;
            if (on is null && accept == AcceptAll) return h;
            var d = load(h);
            if ((on is not { } day || Editions.InForce(d, day)) && accept(d)) return h;
        }
        return null;
    }

    private static readonly Func<PolicyDocument, bool> AcceptAll = _ => true;

    /// <summary>What the columns tell of <see cref="Editions.InForce(PolicyDocument, DateOnly)"/>: false only when
    /// the document is surely not in force (a draft, not started, or past its stated expiry).</summary>
    private static bool MayBeInForce(DocumentHeader h, DateOnly on) =>
        !IsDraft(h) && Editions.StartOf(h.AsDocument()) is { } start && start <= on
        && (h.Metadata.Expires is not { } end || on <= end);

    private static bool IsDraft(DocumentHeader h) => string.Equals(h.Metadata.Status, "draft", StringComparison.Ordinal);
}
