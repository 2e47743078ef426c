using System.Globalization;
using ClusterPolicyMiner.Clean;
using System.Text.Json;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Store;

/// <summary>A batch of writes (<see cref="PolicyStore.InBatch"/>) was rolled back as a whole by SQLite after
/// an error (a full disk): none of its documents is stored.</summary>
public sealed class BatchLostException(Exception cause) : Exception("the batch was rolled back: " + cause.Message, cause);

/// <summary>What saving a document did.</summary>
public enum SaveStatus { New, Unchanged }

/// <summary>One line of <c>cpm list</c>.</summary>
public sealed record DocumentSummary(
    string Id, string Source, string Format, string? Jurisdiction, string? Title, string? Kind,
    string? Issued, string? Published, int Diagnostics, string? DuplicateOf);

/// <summary>One hit of <c>cpm search</c>: where it is and the sentence that matched.</summary>
public sealed record SearchHit(string DocumentId, string? Jurisdiction, string? Title, string Path, string Sentence);

/// <summary>The SQLite store: raw snapshots (content-addressed), processed documents and their parts.
/// One transaction per document, so a failure never leaves a half-written document.</summary>
public sealed partial class PolicyStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteTransaction? _batch;

    /// <summary>A command on the store's connection, inside the open batch if there is one.</summary>
    private SqliteCommand Command()
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = _batch;
        return cmd;
    }

    private PolicyStore(SqliteConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Opens (creating when absent) the store at <paramref name="path"/> and runs pending migrations.
    /// With <paramref name="readOnly"/> the file is opened read-only and never created or migrated: a missing
    /// store reads as an empty one. A file that is not a store, or cannot be opened, is a <see cref="StoreException"/>.</summary>
    public static PolicyStore Open(string path, TimeProvider? clock = null, bool readOnly = false)
    {
        SqliteConnection? db = null;
        try
        {
            db = readOnly ? MigrationRunner.OpenReadOnly(path) : MigrationRunner.OpenAndMigrate(path);
            return new PolicyStore(db, clock ?? TimeProvider.System);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            db?.Dispose();
            throw StoreException.From(path, e);
        }
    }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar(_db, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    /// <summary>Caps the store's size in pages (SQLite's max_page_count), so tests can see a full disk.</summary>
    internal void LimitPages(long pages) => Exec(_db, $"PRAGMA max_page_count = {pages}");

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>True when these exact bytes were stored before.</summary>
    public bool HasSnapshot(string id) => HasSnapshot(id, null);

    private bool HasSnapshot(string id, SqliteTransaction? tx) =>
        Value("SELECT 1 FROM snapshots WHERE id = $id", tx, ("$id", id)) is not null;

    /// <summary>Stores the raw bytes and the processed document in one transaction. The same bytes again
    /// change nothing but the list of sources they were seen at, and report <see cref="SaveStatus.Unchanged"/>;
    /// bytes stored before without a document (the first pass of an ingest) get theirs.</summary>
    public SaveStatus Save(RawDocument raw, PolicyDocument doc, string? pipelineVersion = null, DocumentSignature? signature = null)
    {
        var existed = false;
        Unit(tx =>
        {
            var now = Now();
            InsertSnapshot(raw, tx, now);
            existed = DocKey(raw.Id, tx) is not null;
            if (!existed) InsertDocument(doc, tx, pipelineVersion, signature);
            Run("INSERT OR IGNORE INTO sources(source, snapshot_id, seen_at) VALUES ($s, $id, $at)", tx,
                ("$s", raw.Source), ("$id", raw.Id), ("$at", now));
        });
        return existed ? SaveStatus.Unchanged : SaveStatus.New;
    }

    /// <summary>Runs <paramref name="work"/> with the documents it saves committed together at its end: each
    /// document is still all or nothing (a savepoint of its own, rolled back when it fails, the others kept),
    /// but the commit, the write-ahead log's sync and the index's flush happen once per batch, not per document.
    /// Should the commit fail (a full disk), none of the batch is stored and the exception says so.</summary>
    public void InBatch(Action work)
    {
        if (_batch is not null)
        {
            work();
            return;
        }
        _batch = _db.BeginTransaction();
        try
        {
            work();
            if (BatchEnded(_batch)) throw new BatchLostException(new IOException("the transaction ended early"));
            _batch.Commit();
        }
        finally
        {
            _batch.Dispose();
            _batch = null;
        }
    }

    /// <summary>Whether SQLite (or the driver, after an error) has ended the batch's transaction.</summary>
    private bool BatchEnded(SqliteTransaction batch) =>
        batch.Connection is null || SQLitePCL.raw.sqlite3_get_autocommit(_db.Handle) != 0;

    /// <summary>One document's writes, all or nothing: a transaction, or a savepoint inside a batch.</summary>
    private void Unit(Action<SqliteTransaction> work)
    {
        if (_batch is { } batch)
        {
            if (BatchEnded(batch)) throw new BatchLostException(new IOException("the transaction ended early"));
            Run("SAVEPOINT document", batch);
            try
            {
                work(batch);
            }
            catch (Exception e)
            {
                // A full disk or an I/O error can make SQLite roll the whole transaction back itself: then the
                // batch is gone, not just this document, and the caller must hear so.
                if (BatchEnded(batch)) throw new BatchLostException(e);
                Run("ROLLBACK TO document", batch);
                Run("RELEASE document", batch);
                throw;
            }
            Run("RELEASE document", batch);
            return;
        }
        using var tx = _db.BeginTransaction();
        work(tx);
        tx.Commit();
    }

    /// <summary>Stores the raw bytes unless they are stored already.</summary>
    private void InsertSnapshot(RawDocument raw, SqliteTransaction tx, string now)
    {
        if (HasSnapshot(raw.Id, tx)) return;
        Run("INSERT INTO snapshots(id, size, http_charset, bytes, stored_at, compressed) VALUES ($id, $size, $cs, $bytes, $at, 1)", tx,
            ("$id", raw.Id), ("$size", raw.Bytes.LongLength), ("$cs", raw.HttpCharset), ("$bytes", Compression.Pack(raw.Bytes)), ("$at", now));
    }

    /// <summary>The integer key of a stored document, or null.</summary>
    private long? DocKey(string id, SqliteTransaction? tx) =>
        Value("SELECT doc FROM documents WHERE id = $id", tx, ("$id", id)) is { } k ? Convert.ToInt64(k, CultureInfo.InvariantCulture) : null;

    /// <summary>Records that a stored snapshot was seen at <paramref name="source"/> (a re-run that skipped it).</summary>
    public void AddSource(string id, string source) =>
        Run("INSERT OR IGNORE INTO sources(source, snapshot_id, seen_at) VALUES ($s, $id, $at)", null,
            ("$s", source), ("$id", id), ("$at", Now()));

    /// <summary>Replaces the processed model of a stored snapshot (after the pipeline changed), in one transaction.</summary>
    public void Replace(PolicyDocument doc, string? pipelineVersion = null, DocumentSignature? signature = null) => Unit(tx =>
    {
        if (DocKey(doc.Id, tx) is { } key)
        {
            // Part tables have no foreign keys: each is emptied by the document's key, an index lookup.
            Run("DELETE FROM articles WHERE rowid IN (SELECT id FROM article_rows WHERE doc = $k)", tx, ("$k", key));
            foreach (var table in PartTables)
                Run($"DELETE FROM {table} WHERE doc = $k", tx, ("$k", key));
            Run("DELETE FROM documents WHERE doc = $k", tx, ("$k", key));
        }
        InsertDocument(doc, tx, pipelineVersion, signature);
    });

    private static readonly string[] PartTables = ["article_rows", "diagnostics", "outline_nodes", "thresholds", "signatures", "rule_summaries"];

    private void InsertDocument(PolicyDocument doc, SqliteTransaction tx, string? pipelineVersion, DocumentSignature? signature)
    {
        var m = doc.Metadata;
        Run("""
            INSERT INTO documents(id, source, format, encoding, encoding_rule, jurisdiction, issuer, title, doc_number,
                kind, status, issued, published, effective, expires, edition_year, normalizations, model_json, model, pipeline, failed)
            VALUES ($id, $source, $format, $enc, $rule, $jur, $issuer, $title, $num, $kind, $status, $issued, $published,
                $effective, $expires, $edition, $norms, '', $model, $pipeline, $failed)
            """, tx,
            ("$id", doc.Id), ("$source", doc.Source), ("$format", PolicyJson.FormatName(doc.Format)),
            ("$enc", doc.Encoding), ("$rule", doc.EncodingRule), ("$jur", m.Jurisdiction), ("$issuer", m.Issuer),
            ("$title", m.Title), ("$num", m.DocNumber), ("$kind", m.Kind), ("$status", m.Status),
            ("$issued", Iso(m.Issued)), ("$published", Iso(m.Published)), ("$effective", Iso(m.Effective)),
            ("$expires", Iso(m.Expires)), ("$edition", m.EditionYear),
            ("$norms", JsonSerializer.Serialize(doc.Normalizations, StoreJson.Default.IReadOnlyListString)),
            ("$model", Compression.Pack(PolicyJson.WriteUtf8(doc))), ("$pipeline", pipelineVersion),
            ("$failed", doc.Diagnostics.Any(d => d.IsError) ? 1 : 0));
        var key = DocKey(doc.Id, tx)!.Value;
        Run("INSERT INTO rule_summaries VALUES ($doc, $summary)", tx, ("$doc", key), ("$summary", Compression.Pack(RuleSummary.WriteUtf8(doc))));

        for (var i = 0; i < doc.Diagnostics.Count; i++)
        {
            var d = doc.Diagnostics[i];
            Run("INSERT INTO diagnostics VALUES ($doc, $seq, $code, $off, $msg)", tx,
                ("$doc", key), ("$seq", i), ("$code", d.Code.ToString()), ("$off", d.Offset), ("$msg", d.Message));
        }

        var seq = 0;
        void Node(OutlineNode n, int? parent)
        {
            var mine = seq++;
            Run("INSERT INTO outline_nodes VALUES ($doc, $seq, $parent, $kind, $num, $title, $path, $start, $end)", tx,
                ("$doc", key), ("$seq", mine), ("$parent", parent), ("$kind", PolicyJson.KindName(n.Kind)),
                ("$num", n.Number), ("$title", n.Title), ("$path", n.Path), ("$start", n.Start), ("$end", n.End));
            foreach (var c in n.Children) Node(c, mine);
        }
        foreach (var n in doc.Outline) Node(n, null);

        // The index holds the article text; the row says where it is. The text itself is the model's.
        foreach (var (path, body) in SearchUnits(doc))
        {
            Run("INSERT INTO article_rows(doc, path) VALUES ($doc, $path)", tx, ("$doc", key), ("$path", path));
            Run("INSERT INTO articles(rowid, body) VALUES (last_insert_rowid(), $body)", tx, ("$body", SearchIndex.IndexText(body)));
        }

        var t = 0;
        foreach (var (list, items) in new[] { ("criteria", doc.Thresholds), ("procedural", doc.Procedural) })
            foreach (var th in items)
                Run("INSERT INTO thresholds VALUES ($doc, $seq, $list, $metric, $label, $op, $value, $unit, $phrase, $q, $grp, $path, $quote, $start, $end)", tx,
                    ("$doc", key), ("$seq", t++), ("$list", list), ("$metric", th.Metric), ("$label", th.Label),
                    ("$op", th.Op), ("$value", th.Value is { } v ? PolicyJson.Number(v) : th.TextValue), ("$unit", th.Unit),
                    ("$phrase", th.Phrase), ("$q", JsonSerializer.Serialize(th.Qualifiers, StoreJson.Default.IReadOnlyListString)), ("$grp", th.Group),
                    ("$path", th.Source.Path), ("$quote", th.Source.Quote), ("$start", th.Source.Start), ("$end", th.Source.End));

        if (signature is { } sig)
            Run("INSERT INTO signatures VALUES ($doc, $conv, $len, $hash)", tx,
                ("$doc", key), ("$conv", sig.Converted ? 1 : 0), ("$len", sig.ContentLength), ("$hash", sig.PackMinHash()));
    }

    /// <summary>The searchable units of a document: each article whole; elsewhere the outline's leaves;
    /// the whole text when there is no outline.</summary>
    internal static IEnumerable<(string Path, string Body)> SearchUnits(PolicyDocument doc)
    {
        if (doc.Outline.Count == 0)
        {
            if (doc.Text.Length > 0) yield return ("", doc.Text);
            yield break;
        }
        var stack = new Stack<OutlineNode>(doc.Outline.Reverse());
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Kind == OutlineKind.Article || n.Children.Count == 0)
            {
                var start = Math.Clamp(n.Start, 0, doc.Text.Length);
                var end = Math.Clamp(n.End, start, doc.Text.Length);
                yield return (n.Path, doc.Text[start..end]);
            }
            else
            {
                foreach (var c in n.Children.Reverse()) stack.Push(c);
            }
        }
    }

    private static string? Iso(DateOnly? d) => IsoDate.Of(d);

    /// <summary>The command kept for <paramref name="sql"/> on this connection, so that a statement run for every
    /// document or row is parsed and prepared once per connection rather than once per call; in
    /// <paramref name="tx"/> (or the open batch), its parameters cleared. The store owns it: not to be disposed.</summary>
    private SqliteCommand Prepared(string sql, SqliteTransaction? tx = null)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }
        cmd.Transaction = tx ?? _batch;
        cmd.Parameters.Clear();
        return cmd;
    }

    private void Run(string sql, SqliteTransaction? tx, params (string, object?)[] ps) => Bind(Prepared(sql, tx), ps).ExecuteNonQuery();

    /// <summary>The first column of the first row of a kept statement (<see cref="Prepared"/>), or null.</summary>
    private object? Value(string sql, SqliteTransaction? tx, params (string, object?)[] ps) =>
        Bind(Prepared(sql, tx), ps).ExecuteScalar() is { } v and not DBNull ? v : null;

    private static SqliteCommand Bind(SqliteCommand cmd, (string, object?)[] ps)
    {
        foreach (var (k, v) in ps) cmd.Parameters.AddWithValue(k, v ?? DBNull.Value);
        return cmd;
    }

    public void Dispose()
    {
        foreach (var cmd in _prepared.Values) cmd.Dispose();
        _prepared.Clear();
        _db.Dispose();
        SqliteConnection.ClearAllPools();
    }

    internal static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null, params (string, object?)[] ps)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        Bind(cmd, ps).ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection db, string sql, SqliteTransaction? tx = null, params (string, object?)[] ps)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        var r = Bind(cmd, ps).ExecuteScalar();
        return r is DBNull ? null : r;
    }
}
