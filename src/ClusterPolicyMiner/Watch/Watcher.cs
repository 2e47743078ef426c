using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Acquire.Web;

namespace ClusterPolicyMiner.Watch;

/// <summary>Options of a watch run.</summary>
public sealed record WatchOptions
{
    /// <summary>At most this many unseen notices per listing and run; the rest wait for the next run
    /// (a first run over a long listing stays bounded).</summary>
    public int MaxNewNoticesPerListing { get; init; } = 50;

    /// <summary>How listing pages are decoded to markup.</summary>
    public DecodeOptions Decode { get; init; } = new();
}

/// <summary>Follows the listing pages of <c>corpus/sources.yaml</c>: fetches each one conditionally,
/// finds notice links not seen before, fetches them and hands them to the ingest callback, and
/// reports what is new. A listing's validators are stored only once all its unseen links were
/// handled, so a notice that failed is tried again on the next run.</summary>
public sealed class Watcher(WebFetcher fetcher, WatchOptions options)
{
    private readonly DocumentDecoder _decoder = new(options.Decode);

    public WatchOptions Options { get; } = options;

    /// <summary>Progress (units done, units in all): one unit per listing page, one per notice to fetch; the
    /// total grows as each listing reveals its unseen notices.</summary>
    public Action<int, int>? Progress { get; init; }

    public async Task<WatchReport> RunAsync(
        SourceList sources, IWatchState state, Func<FetchResult, Task<IngestOutcome>> ingest, CancellationToken cancel = default)
    {
        var visits = new List<ListingVisit>();
        var notices = new List<WatchedNotice>();
        // A link on two listings is handled once per run.
        var handled = new HashSet<string>(StringComparer.Ordinal);
        var tally = new Tally(Progress, sources.Jurisdictions.Sum(j => j.Listings.Count));
        foreach (var jurisdiction in sources.Jurisdictions)
            foreach (var listing in jurisdiction.Listings)
                visits.Add(await WatchListingAsync(jurisdiction.Name, listing, state, ingest, handled, notices, tally, cancel).ConfigureAwait(false));
        return new WatchReport(visits, notices);
    }

    private async Task<ListingVisit> WatchListingAsync(
        string jurisdiction, ListingPage listing, IWatchState state, Func<FetchResult, Task<IngestOutcome>> ingest,
        HashSet<string> handled, List<WatchedNotice> notices, Tally tally, CancellationToken cancel)
    {
        ListingVisit Failed(string error) => new(jurisdiction, listing.Url, FetchOutcome.Error, 0, 0, error);

        var page = await fetcher.FetchAsync(listing.Url, state.GetValidators(listing.Url), cancel).ConfigureAwait(false);
        tally.Done();
        if (page.Outcome != FetchOutcome.Fetched)
            return new ListingVisit(jurisdiction, listing.Url, page.Outcome, 0, 0, page.Error?.Message);
        var decoded = _decoder.Decode(page.ToRawDocument()!);
        if (decoded.Diagnostics.FirstOrDefault(d => d.IsError) is { } broken)
            return Failed($"listing: {broken.Message}");
        var (links, extractError) = LinkExtractor.Extract(decoded.Text, page.FinalUrl, listing);
        if (extractError is not null)
            return Failed(extractError);

        var unseen = links.Where(l => !handled.Contains(l.Url.AbsoluteUri) && !state.HasSeen(l.Url)).ToList();
        var complete = unseen.Count <= Options.MaxNewNoticesPerListing;
        tally.Add(Math.Min(unseen.Count, Options.MaxNewNoticesPerListing));
        foreach (var link in unseen.Take(Options.MaxNewNoticesPerListing))
        {
            handled.Add(link.Url.AbsoluteUri);
            var notice = await WatchNoticeAsync(jurisdiction, listing, link, state, ingest, cancel).ConfigureAwait(false);
            notices.Add(notice);
            tally.Done();
            complete &= notice.Status != IngestStatus.Error;
        }
        // Only a listing whose every unseen link was handled may come back as 304 next time.
        if (complete) state.PutValidators(listing.Url, page.Validators);
        return new ListingVisit(jurisdiction, listing.Url, FetchOutcome.Fetched, links.Count, unseen.Count, null);
    }

    private async Task<WatchedNotice> WatchNoticeAsync(
        string jurisdiction, ListingPage listing, ListingLink link, IWatchState state,
        Func<FetchResult, Task<IngestOutcome>> ingest, CancellationToken cancel)
    {
        WatchedNotice Notice(IngestStatus status, string? id, string? duplicateOf, string? error) =>
            new(jurisdiction, listing.Url, link.Url, link.Title, status, id, duplicateOf, error);

        // The link is unseen, so there is nothing to be conditional about.
        var fetched = await fetcher.FetchAsync(link.Url, null, cancel).ConfigureAwait(false);
        if (fetched.Outcome != FetchOutcome.Fetched)
            return Notice(IngestStatus.Error, null, null, fetched.Error?.Message ?? $"unexpected {fetched.Outcome}");

        IngestOutcome outcome;
        try
        {
            outcome = await ingest(fetched).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing callback costs this notice only; the run goes on (and retries it next time).
            return Notice(IngestStatus.Error, null, null, $"ingest: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (outcome.Status == IngestStatus.Error || outcome.DocumentId is null)
            return Notice(IngestStatus.Error, outcome.DocumentId, null, outcome.Error ?? "ingest: no document id");

        state.PutValidators(link.Url, fetched.Validators);
        state.MarkSeen(link.Url, outcome.DocumentId, fetched.FetchedAt);
        return Notice(outcome.Status, outcome.DocumentId, outcome.DuplicateOf, null);
    }

    /// <summary>The units of one run, reported after each change.</summary>
    private sealed class Tally
    {
        private readonly Action<int, int>? _report;
        private int _done, _total;

        public Tally(Action<int, int>? report, int listings)
        {
            (_report, _total) = (report, listings);
            _report?.Invoke(_done, _total);
        }

        public void Done() => _report?.Invoke(++_done, _total);

        public void Add(int units)
        {
            _total += units;
            _report?.Invoke(_done, _total);
        }
    }
}
