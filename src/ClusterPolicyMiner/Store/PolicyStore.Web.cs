using System.Globalization;
using System.Text.Json;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Store;

public sealed partial class PolicyStore : IWatchState
{
    /// <summary>Records one fetch (whatever its outcome) with its URL, final URL, status, headers and time.</summary>
    public void RecordFetch(FetchResult r, string? snapshotId)
    {
        using var tx = _db.BeginTransaction();
        var headers = JsonSerializer.Serialize(r.Headers.ToDictionary(h => h.Key, h => h.Value), StoreJson.Default.DictionaryStringString);
        Exec(_db, """
            INSERT OR REPLACE INTO fetches(url, fetched_at, final_url, status, outcome, headers, etag, last_modified, snapshot_id, error)
            VALUES ($url, $at, $final, $status, $outcome, $headers, $etag, $lm, $snap, $error)
            """, tx,
            ("$url", r.Url.AbsoluteUri), ("$at", r.FetchedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
            ("$final", r.FinalUrl.AbsoluteUri), ("$status", r.StatusCode), ("$outcome", r.Outcome.ToString()),
            ("$headers", headers), ("$etag", r.ETag), ("$lm", r.LastModified), ("$snap", snapshotId), ("$error", r.Error?.Message));
        tx.Commit();
    }

    /// <summary>How many fetches of a URL are recorded.</summary>
    public int FetchCount(Uri url) => Convert.ToInt32(
        Value("SELECT COUNT(*) FROM fetches WHERE url = $u", null, ("$u", url.AbsoluteUri)), CultureInfo.InvariantCulture);

    public FetchValidators? GetValidators(Uri url)
    {
        using var cmd = Command();
        cmd.CommandText = "SELECT etag, last_modified FROM validators WHERE url = $u";
        cmd.Parameters.AddWithValue("$u", url.AbsoluteUri);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new FetchValidators(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
    }

    public void PutValidators(Uri url, FetchValidators v) =>
        Exec(_db, "INSERT OR REPLACE INTO validators(url, etag, last_modified) VALUES ($u, $e, $l)", null,
            ("$u", url.AbsoluteUri), ("$e", v.ETag), ("$l", v.LastModified));

    public bool HasSeen(Uri link) =>
        Value("SELECT 1 FROM watch_seen WHERE link = $l", null, ("$l", link.AbsoluteUri)) is not null;

    public void MarkSeen(Uri link, string documentId, DateTimeOffset at) =>
        Exec(_db, "INSERT OR REPLACE INTO watch_seen(link, document_id, seen_at) VALUES ($l, $d, $at)", null,
            ("$l", link.AbsoluteUri), ("$d", documentId),
            ("$at", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
}
