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

    /// <summary>Whether each stored document failed, by id: the identity alone, for a caller that takes the
    /// metadata from elsewhere (a run's outputs read it from each model).</summary>
    public IReadOnlyDictionary<string, bool> FailedById()
    {
        using var cmd = Command();
        cmd.CommandText = "SELECT id, failed FROM documents";
        using var r = cmd.ExecuteReader();
        var failed = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (r.Read()) failed[r.GetString(0)] = !r.IsDBNull(1) && r.GetInt64(1) != 0;
        return failed;
    }

    /// <summary>The identity and whole metadata of the documents, ordered by id (its programme, citations and
    /// validity are in its model only), read from their rule summaries: no model is decompressed or parsed.</summary>
    public IReadOnlyList<PolicyDocument> Metadata(IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var list = new List<PolicyDocument>(wanted.Count);
        using var cmd = Command();
        // In the file's key order (by id it would be a random page per document), sorted by id here.
        cmd.CommandText = "SELECT d.id, s.summary FROM rule_summaries s JOIN documents d ON d.doc = s.doc ORDER BY s.doc";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!wanted.Contains(r.GetString(0))) continue;
            list.Add(Emit.PolicyJson.ReadMetadata(MetadataPart(Compression.Unpack((byte[])r.GetValue(1)))));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }

    private static readonly byte[] TextKey = ",\"text\":"u8.ToArray();

    /// <summary>The part of a summary's JSON before its text (identity and metadata, in the contract's order), closed
    /// as an object: its requirements are not parsed. In unindented JSON a quote inside a value is escaped, so the
    /// first <c>,"text":</c> is the document's own key; the whole summary is given when there is none.</summary>
    private static ReadOnlyMemory<byte> MetadataPart(byte[] json)
    {
        var at = json.AsSpan().IndexOf(TextKey);
        if (at < 0) return json;
        json[at] = (byte)'}';
        return json.AsMemory(0, at + 1);
    }

    /// <summary>The rule summary of a document (<see cref="Emit.RuleSummary"/>: its identity, metadata and
    /// requirements, spans in code points, no text), or null when it is not stored.</summary>
    public PolicyDocument? SummaryOf(string id) =>
        Value("SELECT s.summary FROM documents d JOIN rule_summaries s ON s.doc = d.doc WHERE d.id = $id", null, ("$id", id))
            is byte[] packed ? Emit.RuleSummary.Read(Compression.UnpackText(packed)) : null;

    /// <summary>The stored documents as a corpus view: every header, and each model loaded when asked for.</summary>
    public CorpusView Corpus() => new(Headers(), h => Load(h.Id)) { Summaries = h => SummaryOf(h.Id) };

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Day(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
