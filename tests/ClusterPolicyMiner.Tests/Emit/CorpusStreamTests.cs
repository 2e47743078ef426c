using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using static ClusterPolicyMiner.Tests.Compare.CorpusFixture;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>The corpus outputs streamed from a view: the same files as from the models in memory, each once,
/// with each model loaded a bounded number of times and the report bounded by what its matrix shows.</summary>
public sealed class CorpusStreamTests
{
    [Fact]
    public void TheStreamGivesTheFilesOfTheInMemoryBuildEachOnce()
    {
        var (view, _) = Counting(Docs);
        var streamed = CorpusOutputs.Stream(view, []).ToList();
        Assert.Equal(streamed.Count, streamed.Select(f => f.RelativePath).Distinct(StringComparer.Ordinal).Count());
        var built = CorpusOutputs.Build(Docs, []);
        Assert.Equal(built.Select(f => (f.RelativePath, f.Content)),
            streamed.OrderBy(f => f.RelativePath, StringComparer.Ordinal).Select(f => (f.RelativePath, f.Content)));
    }

    [Fact]
    public void TheFirstFileComesAfterOneModelIsLoadedAndNoModelIsLoadedMoreThanThrice()
    {
        var (view, loads) = Counting(Docs);
        using (var e = CorpusOutputs.Stream(view, []).GetEnumerator())
        {
            Assert.True(e.MoveNext());
            Assert.Equal(1, loads.Values.Sum());
            while (e.MoveNext()) { }
        }
        // Once for its own files, once for its rule file, once more at most for the report (which caches).
        Assert.All(Docs, d => Assert.InRange(loads[d.Id], 2, 3));
    }

    [Fact]
    public void TheReportDiffsOnlyTheShownDocuments()
    {
        // A measure between the two 青海省 editions: diffed by cpm diff, but not shown and so not in the report.
        var between = Qinghai2024 with
        {
            Id = new string('d', 64), Source = "corpus/qinghai-2023-12.txt",
            Metadata = Qinghai2024.Metadata with { Effective = new DateOnly(2023, 12, 1), Issued = new DateOnly(2023, 12, 1) },
        };
        var docs = Docs.Append(between).ToList();
        var finals = docs.Where(d => !Editions.IsDraft(d)).ToList();
        var report = CorpusOutputs.Report(finals, d => docs.Single(x => x.Id == d.Id));
        var shown = report.Matrix.Columns.Select(c => c.DocumentId).ToHashSet();
        // Each shown document against its previous edition, in jurisdiction order: 陕西省 2025 after 2023,
        // 青海省 2024 after 2023-12 (not 2023-12 after 2023).
        Assert.Equal([(Shaanxi.Id, Shaanxi2025.Id), (between.Id, Qinghai2024.Id)], report.EditionDiffs.Select(d => (d.BeforeId, d.AfterId)));
        Assert.Equal(3, CorpusOutputs.EditionPairs(finals).Count());
        // Each shown measure against the template (the national measures); the 2023-12 measure is not shown.
        Assert.Equal(new[] { Qinghai2024.Id, Shaanxi2025.Id }.Order(StringComparer.Ordinal),
            report.TemplateDiffs.Select(t => t.DocumentId).Order(StringComparer.Ordinal));
        Assert.All(report.TemplateDiffs, t => Assert.Equal(National.Id, t.TemplateId));
        Assert.Contains(CorpusOutputs.TemplatePairs(finals), p => p.Doc.Id == between.Id);
        Assert.All(report.EditionDiffs.Select(d => d.AfterId).Concat(report.TemplateDiffs.Select(t => t.DocumentId)), id => Assert.Contains(id, shown));
    }
}
