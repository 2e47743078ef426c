using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Everything <c>cpm run</c> writes into <c>extracted/</c>, as files relative to it: per-document
/// clean text and model, rule files, and the comparison report with its diffs. Same models in, same bytes out.</summary>
public static class CorpusOutputs
{
    public static IReadOnlyList<EmittedFile> Build(IReadOnlyList<PolicyDocument> docs, IReadOnlyList<DuplicateGroup> groups)
    {
        var ok = docs.Where(d => !d.Diagnostics.Any(x => x.IsError)).ToList();
        var files = new List<EmittedFile>(ExtractedTree.PerDocument(ok).Select(kv => new EmittedFile(kv.Key, kv.Value)));

        // Reposts of one notice count once in the comparison: only the canonical member of each group.
        var hidden = groups.SelectMany(g => g.MemberIds.Where(m => m != g.CanonicalId)).ToHashSet(StringComparer.Ordinal);
        var distinct = ok.Where(d => !hidden.Contains(d.Id)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

        files.AddRange(RuleFileWriter.Write(distinct));
        // The report compares final texts against the national baseline: drafts have rule files but no place in it.
        var finals = distinct.Where(d => !Editions.IsDraft(d)).ToList();
        var report = new ComparisonReport(
            "中小企业特色产业集群认定标准比较",
            ComparisonMatrix.Build(finals, new MatrixOptions()),
            EditionPairs(finals).Select(p => EditionDiff.Compare(p.Older, p.Newer)).ToList(),
            TemplatePairs(finals).Select(p => TemplateDiff.Compare(p.Doc, p.Template)).ToList(),
            finals);
        files.AddRange(ReportWriter.Write(report));
        files.Add(new EmittedFile("duplicates.tsv", DuplicateTable(groups, ok)));
        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>Editions of one jurisdiction, each against the one before it (a draft and its final text,
    /// one year's notice and the next).</summary>
    public static IEnumerable<(PolicyDocument Older, PolicyDocument Newer)> EditionPairs(IReadOnlyList<PolicyDocument> docs) =>
        Editions.Ordered(docs)
            .GroupBy(Editions.JurisdictionOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Zip(g.Skip(1)));

    /// <summary>Each measure (办法, 细则) against its template: the national measures when the corpus has
    /// them, otherwise the earliest measure by date, so that provinces are compared clause by clause.</summary>
    public static IEnumerable<(PolicyDocument Doc, PolicyDocument Template)> TemplatePairs(IReadOnlyList<PolicyDocument> docs)
    {
        var measures = docs.Where(IsMeasure)
            .OrderBy(d => Editions.StartOf(d) ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var template = measures.FirstOrDefault(d => d.Metadata.Jurisdiction == ComparisonMatrix.NationalJurisdiction)
                       ?? measures.FirstOrDefault();
        if (template is null) yield break;
        foreach (var d in measures.Where(d => d.Id != template.Id))
            yield return (d, template);
    }

    private static bool IsMeasure(PolicyDocument d) =>
        d.Metadata.Kind == "measures";

    private static string DuplicateTable(IReadOnlyList<DuplicateGroup> groups, IReadOnlyList<PolicyDocument> docs)
    {
        // The same bytes at two paths are one document: the first source names it.
        var source = docs.DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => d.Source, StringComparer.Ordinal);
        var lines = new List<string> { "group\tcanonical\tsource\tsimilarity" };
        var n = 0;
        foreach (var g in groups)
        {
            n++;
            foreach (var m in g.MemberIds.Order(StringComparer.Ordinal))
                lines.Add($"{n}\t{(m == g.CanonicalId ? "yes" : "no")}\t{source.GetValueOrDefault(m, m)}\t{g.MinSimilarity.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return string.Join("\n", lines) + "\n";
    }
}
