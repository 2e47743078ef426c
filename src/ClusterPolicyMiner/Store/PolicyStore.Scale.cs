using ClusterPolicyMiner.Clean;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Store;

/// <summary>What a re-run needs to know of a stored document without reading its model: the pipeline
/// version it was made with, and the first error when it failed.</summary>
public sealed record StoredState(string? Pipeline, string? Error);

public sealed partial class PolicyStore
{
    /// <summary>The state of a stored document, or null when these bytes were never processed.</summary>
    public StoredState? State(string id)
    {
        var cmd = Prepared("""
            SELECT d.pipeline, CASE WHEN d.failed = 1 THEN
                (SELECT x.message FROM diagnostics x WHERE x.doc = d.doc ORDER BY x.seq LIMIT 1) END
            FROM documents d WHERE d.id = $id
            """);
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new StoredState(Opt(r, 0), Opt(r, 1));
    }

    /// <summary>The stored signatures of every document that did not fail, in id order.</summary>
    public IReadOnlyList<DocumentSignature> Signatures()
    {
        using var cmd = Command();
        cmd.CommandText = """
            SELECT d.id, s.converted, s.content_length, s.minhash
            FROM signatures s JOIN documents d ON d.doc = s.doc
            WHERE d.failed = 0 ORDER BY s.doc
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentSignature>();
        while (r.Read())
            list.Add(new DocumentSignature(r.GetString(0), r.GetInt64(1) == 1, r.GetInt32(2),
                DocumentSignature.UnpackMinHash((byte[])r.GetValue(3))));
        // Read in key order (the file's order: ordering by id read a 100k store page by random page, I/O
        // bound for minutes), then sorted by id here.
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }

    /// <summary>Documents that did not fail and have no signature yet (stored before signatures were kept).</summary>
    public IReadOnlyList<string> UnsignedDocumentIds()
    {
        using var cmd = Command();
        cmd.CommandText = """
            SELECT d.id FROM documents d WHERE d.failed = 0
              AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.doc = d.doc) ORDER BY d.id
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    public void SaveSignature(DocumentSignature sig) =>
        Run("INSERT OR REPLACE INTO signatures SELECT doc, $conv, $len, $hash FROM documents WHERE id = $doc", null,
            ("$doc", sig.Id), ("$conv", sig.Converted ? 1 : 0), ("$len", sig.ContentLength), ("$hash", sig.PackMinHash()));

    /// <summary>What the last run into <paramref name="folder"/> recorded: its fingerprint and files with their lengths.</summary>
    public (string Fingerprint, IReadOnlyDictionary<string, long> Files)? RunOutputs(string folder)
    {
        using var cmd = Command();
        cmd.CommandText = "SELECT fingerprint, files FROM run_outputs WHERE folder = $f";
        cmd.Parameters.AddWithValue("$f", folder);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var files = System.Text.Json.JsonSerializer.Deserialize(r.GetString(1), StoreJson.Default.DictionaryStringInt64) ?? [];
        return (r.GetString(0), files);
    }

    /// <summary>The record of a run's outputs: the files as a JSON object ordered by path, written as UTF-8 and
    /// stored as text by SQLite's cast (a 100k run lists about 390,000 files: the object as a .NET string and
    /// an ordered copy of the dictionary were the largest things the run held at its end).</summary>
    public void SaveRunOutputs(string folder, string fingerprint, IReadOnlyDictionary<string, long> files)
    {
        var paths = files.Keys.ToArray();
        Array.Sort(paths, StringComparer.Ordinal);
        var json = new System.Buffers.ArrayBufferWriter<byte>(paths.Length * 48 + 2);
        using (var writer = new System.Text.Json.Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            foreach (var path in paths) writer.WriteNumber(path, files[path]);
            writer.WriteEndObject();
        }
        Run("INSERT OR REPLACE INTO run_outputs VALUES ($f, $fp, CAST($files AS TEXT))", null,
            ("$f", folder), ("$fp", fingerprint), ("$files", json.WrittenSpan.ToArray()));
    }

    /// <summary>How many diagnostics of <paramref name="code"/> a stored document has.</summary>
    public int CountDiagnostics(string id, string code) =>
        Convert.ToInt32(Value("SELECT COUNT(*) FROM diagnostics x JOIN documents d ON d.doc = x.doc WHERE d.id = $id AND x.code = $code", null,
            ("$id", id), ("$code", code)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bytes the store file takes (main file and write-ahead log).</summary>
    public long SizeOnDisk()
    {
        var path = _db.DataSource;
        return new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);
    }
}
