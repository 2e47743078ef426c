using System.Reflection;
using System.Reflection.PortableExecutable;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Tests.Pipeline;

public class IncrementalIngestTests
{
    private static List<RawDocument> CorpusFiles() =>
        [.. Directory.EnumerateFiles(TestPaths.Corpus).Where(f => f.EndsWith(".txt") || f.EndsWith(".html"))
            .Order(StringComparer.Ordinal).Select(f => new RawDocument("corpus/" + Path.GetFileName(f), File.ReadAllBytes(f)))];

    private static long RowId(string db, string id)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT rowid FROM documents WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return (long)cmd.ExecuteScalar()!;
    }

    private static void SetVersion(string db, string version)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE documents SET pipeline = $v";
        cmd.Parameters.AddWithValue("$v", version);
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void ARerunWithNothingNewLeavesEveryStoredModelUntouchedAndReportsItUnchanged()
    {
        using var dir = new TempFolder();
        var db = dir.File("a.db");
        var batch = CorpusFiles();
        using var store = PolicyStore.Open(db);
        var ingestor = new Ingestor(new DocumentPipeline(new()), store);
        var first = ingestor.Ingest(batch);
        Assert.All(first.Results, r => Assert.Equal(IngestResult.New, r.Status));
        var before = batch.ToDictionary(r => r.Id, r => RowId(db, r.Id));

        var second = ingestor.Ingest(batch);
        Assert.All(second.Results, r => Assert.Equal(IngestResult.Unchanged, r.Status));
        Assert.All(batch, r => Assert.Equal(before[r.Id], RowId(db, r.Id)));
        // The models handed back for the outputs are the stored ones, byte for byte.
        Assert.Equal(first.Documents.Select(d => PolicyJson.Write(d)), second.Documents.Select(d => PolicyJson.Write(d)));
        Assert.Equal(first.Results.Select(r => r.DuplicateOf), second.Results.Select(r => r.DuplicateOf));
    }

    [Fact]
    public void ADocumentMadeByAnotherPipelineVersionIsProcessedAgainAndOnlyThatOne()
    {
        using var dir = new TempFolder();
        var db = dir.File("a.db");
        var batch = CorpusFiles();
        using (var store = PolicyStore.Open(db))
            new Ingestor(new DocumentPipeline(new()), store).Ingest(batch);
        var before = batch.ToDictionary(r => r.Id, r => RowId(db, r.Id));
        SetVersion(db, "0:old");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE documents SET pipeline = $v WHERE id <> $id";
            cmd.Parameters.AddWithValue("$v", PipelineVersion.Current);
            cmd.Parameters.AddWithValue("$id", batch[0].Id);
            cmd.ExecuteNonQuery();
        }

        using (var store = PolicyStore.Open(db))
            new Ingestor(new DocumentPipeline(new()), store).Ingest(batch);
        Assert.NotEqual(before[batch[0].Id], RowId(db, batch[0].Id));
        Assert.All(batch.Skip(1), r => Assert.Equal(before[r.Id], RowId(db, r.Id)));
        Assert.Equal(PipelineVersion.Current, PolicyStore.Open(db).State(batch[0].Id)!.Pipeline);
    }

    /// <summary>The version's build part is the library's module version id, which the deterministic build
    /// derives from everything it compiles: were the commit id or the clone's folder in it, every commit (of docs,
    /// of tests) and every clone would re-process a whole store.</summary>
    [Fact]
    public void TheLibraryBuildCarriesNeitherTheCommitIdNorTheFolderItWasBuiltIn()
    {
        var library = typeof(PipelineVersion).Assembly;
        var informational = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.DoesNotContain('+', informational);
        // The debug directory names the PDB by its mapped path, not by the folder the build ran in.
        using var pe = new PEReader(File.OpenRead(library.Location));
        var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
        Assert.StartsWith("/cpm/src/", pe.ReadCodeViewDebugDirectoryData(codeView).Path);
    }

    [Fact]
    public void DuplicateGroupsFromStoredSignaturesEqualTheGroupsFromTheTexts()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var pipeline = new DocumentPipeline(new());
        new Ingestor(pipeline, store).Ingest(CorpusFiles());
        var fromTexts = pipeline.GroupDuplicates(store.LoadAll());
        Assert.NotEmpty(fromTexts);
        Assert.Equal(Describe(fromTexts), Describe(store.DuplicateGroups()));
    }

    private static IEnumerable<string> Describe(IEnumerable<ClusterPolicyMiner.Clean.DuplicateGroup> groups) =>
        groups.Select(g => $"{g.CanonicalId} {string.Join(",", g.MemberIds.Order(StringComparer.Ordinal))} {g.MinSimilarity:0.000}");

    [Fact]
    public void ABatchProcessedOnFourThreadsGivesTheSameModelsAsOnOne()
    {
        var batch = CorpusFiles();
        var one = new DocumentPipeline(new() { Parallelism = 1 }).ProcessBatch(batch).Select(d => PolicyJson.Write(d)).ToList();
        var four = new DocumentPipeline(new() { Parallelism = 4 }).ProcessBatch(batch).Select(d => PolicyJson.Write(d)).ToList();
        Assert.Equal(batch.Count, one.Count);
        Assert.Equal(one, four);
    }
}
