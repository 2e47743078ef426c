using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Tests.Store;

public class PolicyStoreTests
{
    private const string Text = "第一条 为促进中小企业发展，支持集群积极参与“一带一路”建设。\n第二条 集群有效期为三年。";

    private static PolicyDocument Sample(RawDocument raw) => Models.Document(raw, Text,
        [Models.Article(1, "第一条", 0, Text.IndexOf('\n')), Models.Article(2, "第二条", Text.IndexOf('\n') + 1, Text.Length)],
        PolicyMetadata.Empty with { Jurisdiction = "陕西省", Title = "办法", Issued = new DateOnly(2023, 4, 28) },
        [new Threshold("cluster_validity_years", "集群有效期", "=", 3, "years", "", [], null,
            new SourceRef("第二条", "集群有效期为三年", Text.IndexOf("集群有效期"), Text.IndexOf("集群有效期") + 8))]);

    [Fact]
    public void ANewStoreRunsEveryMigration()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        Assert.Equal(Migrations.Steps.Count, store.SchemaVersion);
    }

    [Fact]
    public void TheSameBytesTwiceAreUnchangedAndKeepBothSources()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        Assert.Equal(SaveStatus.New, store.Save(raw, Sample(raw)));
        var again = new RawDocument("copy/a.txt", "abc"u8.ToArray());
        Assert.Equal(SaveStatus.Unchanged, store.Save(again, Sample(again)));
        Assert.Single(store.List());
        Assert.Equal(["a.txt", "copy/a.txt"], store.SourcesOf(raw.Id));
        Assert.Equal("abc"u8.ToArray(), store.LoadSnapshot(raw.Id));
    }

    [Fact]
    public void AStoredModelReadsBackEqualToWhatWasSaved()
    {
        using var dir = new TempFolder();
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        var doc = Sample(raw);
        using (var store = PolicyStore.Open(dir.File("a.db"))) store.Save(raw, doc);
        using var reopened = PolicyStore.Open(dir.File("a.db"));
        var loaded = reopened.Load(reopened.Resolve(raw.Id[..8])!)!;
        Assert.Equal(ClusterPolicyMiner.Emit.PolicyJson.Write(doc), ClusterPolicyMiner.Emit.PolicyJson.Write(loaded));
        Assert.Equal(3m, loaded.Procedural.Concat(loaded.Thresholds).Single().Value);
    }

    [Fact]
    public void AFailedSaveLeavesNothingHalfWritten()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        // A model whose id is not its snapshot's breaks the foreign key half-way through the transaction.
        var wrong = Sample(raw) with { Id = new string('0', 64) };
        Assert.Throws<SqliteException>(() => store.Save(raw, wrong));
        Assert.False(store.HasSnapshot(raw.Id));
        Assert.Empty(store.List());
    }

    [Fact]
    public void SearchFindsTheArticleAndQuotesTheMatchingSentence()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        store.Save(raw, Sample(raw));
        var hit = Assert.Single(store.Search("一带一路"));
        Assert.Equal("第一条", hit.Path);
        Assert.Equal("陕西省", hit.Jurisdiction);
        Assert.Equal("为促进中小企业发展，支持集群积极参与“一带一路”建设。", hit.Sentence.Replace("第一条 ", ""));
        Assert.Empty(store.Search("量子计算"));
        // Two characters are below the trigram tokenizer's reach and take the substring path.
        Assert.Equal("第二条", Assert.Single(store.Search("三年")).Path);
    }
}
