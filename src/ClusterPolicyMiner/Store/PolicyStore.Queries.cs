using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Store;

public sealed partial class PolicyStore
{
    /// <summary>All documents, ordered by jurisdiction, date and source.</summary>
    public IReadOnlyList<DocumentSummary> List()
    {
        using var cmd = Command();
        cmd.CommandText = """
            SELECT d.id, d.source, d.format, d.jurisdiction, d.title, d.kind, d.issued, d.published,
                   (SELECT COUNT(*) FROM diagnostics x WHERE x.doc = d.doc),
                   (SELECT g.canonical_id FROM duplicate_groups g WHERE g.document_id = d.id AND g.canonical_id <> d.id)
            FROM documents d
            ORDER BY d.jurisdiction IS NULL, d.jurisdiction, COALESCE(d.issued, d.published), d.source, d.id
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentSummary>();
        while (r.Read())
            list.Add(new DocumentSummary(r.GetString(0), r.GetString(1), r.GetString(2), Opt(r, 3), Opt(r, 4),
                Opt(r, 5), Opt(r, 6), Opt(r, 7), r.GetInt32(8), Opt(r, 9)));
        return list;
    }

    /// <summary>Resolves an id or a unique prefix of one (at least 4 characters); null when none or ambiguous.</summary>
    public string? Resolve(string idOrPrefix)
    {
        if (idOrPrefix.Length < 4) return null;
        using var cmd = Command();
        cmd.CommandText = "SELECT id FROM documents WHERE id LIKE $p || '%' ESCAPE '\\' LIMIT 2";
        cmd.Parameters.AddWithValue("$p", idOrPrefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"));
        using var r = cmd.ExecuteReader();
        var ids = new List<string>();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>The stored model of a document, or null.</summary>
    public PolicyDocument? Load(string id)
    {
        using var cmd = Command();
        cmd.CommandText = "SELECT model, model_json FROM documents WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return PolicyJson.Read(Compression.ModelJson(r.IsDBNull(0) ? null : (byte[])r.GetValue(0), r.GetString(1)));
    }

    /// <summary>The stored model of a document as the JSON contract it was stored as, in UTF-8, unpacked but not
    /// parsed, when it was made by <paramref name="pipelineVersion"/>: a model another build wrote need not be
    /// what this build writes of it. Null for any other row (and for one written before models were packed).</summary>
    public byte[]? ModelUtf8(string id, string pipelineVersion) =>
        Value("SELECT model FROM documents WHERE id = $id AND pipeline = $pipeline", null, ("$id", id), ("$pipeline", pipelineVersion))
            is byte[] packed ? Compression.Unpack(packed) : null;

    /// <summary>Every stored model that did not fail, in the order of <see cref="List"/>.</summary>
    public IReadOnlyList<PolicyDocument> LoadAll() =>
        [.. List().Select(s => Load(s.Id)!).Where(d => !d.Diagnostics.Any(x => x.IsError))];

    /// <summary>The raw bytes of a snapshot, or null.</summary>
    public byte[]? LoadSnapshot(string id) => Snapshot(id)?.Bytes;

    /// <summary>A snapshot's bytes (uncompressed) and the HTTP charset they came with.</summary>
    private (byte[] Bytes, string? HttpCharset)? Snapshot(string id)
    {
        var cmd = Prepared("SELECT bytes, compressed, http_charset FROM snapshots WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var bytes = (byte[])r.GetValue(0);
        return (r.GetInt64(1) == 1 ? Compression.Unpack(bytes) : bytes, r.IsDBNull(2) ? null : r.GetString(2));
    }

    /// <summary>Every place a snapshot was seen.</summary>
    public IReadOnlyList<string> SourcesOf(string id)
    {
        using var cmd = Command();
        cmd.CommandText = "SELECT source FROM sources WHERE snapshot_id = $id ORDER BY source";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    /// <summary>Replaces all duplicate groups (they are recomputed over the whole store).</summary>
    public void SaveDuplicateGroups(IReadOnlyList<DuplicateGroup> groups)
    {
        using var tx = _db.BeginTransaction();
        Exec(_db, "DELETE FROM duplicate_groups", tx);
        foreach (var g in groups)
            foreach (var m in g.MemberIds)
                Exec(_db, "INSERT INTO duplicate_groups VALUES ($doc, $canon, $sim)", tx,
                    ("$doc", m), ("$canon", g.CanonicalId), ("$sim", g.MinSimilarity));
        tx.Commit();
    }

    /// <summary>The duplicate groups, canonical first in each.</summary>
    public IReadOnlyList<DuplicateGroup> DuplicateGroups()
    {
        using var cmd = Command();
        cmd.CommandText = "SELECT canonical_id, document_id, similarity FROM duplicate_groups ORDER BY canonical_id, document_id <> canonical_id, document_id";
        using var r = cmd.ExecuteReader();
        var rows = new List<(string C, string D, double S)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetDouble(2)));
        return [.. rows.GroupBy(x => x.C).Select(g => new DuplicateGroup(g.Key, [.. g.Select(x => x.D)], g.Min(x => x.S)))];
    }

    /// <summary>Full-text search over articles: exact substrings, found through the bigram index
    /// (<see cref="SearchIndex"/>); a query of one character is a scan of the stored texts. Returns the
    /// matching sentence of each hit, read from the document's stored model (the index keeps no text).</summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 50)
    {
        // The query is normalised as the documents were (widths, traditional → simplified), so 產業集羣 finds 产业集群.
        query = Normalize.Normalizer.Normalize(query, new Normalize.NormalizeOptions { CharactersOnly = true }).Text.Trim();
        if (query.Length == 0) return [];
        var units = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        string? Body(string id, string path)
        {
            if (!units.TryGetValue(id, out var byPath))
            {
                byPath = new Dictionary<string, string>(StringComparer.Ordinal);
                if (Load(id) is { } doc)
                    foreach (var (p, b) in SearchUnits(doc)) byPath.TryAdd(p, b);
                units[id] = byPath;
            }
            return byPath.GetValueOrDefault(path);
        }
        var hits = new List<SearchHit>();
        using var cmd = Command();
        if (SearchIndex.Match(query) is { } match)
        {
            // Index candidates in order; each checked against its article text, until the limit.
            cmd.CommandText = """
                SELECT d.id, d.jurisdiction, d.title, a.path
                FROM article_rows a JOIN documents d ON d.doc = a.doc
                WHERE a.id IN (SELECT rowid FROM articles WHERE articles MATCH $q)
                ORDER BY d.jurisdiction, d.id, a.id
                """;
            cmd.Parameters.AddWithValue("$q", match);
            using var r = cmd.ExecuteReader();
            while (hits.Count < limit && r.Read())
            {
                var (id, path) = (r.GetString(0), r.GetString(3));
                if (Body(id, path) is { } body && body.Contains(query, StringComparison.OrdinalIgnoreCase))
                    hits.Add(new SearchHit(id, Opt(r, 1), Opt(r, 2), path, SentenceAround(body, query)));
            }
            return hits;
        }
        // Nothing the index can look up (one character): every stored document's articles in order, until the limit.
        cmd.CommandText = """
            SELECT d.id, d.jurisdiction, d.title, a.path
            FROM article_rows a JOIN documents d ON d.doc = a.doc
            ORDER BY d.jurisdiction, d.id, a.id
            """;
        using (var r = cmd.ExecuteReader())
        {
            while (hits.Count < limit && r.Read())
            {
                var (id, path) = (r.GetString(0), r.GetString(3));
                if (!units.ContainsKey(id)) units.Clear(); // rows come document by document: keep one model's units
                if (Body(id, path) is { } body && body.Contains(query, StringComparison.OrdinalIgnoreCase))
                    hits.Add(new SearchHit(id, Opt(r, 1), Opt(r, 2), path, SentenceAround(body, query)));
            }
        }
        return hits;
    }

    /// <summary>The sentence (between 。；！？ or line breaks) that holds the first match.</summary>
    internal static string SentenceAround(string body, string query)
    {
        var at = body.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return body.Length > 80 ? body[..80] + "…" : body;
        var stops = "。；！？\n";
        var start = body.LastIndexOfAny(stops.ToCharArray(), Math.Max(0, at - 1)) + 1;
        var end = body.IndexOfAny(stops.ToCharArray(), at + query.Length);
        end = end < 0 ? body.Length : end + 1;
        return body[start..end].Trim();
    }

    private static string? Opt(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
