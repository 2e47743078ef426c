using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>What a document is in its chain: a measure (办法, 细则, 标准 …) that sets rules, a notice (申报通知 …)
/// that applies a measure, or a draft, which neither supersedes nor applies anything.</summary>
public enum EditionRole { Measure, Notice, Draft }

/// <summary>One document of a chain. A later final measure supersedes the one before it from its own start
/// date (<see cref="SupersededOn"/>); a notice applies the measures of the corpus it cites.</summary>
public sealed record EditionLink(
    string DocumentId, EditionRole Role, DateOnly? Start, string? Supersedes, string? SupersededBy, DateOnly? SupersededOn,
    IReadOnlyList<string> Applies);

/// <summary>The documents of one jurisdiction and programme ordered by date.</summary>
public sealed record EditionChain(string Jurisdiction, string? Programme, IReadOnlyList<EditionLink> Links)
{
    public EditionLink? Of(string documentId) => Links.FirstOrDefault(l => l.DocumentId == documentId);
}

/// <summary>Builds the edition chains of a set of documents.</summary>
public static class EditionChains
{
    /// <summary>Words of a measure's kind, as titles name it (实施细则) or as DESIGN.md's kinds do (measures).</summary>
    private static readonly string[] MeasureWords = ["办法", "细则", "标准", "规定", "条例", "方案", "指南", "measures", "rules"];

    public static IReadOnlyList<EditionChain> Build(IReadOnlyList<PolicyDocument> docs) =>
        Editions.Ordered(docs.DistinctBy(d => d.Id))
            .GroupBy(d => (Editions.JurisdictionOf(d), d.Metadata.Programme))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Programme ?? "", StringComparer.Ordinal)
            .Select(g => Chain(g.Key.Item1, g.Key.Programme, g.ToList()))
            .ToList();

    /// <summary>Every document's link, by id (the first chain's when an id is in several).</summary>
    public static Dictionary<string, EditionLink> Index(IReadOnlyList<EditionChain> chains)
    {
        var index = new Dictionary<string, EditionLink>(StringComparer.Ordinal);
        foreach (var c in chains)
            foreach (var l in c.Links) index.TryAdd(l.DocumentId, l);
        return index;
    }

    /// <summary>The link of a document among all chains; null when the document is not among them.</summary>
    public static EditionLink? LinkOf(IReadOnlyList<EditionChain> chains, string documentId) =>
        chains.Select(c => c.Of(documentId)).FirstOrDefault(l => l is not null);

    public static EditionRole RoleOf(PolicyDocument d) =>
        Editions.IsDraft(d) ? EditionRole.Draft
        : d.Metadata.Kind is { } k && MeasureWords.Any(k.Contains) ? EditionRole.Measure
        : EditionRole.Notice;

    private static EditionChain Chain(string jurisdiction, string? programme, IReadOnlyList<PolicyDocument> ordered)
    {
        var measures = ordered.Where(d => RoleOf(d) == EditionRole.Measure).ToList();
        var position = new Dictionary<PolicyDocument, int>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < measures.Count; k++) position.TryAdd(measures[k], k);
        var links = ordered.Select(d =>
        {
            var role = RoleOf(d);
            string? supersedes = null, supersededBy = null;
            DateOnly? supersededOn = null;
            if (role == EditionRole.Measure)
            {
                var i = position[d];
                if (i > 0) supersedes = measures[i - 1].Id;
                if (i + 1 < measures.Count)
                {
                    supersededBy = measures[i + 1].Id;
                    supersededOn = Editions.StartOf(measures[i + 1]);
                }
            }
            var applies = role == EditionRole.Notice ? Cited(d, measures) : [];
            return new EditionLink(d.Id, role, Editions.StartOf(d), supersedes, supersededBy, supersededOn, applies);
        }).ToList();
        return new EditionChain(jurisdiction, programme, links);
    }

    /// <summary>The measures of the chain a notice cites, by document number or by exact title.</summary>
    private static IReadOnlyList<string> Cited(PolicyDocument notice, IReadOnlyList<PolicyDocument> measures) =>
        measures.Where(m => notice.Metadata.Cites.Any(c =>
                (c.DocNumber is not null && c.DocNumber == m.Metadata.DocNumber)
                || (m.Metadata.Title is not null && c.Title == m.Metadata.Title)))
            .Select(m => m.Id).ToList();
}
