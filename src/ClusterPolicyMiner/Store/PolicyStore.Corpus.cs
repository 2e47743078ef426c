using System.Globalization;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Store;

public sealed partial class PolicyStore
{
    /// <summary>The header of every stored document (id, source, the metadata of the <c>documents</c> columns,
    /// failed), ordered by id, read without decompressing any model.</summary>
    public IReadOnlyList<DocumentHeader> Headers()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = """
            SELECT id, source, jurisdiction, issuer, title, doc_number, kind, status,
                   issued, published, effective, expires, edition_year, failed
            FROM documents ORDER BY id
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentHeader>();
        while (r.Read())
        {
            var m = new PolicyMetadata(Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
                Day(r, 8), Day(r, 9), Day(r, 10), Day(r, 11), null, r.IsDBNull(12) ? null : r.GetInt32(12), []);
            list.Add(new DocumentHeader(r.GetString(0), r.GetString(1), m, !r.IsDBNull(13) && r.GetInt64(13) != 0));
        }
        return list;
    }

    /// <summary>The stored documents as a corpus view: every header, and each model loaded when asked for.</summary>
    public CorpusView Corpus() => new(Headers(), h => Load(h.Id));

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Day(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
