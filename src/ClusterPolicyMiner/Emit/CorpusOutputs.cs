using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Everything <c>cpm run</c> writes into <c>extracted/</c>, as files relative to it: per-document
/// clean text and model, rule files, and the comparison report with its diffs. Same models in, same bytes out.</summary>
public static class CorpusOutputs
{
    /// <summary>The report's title.</summary>
    public const string ReportTitle = "中小企业特色产业集群认定标准比较";

    /// <summary>The outputs of models in memory, ordered by path.</summary>
    public static IReadOnlyList<EmittedFile> Build(IReadOnlyList<PolicyDocument> docs, IReadOnlyList<DuplicateGroup> groups) =>
        [.. Stream(CorpusView.Of(docs), groups).OrderBy(f => f.RelativePath, StringComparer.Ordinal)];

    /// <summary>The outputs produced one by one, each path once, in no particular order: the models are loaded
    /// through the view once for the per-document files (their kept JSON read instead when the view has it,
    /// <see cref="CorpusView.ModelJson"/>) and a few more times for the report, the rule files are written from
    /// the view's rule summaries (from the models again when it has none), and neither is ever held all at once.
    /// Of the headers only the id, source and failed flag are read: each document's metadata comes from its
    /// model, so a caller may give headers without metadata.</summary>
    public static IEnumerable<EmittedFile> Stream(CorpusView view, IReadOnlyList<DuplicateGroup> groups)
    {
        var ok = view.Headers.Where(h => !h.Failed).ToList();
        // The whole metadata of each document, read from its model with its per-document files.
        var described = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        var sharing = new MetadataSharing();
        var stems = ExtractedTree.Stems(ok, h => h.Source).ToList();
        // Two sources with one file name share its files: the last one's are written.
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Count; i++) last[stems[i].Stem] = i;
        for (var i = 0; i < stems.Count; i++)
        {
            var (header, stem) = (stems[i].Item, stems[i].Stem);
            var (failed, metadata, files) = PerDocument(view, header);
            if (failed) continue;
            if (last[stem] == i)
                foreach (var f in files(stem)) yield return f;
            // Held to the end for every document: the header's id and source strings, not the model's copies.
            if (!described.ContainsKey(header.Id))
                described[header.Id] = DocumentHeader.Stub(header.Id, header.Source, sharing.Of(metadata));
        }
        var headerOf = ok.DistinctBy(h => h.Id).ToDictionary(h => h.Id, StringComparer.Ordinal);
        PolicyDocument Load(PolicyDocument d) => view.Load(headerOf[d.Id]);

        // Reposts of one notice count once in the comparison: only the canonical member of each group.
        var hidden = groups.SelectMany(g => g.MemberIds.Where(m => m != g.CanonicalId)).ToHashSet(StringComparer.Ordinal);
        var distinct = described.Values.Where(d => !hidden.Contains(d.Id)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

        // The rule files from the store's rule summaries when it keeps them: no second load of every model.
        PolicyDocument Summary(PolicyDocument d)
        {
            var h = headerOf[d.Id];
            var s = view.Summaries?.Invoke(h) ?? RuleSummary.Of(view.Load(h));
            return s.Source == h.Source ? s : s with { Source = h.Source };
        }
        foreach (var f in RuleFileWriter.Write(distinct, Summary)) yield return f;
        // The report compares final texts against the national baseline: drafts have rule files but no place in it.
        var finals = distinct.Where(d => !Editions.IsDraft(d)).ToList();
        foreach (var f in ReportWriter.Write(Report(finals, Load))) yield return f;
        yield return new EmittedFile("duplicates.tsv", DuplicateTable(groups, ok));
    }

    /// <summary>Whether a header's model failed, its whole metadata and its per-document files by stem: from the
    /// JSON the view keeps of the model when it has it (the model is neither built nor written again), from the
    /// model otherwise. Both give the same bytes (<see cref="StoredModelJson"/>).</summary>
    private static (bool Failed, PolicyMetadata Metadata, Func<string, IEnumerable<EmittedFile>> Files) PerDocument(
        CorpusView view, DocumentHeader header)
    {
        if (view.ModelJson?.Invoke(header) is { } json && StoredModelJson.Read(json, header.Source) is { } stored)
            return (stored.Failed, stored.Metadata, stem => ExtractedTree.FilesOf(stem, stored.Text, () => stored.Json));
        var doc = view.Load(header);
        return (doc.Diagnostics.Any(d => d.IsError), doc.Metadata, stem => ExtractedTree.FilesOf(doc, stem));
    }

    /// <summary>The report of the final texts (their metadata; <paramref name="load"/> gives the models): the
    /// matrix, and the diffs of what it shows, each shown document against its previous edition and each shown
    /// measure against the template. Its size follows the jurisdictions, not the corpus; <c>cpm diff A B</c>
    /// gives any other pair.</summary>
    public static ComparisonReport Report(IReadOnlyList<PolicyDocument> finals, Func<PolicyDocument, PolicyDocument> load)
    {
        var options = new MatrixOptions();
        var headers = finals.Select(d => new DocumentHeader(d.Id, d.Source, d.Metadata, false)).ToList();
        var models = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        var byId = finals.ToDictionary(d => d.Id, StringComparer.Ordinal);
        PolicyDocument Model(PolicyDocument d)
        {
            if (!models.TryGetValue(d.Id, out var m)) models[d.Id] = m = load(d);
            return m;
        }
        var view = new CorpusView(headers, h => Model(byId[h.Id]));
        var matrix = ComparisonMatrix.Build(MatrixInputs.Needed(headers, options, view), options);
        var shown = matrix.Columns.Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);

        var editionDiffs = EditionPairs(finals).Where(p => shown.Contains(p.Newer.Id))
            .Select(p => EditionDiff.Compare(Model(p.Older), Model(p.Newer))).ToList();
        var templateDiffs = TemplatePairs(finals).Where(p => shown.Contains(p.Doc.Id))
            .Select(p => TemplateDiff.Compare(Model(p.Doc), Model(p.Template))).ToList();
        var numbers = finals.Select(d => d.Metadata.DocNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new ComparisonReport(ReportTitle, matrix, editionDiffs, templateDiffs, [.. models.Values], numbers);
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

    private static string DuplicateTable(IReadOnlyList<DuplicateGroup> groups, IReadOnlyList<DocumentHeader> docs)
    {
        // The same bytes at two paths are one document: the first source names it.
        var source = docs.DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => d.Source, StringComparer.Ordinal);
        var lines = new System.Text.StringBuilder("group\tcanonical\tsource\tsimilarity\n");
        var n = 0;
        foreach (var g in groups)
        {
            n++;
            foreach (var m in g.MemberIds.Order(StringComparer.Ordinal))
                lines.Append($"{n}\t{(m == g.CanonicalId ? "yes" : "no")}\t{source.GetValueOrDefault(m, m)}\t{g.MinSimilarity.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}\n");
        }
        return lines.ToString();
    }
}
