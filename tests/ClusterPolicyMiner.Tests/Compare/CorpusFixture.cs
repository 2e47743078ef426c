using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare;

/// <summary>A small corpus with several editions per jurisdiction, a national measure, a validity in years
/// (which the store's columns do not hold) and a draft, and a view over it that counts the models it loads.</summary>
public static class CorpusFixture
{
    public static PolicyDocument Qinghai2024 { get; } = Qinghai with
    {
        Id = new string('a', 64), Source = "corpus/qinghai-2024.txt",
        Metadata = Qinghai.Metadata with { Kind = "measures", Effective = new DateOnly(2024, 7, 1), Issued = new DateOnly(2024, 7, 1), Expires = null, ValidityYears = 1 },
    };

    public static PolicyDocument National { get; } = Shaanxi with
    {
        Id = new string('b', 64), Source = "corpus/national.txt",
        Metadata = Shaanxi.Metadata with { Jurisdiction = ComparisonMatrix.NationalJurisdiction, Kind = "measures", Effective = new DateOnly(2022, 9, 1), Issued = new DateOnly(2022, 9, 1) },
    };

    public static PolicyDocument Shaanxi2025 { get; } = Shaanxi with
    {
        Id = new string('c', 64), Source = "corpus/shaanxi-2025.txt",
        Metadata = Shaanxi.Metadata with { Kind = "measures", Effective = new DateOnly(2025, 1, 1), Issued = new DateOnly(2025, 1, 1) },
    };

    public static IReadOnlyList<PolicyDocument> Docs { get; } = [Qinghai, Qinghai2024, Shaanxi, Shaanxi2025, Beijing, Shanghai, National];

    /// <summary>A view of the documents as the store gives it: headers with the columns' metadata only.</summary>
    public static (CorpusView View, Dictionary<string, int> Loads) Counting(IReadOnlyList<PolicyDocument> docs)
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        var byId = docs.DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var view = new CorpusView([.. docs.Select(DocumentHeader.Of)], h =>
        {
            loads[h.Id] = loads.GetValueOrDefault(h.Id) + 1;
            return byId[h.Id];
        });
        return (view, loads);
    }
}
