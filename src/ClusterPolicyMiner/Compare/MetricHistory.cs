using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>One dated value of a metric: what the edition starting on <see cref="Date"/> requires, with
/// where it says so; <see cref="Threshold"/> is null when that edition no longer sets the metric.</summary>
public sealed record HistoryValue(DateOnly Date, string DocumentId, string? DocNumber, Threshold? Threshold);

/// <summary>A metric's values over the editions of one jurisdiction, oldest first.</summary>
public sealed record MetricHistory(string Metric, string Name, IReadOnlyList<HistoryValue> Values);

/// <summary>Every criterion of one jurisdiction and programme through its editions (OpenFisca-style: a value
/// per date from which it holds).</summary>
public sealed record JurisdictionHistory(string Jurisdiction, string? Programme, IReadOnlyList<MetricHistory> Metrics);

/// <summary>Builds the histories from the edition chains: the final documents with criteria and a start date.</summary>
public static class MetricHistories
{
    public static IReadOnlyList<JurisdictionHistory> Build(IReadOnlyList<PolicyDocument> docs)
    {
        var byId = docs.DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var result = new List<JurisdictionHistory>();
        foreach (var chain in EditionChains.Build(docs))
        {
            var editions = chain.Links
                .Where(l => l.Role != EditionRole.Draft && l.Start is not null)
                .Select(l => byId[l.DocumentId])
                .Where(d => d.Thresholds.Any(t => t.Metric != "unknown"))
                .ToList();
            if (editions.Count == 0 || chain.Jurisdiction == Editions.UnknownJurisdiction) continue;
            var first = editions.Select(d => d.Thresholds.Where(t => t.Metric != "unknown")
                    .GroupBy(t => t.Metric, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Source.Start).First(), StringComparer.Ordinal))
                .ToList();
            var metrics = CriteriaTable.Sort(first.SelectMany(f => f.Keys)).Select(metric =>
            {
                var values = new List<HistoryValue>();
                for (var i = 0; i < editions.Count; i++)
                {
                    var t = first[i].GetValueOrDefault(metric);
                    // A metric an edition drops ends with a null value, as OpenFisca ends a parameter.
                    if (t is null && (values.Count == 0 || values[^1].Threshold is null)) continue;
                    values.Add(new HistoryValue(Editions.StartOf(editions[i])!.Value, editions[i].Id, editions[i].Metadata.DocNumber, t));
                }
                return new MetricHistory(metric, CriteriaTable.NameOf(metric), values);
            }).ToList();
            result.Add(new JurisdictionHistory(chain.Jurisdiction, chain.Programme, metrics));
        }
        return result;
    }
}
