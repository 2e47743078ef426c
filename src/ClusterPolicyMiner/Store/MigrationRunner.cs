using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Store;

/// <summary>Opens the SQLite file and brings its schema to <see cref="Migrations.Steps"/>. Race-free: the
/// version is read and every pending step run inside one <c>BEGIN IMMEDIATE</c> transaction, so of two
/// commands creating a fresh store at once one migrates and the other waits, then finds nothing to do.</summary>
internal static class MigrationRunner
{
    private const int BusyMilliseconds = 30_000;

    public static SqliteConnection OpenAndMigrate(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException(path, "cannot create the store's folder: " + e.Message.ReplaceLineEndings(" "), e);
            }
        }
        var db = Connect(path, SqliteOpenMode.ReadWriteCreate);
        try
        {
            PolicyStore.Exec(db, $"PRAGMA busy_timeout = {BusyMilliseconds};");
            Migrate(db);
            PolicyStore.Exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;");
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Read-only: nothing is created, migrated or written. A missing file is an empty in-memory store;
    /// a store older or newer than this build's schema is refused with its version.</summary>
    public static SqliteConnection OpenReadOnly(string path)
    {
        if (!File.Exists(path))
        {
            var empty = Connect(":memory:", SqliteOpenMode.Memory);
            Migrate(empty);
            return empty;
        }
        var db = ConnectReadOnly(path);
        try
        {
            PolicyStore.Exec(db, $"PRAGMA busy_timeout = {BusyMilliseconds}; PRAGMA query_only = ON;");
            var version = Version(db, null);
            if (version != Migrations.Steps.Count)
                throw new StoreException(path, version < Migrations.Steps.Count
                    ? $"schema version {version} is older than this cpm's {Migrations.Steps.Count}; run cpm ingest once to upgrade it"
                    : $"schema version {version} is newer than this cpm's {Migrations.Steps.Count}");
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>A WAL store in a read-only folder cannot get its shared-memory file; it is then opened as
    /// immutable, which is safe there because no process can write it either.</summary>
    private static SqliteConnection ConnectReadOnly(string path)
    {
        var db = Connect(path, SqliteOpenMode.ReadOnly);
        try
        {
            Version(db, null);
            return db;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 14)
        {
            db.Dispose();
            return Connect(new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        }.ToString());
        db.Open();
        return db;
    }

    private static void Migrate(SqliteConnection db)
    {
        // Cheap check first so a migrated store takes no write lock at all.
        if (Version(db, null) >= Migrations.Steps.Count) return;
        using var tx = db.BeginTransaction(deferred: false);
        PolicyStore.Exec(db, "SELECT 1", tx);
        // Migrations may rebuild the full-text index, whose text is made here, not in SQL.
        db.CreateFunction("cpm_index_text", (string body) => SearchIndex.IndexText(body), isDeterministic: true);
        var articles = new StoredArticles();
        db.CreateFunction("cpm_article_index_text", (long doc, byte[]? model, string modelJson, long ordinal) => articles.IndexText(doc, model, modelJson, ordinal));
        // And the rule summaries of stored documents, from their models.
        db.CreateFunction("cpm_rule_summary", (byte[]? model, string json) =>
            Compression.PackText(Emit.RuleSummary.FromModelJson(Compression.ModelJson(model, json))), isDeterministic: true);
        for (var i = Version(db, tx); i < Migrations.Steps.Count; i++)
        {
            PolicyStore.Exec(db, Migrations.Steps[i], tx);
            PolicyStore.Exec(db, $"PRAGMA user_version = {i + 1}", tx);
        }
        tx.Commit();
    }

    private static int Version(SqliteConnection db, SqliteTransaction? tx) =>
        Convert.ToInt32(PolicyStore.Scalar(db, "PRAGMA user_version", tx), CultureInfo.InvariantCulture);
}

/// <summary>The store at a path could not be opened or used; the message names the path and the cause.</summary>
public sealed class StoreException(string path, string cause, Exception? inner = null)
    : Exception($"{path}: {cause}", inner)
{
    public string Path { get; } = path;

    /// <summary>A one-line cause for SQLite's and the file system's errors.</summary>
    public static StoreException From(string path, Exception e) => e as StoreException ?? new(path, Cause(e), e);

    /// <summary>The cause alone, in one line: what a person can act on, with SQLite's own words.</summary>
    public static string Cause(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 26 } => "not a cpm store (the file is not an SQLite database)",
        SqliteException { SqliteErrorCode: 13 } => "the disk is full (SQLite: database or disk is full)",
        SqliteException { SqliteErrorCode: 8 } => "the store is read-only (SQLite: attempt to write a readonly database)",
        SqliteException { SqliteErrorCode: 14 } => "cannot open the store (missing folder, no permission, or a read-only folder)",
        SqliteException { SqliteErrorCode: 5 or 6 } => "the store is locked by another process for too long",
        SqliteException { SqliteErrorCode: 11 } => "the store file is corrupt (SQLite: database disk image is malformed)",
        SqliteException s => "SQLite error: " + s.Message.ReplaceLineEndings(" "),
        _ => e.Message.ReplaceLineEndings(" "),
    };
}
