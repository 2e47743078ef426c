using ClusterPolicyMiner.Acquire.Web;

namespace ClusterPolicyMiner.Watch;

/// <summary>What became of one document: the JSON <c>status</c> of <c>cpm fetch</c> and <c>cpm watch</c>.</summary>
public enum IngestStatus
{
    /// <summary>Stored for the first time.</summary>
    New,
    /// <summary>Already stored: same bytes, or a duplicate of <see cref="IngestOutcome.DuplicateOf"/>.</summary>
    Unchanged,
    /// <summary>Fetching or ingesting failed; the link is tried again on the next run.</summary>
    Error,
}

/// <summary>What the ingest callback did with a fetched notice.</summary>
/// <param name="DocumentId">The stored document's id; required unless <paramref name="Status"/> is Error.</param>
public sealed record IngestOutcome(IngestStatus Status, string? DocumentId, string? DuplicateOf = null, string? Error = null);

/// <summary>One notice link the run did something with.</summary>
public sealed record WatchedNotice(
    string Jurisdiction,
    Uri Listing,
    Uri Link,
    string Title,
    IngestStatus Status,
    string? DocumentId,
    string? DuplicateOf,
    string? Error);

/// <summary>One listing page visited: how it was fetched, how many links matched and how many of those
/// were not seen before.</summary>
public sealed record ListingVisit(string Jurisdiction, Uri Url, FetchOutcome Outcome, int Matched, int Unseen, string? Error);

/// <summary>The result of a watch run, in the order of sources.yaml and of the links on each page.</summary>
public sealed record WatchReport(IReadOnlyList<ListingVisit> Listings, IReadOnlyList<WatchedNotice> Notices)
{
    /// <summary>Ids of the documents stored for the first time in this run (for <c>--since</c>).</summary>
    public IReadOnlyList<string> NewDocumentIds =>
        [.. Notices.Where(n => n.Status == IngestStatus.New).Select(n => n.DocumentId!)];

    /// <summary>True when a listing or a notice failed: the CLI exits with 1.</summary>
    public bool HasErrors =>
        Listings.Any(l => l.Outcome == FetchOutcome.Error) || Notices.Any(n => n.Status == IngestStatus.Error);
}
