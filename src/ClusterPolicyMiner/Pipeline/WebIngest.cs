using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>Takes what the fetcher brought back into the store: the fetch is always recorded; fetched bytes
/// go through the same pipeline as files; a 304 is <c>unchanged</c>; a failure is an error for that URL.</summary>
public sealed class WebIngest(Ingestor ingestor, PolicyStore store)
{
    public IngestOutcome Ingest(FetchResult fetched)
    {
        if (fetched.Outcome == FetchOutcome.NotModified)
        {
            store.RecordFetch(fetched, null);
            return new IngestOutcome(IngestStatus.Unchanged, null);
        }
        var raw = fetched.ToRawDocument();
        if (raw is null)
        {
            store.RecordFetch(fetched, null);
            return new IngestOutcome(IngestStatus.Error, null, Error: fetched.Error?.Message ?? fetched.Outcome.ToString());
        }
        var result = ingestor.Ingest([raw]).Results[0];
        store.RecordFetch(fetched, result.Status == IngestResult.Failed ? null : result.Id);
        if (result.Status != IngestResult.Failed && (fetched.ETag is not null || fetched.LastModified is not null))
            store.PutValidators(fetched.Url, fetched.Validators);
        var status = result.Status switch
        {
            IngestResult.New => IngestStatus.New,
            IngestResult.Unchanged => IngestStatus.Unchanged,
            _ => IngestStatus.Error,
        };
        return new IngestOutcome(status, result.Id, result.DuplicateOf, result.Error);
    }
}
