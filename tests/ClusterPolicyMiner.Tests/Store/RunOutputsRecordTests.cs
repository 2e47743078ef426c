using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Tests.Store;

public class RunOutputsRecordTests
{
    [Fact]
    public void TheRecordIsTextHoldingTheFilesAsTheSerializerWritesThemOrderedByPath()
    {
        using var dir = new TempFolder();
        var files = new Dictionary<string, long>
        {
            ["rules/青海省/2024-03-01-notice.yaml"] = 2048, ["a.json"] = 0, ["B \"q\".txt"] = 7,
            ["report.html"] = 1234567890123, ["rules/coverage.tsv"] = 51,
        };
        using (var store = PolicyStore.Open(dir.File("a.db")))
        {
            store.SaveRunOutputs("/out", "fp1", files);
            var (fingerprint, read) = store.RunOutputs("/out")!.Value;
            Assert.Equal("fp1", fingerprint);
            Assert.Equal(files.OrderBy(kv => kv.Key, StringComparer.Ordinal), read.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
        using var db = new SqliteConnection($"Data Source={dir.File("a.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT typeof(files), files FROM run_outputs";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("text", r.GetString(0));
        var expected = System.Text.Json.JsonSerializer.Serialize(files.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary());
        Assert.Equal(expected, r.GetString(1));
    }
}
