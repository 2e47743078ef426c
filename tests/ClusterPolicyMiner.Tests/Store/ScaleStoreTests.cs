using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Tests.Store;

public class ScaleStoreTests
{
    private static PolicyDocument Doc(RawDocument raw, string text) =>
        Models.Document(raw, text, [Models.Article(1, "第一条", 0, text.Length)], PolicyMetadata.Empty with { Jurisdiction = "陕西省" }, []);

    private static long Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    [Fact]
    public void ReplacingADocumentTakesItsOldArticlesOutOfTheSearchIndex()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        store.Save(raw, Doc(raw, "第一条 支持集群参与一带一路建设。"));
        Assert.Single(store.Search("一带一路"));
        store.Replace(Doc(raw, "第一条 支持集群开展数字化转型。"));
        Assert.Empty(store.Search("一带一路"));
        Assert.Single(store.Search("数字化转型"));
        Assert.Single(store.Search("数字"));
    }

    [Fact]
    public void RawBytesAreStoredCompressedAndReadBackExactly()
    {
        using var dir = new TempFolder();
        var db = dir.File("a.db");
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("第一条 为促进中小企业特色产业集群发展。\n", 400)));
        var raw = new RawDocument("a.txt", bytes);
        using (var store = PolicyStore.Open(db))
        {
            store.Save(raw, Doc(raw, "第一条 为促进中小企业特色产业集群发展。"));
            Assert.Equal(bytes, store.LoadSnapshot(raw.Id));
        }
        Assert.True(Scalar(db, "SELECT length(bytes) FROM snapshots") < bytes.Length / 10);
        Assert.Equal(bytes.Length, Scalar(db, "SELECT size FROM snapshots"));
    }

    [Fact]
    public void AStoreOfTheSecondSchemaKeepsItsModelsAndSearchAfterMigrating()
    {
        using var dir = new TempFolder();
        var db = dir.File("old.db");
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        var doc = Doc(raw, "第一条 支持集群参与一带一路建设。");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = Migrations.Steps[0] + Migrations.Steps[1] + """
                PRAGMA user_version = 2;
                INSERT INTO snapshots VALUES ($id, 3, NULL, X'616263', '2024-01-01T00:00:00Z');
                INSERT INTO documents(id, source, format, encoding, encoding_rule, normalizations, clean_text, model_json)
                    VALUES ($id, 'a.txt', 'txt', 'utf-8', 'bom', '[]', $text, $json);
                INSERT INTO articles(document_id, path, body) VALUES ($id, '第一条', $text);
                """;
            cmd.Parameters.AddWithValue("$id", raw.Id);
            cmd.Parameters.AddWithValue("$text", doc.Text);
            cmd.Parameters.AddWithValue("$json", ClusterPolicyMiner.Emit.PolicyJson.Write(doc));
            cmd.ExecuteNonQuery();
        }
        using var store = PolicyStore.Open(db);
        Assert.Equal(3, store.SchemaVersion);
        Assert.Equal(ClusterPolicyMiner.Emit.PolicyJson.Write(doc), ClusterPolicyMiner.Emit.PolicyJson.Write(store.Load(raw.Id)!));
        Assert.Equal("abc"u8.ToArray(), store.LoadSnapshot(raw.Id));
        Assert.Equal("第一条", Assert.Single(store.Search("一带一路")).Path);
        Assert.Null(store.State(raw.Id)!.Pipeline);
    }
}
