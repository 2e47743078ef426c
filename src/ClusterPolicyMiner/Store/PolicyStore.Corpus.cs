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
        using var cmd = Command();
        cmd.CommandText = """
            SELECT id, source, jurisdiction, issuer, title, doc_number, kind, status,
                   issued, published, effective, expires, edition_year, failed
            FROM documents ORDER BY doc
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentHeader>();
        // Jurisdictions, issuers, kinds and statuses repeat across a corpus: one string each.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(int i) => Text(r, i) is { } v ? shared.TryGetValue(v, out var one) ? one : shared[v] = v : null;
        while (r.Read())
        {
            var m = new PolicyMetadata(Shared(2), Shared(3), Text(r, 4), Text(r, 5), Shared(6), Shared(7),
                Day(r, 8), Day(r, 9), Day(r, 10), Day(r, 11), null, r.IsDBNull(12) ? null : r.GetInt32(12), []);
            list.Add(new DocumentHeader(r.GetString(0), r.GetString(1), m, !r.IsDBNull(13) && r.GetInt64(13) != 0));
        }
        // Read in key order, the file's (by id it was a random page per document), sorted by id here.
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }

    /// <summary>The identity and whole metadata of the documents, ordered by id (its programme, citations and validity are in
    /// its model only), read from each model without its text, outline or requirements. The models are
    /// decompressed one at a time and never all held.</summary>
    public IReadOnlyList<PolicyDocument> Metadata(IEnumerable<string> ids)
    {
        var list = new List<PolicyDocument>();
        using var cmd = Command();
        cmd.CommandText = "SELECT model FROM documents WHERE id = $id";
        var id = cmd.Parameters.Add("$id", SqliteType.Text);
        foreach (var wanted in ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            id.Value = wanted;
            byte[]? packed = null;
            using (var r = cmd.ExecuteReader())
            {
                if (!r.Read()) continue;
                if (!r.IsDBNull(0)) packed = (byte[])r.GetValue(0);
            }
            // A model kept the older way is read whole.
            if (packed is not null) list.Add(Emit.PolicyJson.ReadMetadata(Compression.Unpack(packed)));
            else if (Load(wanted) is { } d) list.Add(DocumentHeader.MetadataOf(d));
        }
        return list;
    }

    /// <summary>The stored documents as a corpus view: every header, and each model loaded when asked for.</summary>
    public CorpusView Corpus() => new(Headers(), h => Load(h.Id));

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Day(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
