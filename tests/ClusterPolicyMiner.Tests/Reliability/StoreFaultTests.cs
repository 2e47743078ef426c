using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Tests.Reliability;

/// <summary>SQLite and file-system faults are one line naming the path and the cause, never a stack trace.</summary>
public class StoreFaultTests
{
    private static Task<(int Code, string Out, string Err)> Cpm(params string[] args) => CpmRunner.Run(args);

    [Theory]
    [InlineData("list")]
    [InlineData("search", "集群")]
    [InlineData("compare")]
    [InlineData("rules")]
    [InlineData("ingest", "NOTICE")]
    public async Task AFileThatIsNotAStoreIsOneLineNamingItWithExitCode3(params string[] args)
    {
        using var dir = new TempFolder();
        var db = dir.File("notes.db");
        File.WriteAllText(db, "this is not an SQLite file, and it is long enough to have a header of sorts\n");
        var notice = dir.File("n.txt");
        File.WriteAllText(notice, "第一条 为促进中小企业发展，制定本办法。\n");
        var before = File.ReadAllBytes(db);
        var line = args.Select(a => a == "NOTICE" ? notice : a).Concat(["--db", db]).ToList();
        if (args[0] == "rules") line.AddRange(["--out-dir", dir.File("out")]);
        var (code, _, err) = await Cpm([.. line]);
        Assert.Equal(ExitCodes.Fault, code);
        Assert.Equal($"cpm: {db}: not a cpm store (the file is not an SQLite database)", err.Trim());
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public async Task ReadOnlyCommandsNeitherCreateNorChangeTheStore()
    {
        using var dir = new TempFolder();
        var db = dir.File("s.db");
        Assert.Equal(0, (await Cpm("list", "--db", db)).Code);
        Assert.Equal(0, (await Cpm("search", "集群", "--db", db)).Code);
        Assert.False(File.Exists(db));

        var notice = dir.File("n.txt");
        File.WriteAllText(notice, "第一条 为促进中小企业发展，制定本办法。\n");
        Assert.Equal(0, (await Cpm("ingest", notice, "--db", db)).Code);
        var before = File.ReadAllBytes(db);
        var listed = await Cpm("list", "--db", db);
        Assert.Contains("n.txt", listed.Out);
        await Cpm("search", "中小企业", "--db", db);
        await Cpm("compare", "--db", db);
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public void AReadOnlyOpenRefusesToWrite()
    {
        using var dir = new TempFolder();
        var db = dir.File("s.db");
        PolicyStore.Open(db).Dispose();
        using var store = PolicyStore.Open(db, readOnly: true);
        var raw = new RawDocument("a.txt", "abc"u8.ToArray());
        Assert.Throws<SqliteException>(() => store.Save(raw, Models.Document(raw, "第一条 甲。")));
    }

    [Fact]
    public void ManyConnectionsCreatingOneFreshStoreAtOnceAllSucceed()
    {
        for (var round = 0; round < 10; round++)
        {
            using var dir = new TempFolder();
            var db = dir.File("fresh.db");
            var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            using var start = new Barrier(6);
            var threads = Enumerable.Range(0, 6).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    using var s = PolicyStore.Open(db);
                    Assert.Equal(Migrations.Steps.Count, s.SchemaVersion);
                }
                catch (Exception e)
                {
                    errors.Add(e);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void WhenTheDiskFillsUpTheResultsSayExactlyWhichDocumentsWereStored()
    {
        using var dir = new TempFolder();
        var db = dir.File("s.db");
        var batch = Enumerable.Range(1, 12).Select(i => new RawDocument($"n{i:00}.txt",
            System.Text.Encoding.UTF8.GetBytes($"第一条 第{i}号通知。\n" + string.Concat(Enumerable.Repeat($"第二条 集群主导产业产值不低于{i}0亿元，其中中小企业产值占比不低于{i}%。\n", 40 * i))))).ToList();
        IReadOnlyList<IngestResult> results;
        using (var store = PolicyStore.Open(db))
        {
            store.LimitPages(60);
            results = new Ingestor(new DocumentPipeline(new()), store).Ingest(batch).Results;
        }
        var stored = results.Where(r => r.Status == IngestResult.New).Select(r => r.Source).ToList();
        var failed = results.Where(r => r.Status == IngestResult.Failed).ToList();
        Assert.NotEmpty(stored);
        Assert.NotEmpty(failed);
        Assert.All(failed, f => Assert.Equal("not stored: the disk is full (SQLite: database or disk is full)", f.Error));

        using var reopened = PolicyStore.Open(db, readOnly: true);
        Assert.Equal(stored.Order(), reopened.List().Select(d => d.Source).Order());
        using var check = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var cmd = check.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", cmd.ExecuteScalar());
    }
}
