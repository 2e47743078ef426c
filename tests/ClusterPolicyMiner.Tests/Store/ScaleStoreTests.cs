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

    /// <summary>A store written by an older cpm: its first <paramref name="version"/> migrations, then
    /// <paramref name="rows"/> with $id, $text and $json bound to the document's.</summary>
    private static void OldStore(string db, int version, string rows, RawDocument raw, PolicyDocument doc)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = string.Concat(Migrations.Steps.Take(version)) + $"PRAGMA user_version = {version};\n" + rows;
        cmd.Parameters.AddWithValue("$id", raw.Id);
        cmd.Parameters.AddWithValue("$text", doc.Text);
        cmd.Parameters.AddWithValue("$json", ClusterPolicyMiner.Emit.PolicyJson.Write(doc));
        cmd.ExecuteNonQuery();
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
        OldStore(db, 2, """
                INSERT INTO snapshots VALUES ($id, 3, NULL, X'616263', '2024-01-01T00:00:00Z');
                INSERT INTO documents(id, source, format, encoding, encoding_rule, normalizations, clean_text, model_json)
                    VALUES ($id, 'a.txt', 'txt', 'utf-8', 'bom', '[]', $text, $json);
                INSERT INTO articles(document_id, path, body) VALUES ($id, '第一条', $text);
            """, raw, doc);
        using var store = PolicyStore.Open(db);
        Assert.Equal(Migrations.Steps.Count, store.SchemaVersion);
        Assert.Equal(ClusterPolicyMiner.Emit.PolicyJson.Write(doc), ClusterPolicyMiner.Emit.PolicyJson.Write(store.Load(raw.Id)!));
        Assert.Equal("abc"u8.ToArray(), store.LoadSnapshot(raw.Id));
        Assert.Equal("第一条", Assert.Single(store.Search("一带一路")).Path);
        Assert.Null(store.State(raw.Id)!.Pipeline);
    }

    [Fact]
    public void SearchFindsExactSubstringsThroughTheBigramIndexAndNothingThatOnlySharesItsPairs()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var a = new RawDocument("a.txt", "a"u8.ToArray());
        var b = new RawDocument("b.txt", "b"u8.ToArray());
        store.Save(a, Doc(a, "第一条 集群产业链完整，主导产业突出。"));
        store.Save(b, Doc(b, "第一条 产业集群，链条完整。"));
        // 集群产业 is a substring of a only; b holds every bigram of 产业集群 but 集群产业 not.
        Assert.Equal(a.Id, Assert.Single(store.Search("集群产业")).DocumentId);
        Assert.Equal(b.Id, Assert.Single(store.Search("产业集群")).DocumentId);
        Assert.Equal(2, store.Search("产业").Count);
        Assert.Equal(2, store.Search("集").Count);
        Assert.Empty(store.Search("集群链条"));
        // The index finds both runs in b; the text check finds "集群 链条" nowhere (b has a comma between).
        Assert.Empty(store.Search("集群 链条"));
        Assert.Single(store.Search("集群，链条"));
        Assert.Equal("第一条 集群产业链完整，主导产业突出。", Assert.Single(store.Search("主导产业")).Sentence);
    }

    [Fact]
    public void TheIndexIsGivenTheDistinctUpperCasedBigramsOfEachRunOfLettersAndDigits()
    {
        Assert.Equal("产业 业集 集群 20 02 24 4年 ", SearchIndex.IndexText("产业集群，2024年（A）"));
        Assert.Equal("集群 群集 ", SearchIndex.IndexText("集群集群集"));
        Assert.Equal("AB BÉ ", SearchIndex.IndexText("abé Ab"));
        Assert.Equal("\"产业\" AND \"业集\" AND \"集群\"", SearchIndex.Match("产业集群"));
        // A run of one character has no bigram: the text check settles it.
        Assert.Equal("\"集群\" AND \"20\" AND \"02\" AND \"24\"", SearchIndex.Match("集群 2024 年"));
        Assert.Null(SearchIndex.Match("集"));
        Assert.Null(SearchIndex.Match("集 群"));
        Assert.Null(SearchIndex.Match("，。"));
    }

    [Fact]
    public void SearchIgnoresCaseAsTheTextCheckDoesAndFindsAOneCharacterRunInsideALongerOne()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var a = new RawDocument("a.txt", "a"u8.ToArray());
        store.Save(a, Doc(a, "第一条 推进5G和Wi-Fi应用，年产值达到10亿元。"));
        Assert.Single(store.Search("5g"));
        Assert.Single(store.Search("WI-FI"));
        Assert.Single(store.Search("产值达到10"));
        Assert.Single(store.Search("年产值"));
    }

    [Fact]
    public void EverySubstringOfAStoredTextIsFoundThroughTheIndex()
    {
        // Texts of the corpus (not the seeds' models): 600 substrings of 2 to 12 characters at seeded positions,
        // across CJK, digits, Latin and punctuation. A hit is always checked against the text, so the index can
        // only fail by missing a candidate: every substring the text holds must be found.
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var texts = Directory.GetFiles(TestPaths.Corpus, "*.txt").Where(f => !f.Contains("zh-hant")).Order(StringComparer.Ordinal)
            .Select(f => ClusterPolicyMiner.Normalize.Normalizer.Normalize(File.ReadAllText(f),
                new ClusterPolicyMiner.Normalize.NormalizeOptions { CharactersOnly = true }).Text).ToList();
        var ids = new List<string>();
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            var raw = new RawDocument($"{i}.txt", System.Text.Encoding.UTF8.GetBytes(text));
            store.Save(raw, Models.Document(raw, text, [], PolicyMetadata.Empty, []));
            ids.Add(raw.Id);
        }
        var random = new Random(14);
        var checkedQueries = 0;
        for (var n = 0; n < 600; n++)
        {
            var k = random.Next(texts.Count);
            var length = random.Next(2, 13);
            var query = texts[k].Substring(random.Next(texts[k].Length - length), length);
            var normalised = ClusterPolicyMiner.Normalize.Normalizer.Normalize(query,
                new ClusterPolicyMiner.Normalize.NormalizeOptions { CharactersOnly = true }).Text.Trim();
            if (normalised.Length == 0 || !texts[k].Contains(normalised, StringComparison.OrdinalIgnoreCase)) continue;
            checkedQueries++;
            Assert.Contains(store.Search(query, limit: texts.Count), h => h.DocumentId == ids[k]);
        }
        Assert.True(checkedQueries > 500, $"{checkedQueries} queries checked");
    }

    [Fact]
    public void AStoreOfTheFourthSchemaGetsItsSearchIndexRebuiltFromTheStoredModels()
    {
        using var dir = new TempFolder();
        var db = dir.File("v4.db");
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        var doc = Models.Document(raw, "第一条 支持集群参与一带一路建设。第二条 鼓励数字化转型。",
            [Models.Article(1, "第一条", 0, 17), Models.Article(2, "第二条", 17, 29)], PolicyMetadata.Empty, []);
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            c.CreateFunction("cpm_index_text", (string body) => SearchIndex.IndexText(body));
            using var cmd = c.CreateCommand();
            // As schema 4 wrote it: article rows in SearchUnits order, the index with positions and phrase bigrams.
            cmd.CommandText = string.Concat(Migrations.Steps.Take(4)) + """
                PRAGMA user_version = 4;
                INSERT INTO snapshots(id, size, http_charset, bytes, stored_at, compressed) VALUES ($id, 3, NULL, X'616263', '2024-01-01T00:00:00Z', 0);
                INSERT INTO documents(id, source, format, encoding, encoding_rule, normalizations, model_json, model, pipeline, failed)
                    VALUES ($id, 'a.txt', 'txt', 'utf-8', 'bom', '[]', '', $model, 'old', 0);
                INSERT INTO article_rows(doc, path) VALUES (1, '第一条');
                INSERT INTO articles(rowid, body) VALUES (last_insert_rowid(), '支持 持集 集群');
                INSERT INTO article_rows(doc, path) VALUES (1, '第二条');
                INSERT INTO articles(rowid, body) VALUES (last_insert_rowid(), '鼓励 励数 数字');
                """;
            cmd.Parameters.AddWithValue("$id", raw.Id);
            cmd.Parameters.AddWithValue("$model", Compression.PackText(ClusterPolicyMiner.Emit.PolicyJson.Write(doc)));
            cmd.ExecuteNonQuery();
        }
        using var store = PolicyStore.Open(db);
        Assert.Equal(Migrations.Steps.Count, store.SchemaVersion);
        Assert.Equal("第一条", Assert.Single(store.Search("一带一路")).Path);
        Assert.Equal("第二条", Assert.Single(store.Search("数字化转型")).Path);
        Assert.Empty(store.Search("集群数字"));
        Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM articles WHERE articles MATCH '\"集群\" OR \"转型\"'"));
    }

    [Fact]
    public void AStoreOfTheThirdSchemaKeepsItsPartsSignaturesAndSearchAfterMigrating()
    {
        using var dir = new TempFolder();
        var db = dir.File("v3.db");
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        var doc = Doc(raw, "第一条 支持集群参与一带一路建设。") with
        {
            Diagnostics = [new Diagnostic(DiagnosticCode.NoBodyText, raw.Id, null, "short")],
        };
        OldStore(db, 3, """
                INSERT INTO snapshots(id, size, http_charset, bytes, stored_at, compressed) VALUES ($id, 3, NULL, X'616263', '2024-01-01T00:00:00Z', 0);
                INSERT INTO documents(id, source, format, encoding, encoding_rule, normalizations, model_json, pipeline)
                    VALUES ($id, 'a.txt', 'txt', 'utf-8', 'bom', '[]', $json, 'old');
                INSERT INTO diagnostics VALUES ($id, 0, 'NoBodyText', NULL, 'short');
                INSERT INTO outline_nodes VALUES ($id, 0, NULL, 'article', 1, NULL, '第一条', 0, 10);
                INSERT INTO signatures VALUES ($id, 0, 10, X'0100000000000000');
                INSERT INTO article_rows(document_id, path, body) VALUES ($id, '第一条', $text);
            """, raw, doc);
        using var store = PolicyStore.Open(db);
        Assert.Equal(Migrations.Steps.Count, store.SchemaVersion);
        Assert.Equal(ClusterPolicyMiner.Emit.PolicyJson.Write(doc), ClusterPolicyMiner.Emit.PolicyJson.Write(store.Load(raw.Id)!));
        Assert.Equal("第一条", Assert.Single(store.Search("一带一路")).Path);
        Assert.Equal("old", store.State(raw.Id)!.Pipeline);
        Assert.Equal(1, store.CountDiagnostics(raw.Id, "NoBodyText"));
        Assert.Equal([1UL], Assert.Single(store.Signatures()).MinHash);
        Assert.Equal(1, Scalar(db, "SELECT COUNT(*) FROM outline_nodes"));
    }

    [Fact]
    public void TheModelIsTheLastColumnOfADocumentSoReadingItsStateReadsNoModel()
    {
        using var dir = new TempFolder();
        var db = dir.File("a.db");
        using (PolicyStore.Open(db)) { }
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM pragma_table_info('documents') ORDER BY cid DESC LIMIT 2";
        using var r = cmd.ExecuteReader();
        var last = new List<string>();
        while (r.Read()) last.Add(r.GetString(0));
        Assert.Equal(["model", "model_json"], last);
    }
}
