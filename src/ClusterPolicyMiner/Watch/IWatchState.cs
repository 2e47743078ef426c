using ClusterPolicyMiner.Acquire.Web;

namespace ClusterPolicyMiner.Watch;

/// <summary>What the watcher remembers between runs: validators per URL (for conditional requests) and
/// the notice links already ingested. The store implements it on SQLite.</summary>
public interface IWatchState
{
    /// <summary>The ETag / Last-Modified stored for a listing or notice URL; null when never fetched.</summary>
    FetchValidators? GetValidators(Uri url);

    void PutValidators(Uri url, FetchValidators validators);

    /// <summary>Whether a notice link was ingested in an earlier run.</summary>
    bool HasSeen(Uri link);

    /// <summary>Records that <paramref name="link"/> was ingested as document <paramref name="documentId"/>.</summary>
    void MarkSeen(Uri link, string documentId, DateTimeOffset at);
}
