using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>Which edition of a jurisdiction's rules applies when. Shared by the matrix, the eligibility check
/// and the rule-file coverage report so that all three agree on "in force".</summary>
public static class Editions
{
    /// <summary>Jurisdiction key used when a document's jurisdiction is unknown.</summary>
    public const string UnknownJurisdiction = "unknown";

    public static string JurisdictionOf(PolicyDocument doc) => doc.Metadata.Jurisdiction ?? UnknownJurisdiction;

    /// <summary>The date an edition starts: effective, else issued, else published; null when none is known.</summary>
    public static DateOnly? StartOf(PolicyDocument doc) =>
        doc.Metadata.Effective ?? doc.Metadata.Issued ?? doc.Metadata.Published;

    /// <summary>The last day in force: the stated expiry, else effective + validity years - 1 day.</summary>
    public static DateOnly? EndOf(PolicyDocument doc)
    {
        var m = doc.Metadata;
        if (m.Expires is { } e) return e;
        if (m.ValidityYears is { } years && StartOf(doc) is { } start) return start.AddYears(years).AddDays(-1);
        return null;
    }

    public static bool IsDraft(PolicyDocument doc) =>
        string.Equals(doc.Metadata.Status, "draft", StringComparison.Ordinal);

    /// <summary>A final text whose start is on or before the date and whose end, if any, is not before it.</summary>
    public static bool InForce(PolicyDocument doc, DateOnly on) =>
        !IsDraft(doc) && StartOf(doc) is { } start && start <= on && (EndOf(doc) is not { } end || on <= end);

    /// <summary>In force on the date (<see cref="InForce(PolicyDocument, DateOnly)"/>) and not yet superseded by a
    /// later final measure of its chain among <paramref name="all"/>.</summary>
    public static bool InForce(PolicyDocument doc, DateOnly on, IReadOnlyList<EditionChain> chains) =>
        InForce(doc, on) && (EditionChains.LinkOf(chains, doc.Id)?.SupersededOn is not { } from || on < from);

    /// <summary>Per jurisdiction, the latest edition in force on the date; with no date, the latest edition
    /// (final texts preferred to drafts). Ordered by jurisdiction.</summary>
    public static IReadOnlyList<PolicyDocument> Latest(IEnumerable<PolicyDocument> docs, DateOnly? on) =>
        docs.Where(d => on is not { } date || InForce(d, date))
            .GroupBy(JurisdictionOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(d => IsDraft(d))
                .ThenByDescending(d => StartOf(d) ?? DateOnly.MinValue)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .First())
            .ToList();

    /// <summary>Documents ordered for display: by jurisdiction, then edition date, then id.</summary>
    public static IReadOnlyList<PolicyDocument> Ordered(IEnumerable<PolicyDocument> docs) =>
        docs.OrderBy(JurisdictionOf, StringComparer.Ordinal)
            .ThenBy(d => StartOf(d) ?? DateOnly.MinValue)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The edition of the same jurisdiction that came before <paramref name="doc"/>: the latest other
    /// document with an earlier start date; null when there is none.</summary>
    public static PolicyDocument? Previous(PolicyDocument doc, IEnumerable<PolicyDocument> all) =>
        StartOf(doc) is not { } start ? null
        : all.Where(d => d.Id != doc.Id && JurisdictionOf(d) == JurisdictionOf(doc) && StartOf(d) is { } s && s < start)
            .OrderByDescending(d => StartOf(d)).ThenBy(d => d.Id, StringComparer.Ordinal)
            .FirstOrDefault();
}
