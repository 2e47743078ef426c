using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;
using Microsoft.Data.Sqlite;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Emit;

public sealed class RuleSummaryTests
{
    /// <summary>Qinghai with two supplementary-plane characters before its text: its spans in code points are
    /// two less than in UTF-16, so a summary that kept UTF-16 offsets would give other citations.</summary>
    private static PolicyDocument Astral()
    {
        static Threshold Shift(Threshold t) => t with { Source = t.Source with { Start = t.Source.Start + 4, End = t.Source.End + 4 } };
        return Qinghai with
        {
            Text = "𠀀𬶨" + Qinghai.Text,
            Outline = [],
            Thresholds = [.. Qinghai.Thresholds.Select(Shift)],
            Procedural = [.. Qinghai.Procedural.Select(Shift)],
        };
    }

    [Fact]
    public void RuleFilesFromSummariesAreTheRuleFilesFromTheModels()
    {
        IReadOnlyList<PolicyDocument> docs = [.. All, Astral() with { Id = new string('e', 64) }];
        var fromModels = RuleFileWriter.Write(docs);
        var described = docs.Select(DocumentHeader.MetadataOf).ToList();
        var byId = docs.ToDictionary(d => d.Id);
        var fromSummaries = RuleFileWriter.Write(described, d => RuleSummary.Read(RuleSummary.Write(byId[d.Id]))).ToList();
        Assert.Equal(fromModels.Select(f => f.RelativePath).Order(StringComparer.Ordinal),
            fromSummaries.Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        foreach (var f in fromSummaries)
            Assert.Equal(fromModels.Single(m => m.RelativePath == f.RelativePath).Content, f.Content);
        Assert.Contains(fromSummaries, f => f.Content.Contains("\"start\": ", StringComparison.Ordinal));
    }

    [Fact]
    public void ASummaryHoldsNoTextAndItsSpansCountCodePoints()
    {
        var doc = Astral();
        var s = RuleSummary.Read(RuleSummary.Write(doc));
        Assert.Equal("", s.Text);
        Assert.Empty(s.Outline);
        Assert.Equal(doc.Metadata, s.Metadata with { Cites = doc.Metadata.Cites });
        Assert.Equal(doc.Metadata.Cites, s.Metadata.Cites);
        Assert.Equal(doc.Thresholds.Select(t => t.Source.Start - 2), s.Thresholds.Select(t => t.Source.Start));
    }

    [Fact]
    public void TheStoreKeepsASummaryPerDocumentAndTheLastMigrationFillsItForAnOlderStore()
    {
        using var dir = new TempFolder();
        var db = dir.File("a.db");
        var raw = new RawDocument("qinghai.txt", "青海"u8.ToArray());
        var doc = Astral() with { Id = raw.Id, Source = raw.Source };
        var expected = RuleSummary.Write(doc);
        using (var store = PolicyStore.Open(db))
        {
            store.Save(raw, doc);
            Assert.Equal(expected, RuleSummary.Write(store.SummaryOf(raw.Id)!));
            Assert.Equal(doc.Metadata.Programme, Assert.Single(store.Metadata([raw.Id])).Metadata.Programme);
        }
        // The store as the schema before the summaries left it: no table, one version less.
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            var before = Migrations.Steps.ToList().FindIndex(step => step.Contains("CREATE TABLE rule_summaries", StringComparison.Ordinal));
            Assert.True(before > 0);
            cmd.CommandText = $"DROP TABLE rule_summaries; PRAGMA user_version = {before};";
            cmd.ExecuteNonQuery();
        }
        using (var store = PolicyStore.Open(db))
        {
            Assert.Equal(Migrations.Steps.Count, store.SchemaVersion);
            Assert.Equal(expected, RuleSummary.Write(store.SummaryOf(raw.Id)!));
            var described = store.Metadata([raw.Id]);
            Assert.Equal(doc.Metadata.Cites, Assert.Single(described).Metadata.Cites);
            // Replacing the model replaces its summary.
            var changed = doc with { Metadata = doc.Metadata with { Title = "新标题" } };
            store.Replace(changed);
            Assert.Equal("新标题", store.SummaryOf(raw.Id)!.Metadata.Title);
        }
    }
}
