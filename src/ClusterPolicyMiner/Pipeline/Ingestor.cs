using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>The line <c>cpm ingest --json</c> prints for one document.</summary>
public sealed record IngestResult(string? Id, string Source, string Status, string? DuplicateOf, string? Error)
{
    public const string New = "new", Unchanged = "unchanged", Failed = "error";
}

/// <summary>Runs raw documents through the pipeline into the store, streaming: the inputs are read, processed,
/// stored and released in bounded chunks, so memory does not grow with the corpus. Two passes: the first
/// stores each new document's bytes and counts its page's candidate template lines under its site; the second
/// cleans, structures and extracts it against the templates the store now counts, with a document the new
/// counts affect (a stored page of a site whose template changed) processed again. One transaction per
/// document and pass; a failing document is reported and the rest go on. Incremental: a document whose bytes
/// were stored by this <see cref="PipelineVersion"/> is not decoded again; near-duplicates are regrouped from
/// the signatures kept in the store, and only when something was stored.</summary>
public sealed class Ingestor(DocumentPipeline pipeline, PolicyStore store)
{
    private readonly DuplicateDetector _duplicates = new();

    /// <summary>Progress (units done, units in all): each document to process counts twice (first and second
    /// pass), each input once more when it is stored or skipped; the total grows as the inputs are read
    /// unless <see cref="ExpectedInputs"/> says how many there are. Called from any thread.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>How many inputs the batch has, when the caller knows (for the progress total).</summary>
    public int? ExpectedInputs { get; init; }

    /// <summary>Documents between two trims of the heap (<see cref="HeapTrim"/>).</summary>
    private const int TrimEvery = 5000;

    /// <summary>Documents read, processed and stored at once (one commit); bounds the memory of a run with
    /// <see cref="ChunkBytes"/>. 0: thirty-two per core (fewer commits than eight a core, so fewer and larger
    /// segments of the search index to merge).</summary>
    public int ChunkSize { get; init; }

    /// <summary>Raw bytes past which a chunk is closed before it has <see cref="ChunkSize"/> documents, so that
    /// a run of large files holds no more than about this much of them at once (a file larger than it is a
    /// chunk of its own).</summary>
    public long ChunkBytes { get; init; } = 16L << 20;

    /// <summary>Processes and stores the batch; returns one result per input (the unreadable ones first, then
    /// the others in input order), and the models when <paramref name="loadSkipped"/> is true (those of skipped
    /// documents read back from the store); with it false no model is kept, so a run's memory stays flat.</summary>
    public (IReadOnlyList<IngestResult> Results, IReadOnlyList<PolicyDocument> Documents) Ingest(
        IEnumerable<RawDocument> batch, IReadOnlyList<InputFailure>? unreadable = null, bool loadSkipped = true)
    {
        var version = PipelineVersion.Current;
        var chunkSize = ChunkSize > 0 ? ChunkSize : 32 * (pipeline.Options.Parallelism > 0 ? pipeline.Options.Parallelism : Environment.ProcessorCount);
        var units = 0;
        var seen = 0;
        void Step() => Progress?.Invoke(Interlocked.Increment(ref units), Math.Max(ExpectedInputs ?? 0, seen) * 3);

        // Pass 1. The bytes' hash is the id, the store says which version made its model: decide before decoding.
        var inputs = new List<(string Id, string Source, StoredState? State)>();
        var todo = new List<(string Id, string Source)>();
        var inTodo = new HashSet<string>(StringComparer.Ordinal);
        var crossed = new HashSet<SiteLine>();
        var failedFirst = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        var outcome = new Dictionary<string, (IngestResult Result, PolicyDocument? Doc)>(StringComparer.Ordinal);
        // Whether a document was stored before this batch: its first input's state (no state: a new document).
        var firstState = new Dictionary<string, StoredState?>(StringComparer.Ordinal);
        bool Existed(string id) => !firstState.TryGetValue(id, out var st) || st is not null;
        var trim = new HeapTrim(TrimEvery);
        // The next chunk is decided (on this thread: one store connection) and mapped while this one is stored.
        IEnumerable<List<RawDocument>> FreshChunks()
        {
            foreach (var chunk in Chunks(batch, chunkSize, ChunkBytes))
            {
                trim.Count(chunk.Count);
                var fresh = new List<RawDocument>();
                foreach (var raw in chunk)
                {
                    seen++;
                    var state = store.State(raw.Id);
                    inputs.Add((raw.Id, raw.Source, state));
                    firstState.TryAdd(raw.Id, state);
                    if (state?.Pipeline == version || !inTodo.Add(raw.Id)) { Step(); Step(); continue; }
                    todo.Add((raw.Id, raw.Source));
                    fresh.Add(raw);
                }
                yield return fresh;
            }
        }
        // A document no site template can touch is finished in this pass (it is not decoded a second time).
        BatchParallel.Overlapped(FreshChunks(), fresh => BatchParallel.Map(fresh, r =>
        {
            var p = pipeline.Prepare(r);
            Step();
            if (p.Normalized is null || DocumentPipeline.NeedsSiteTemplates(p))
                return (p, (PolicyDocument?)null, (DocumentSignature?)null);
            var doc = pipeline.Finish(p);
            Step();
            return (p, doc, Signature(doc));
        }, pipeline.Options.Parallelism), (fresh, prepared) => Batched(() =>
        {
            for (var i = 0; i < fresh.Count; i++)
            {
                var (p, doc, signature) = prepared[i];
                // A document that failed its first pass is finished now: the second would fail it again.
                if (p.Normalized is null) failedFirst[fresh[i].Id] = pipeline.Finish(p);
                try
                {
                    crossed.UnionWith(store.RecordPage(fresh[i], p.Lines));
                }
                catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
                {
                    failedFirst[fresh[i].Id] = NotStored(p, ex);
                    continue;
                }
                if (doc is not null)
                    outcome[fresh[i].Id] = (Store(fresh[i], doc, version, signature, Existed(fresh[i].Id)), loadSkipped ? doc : null);
            }
        }), pipeline.Options.Parallelism);

        // Stored pages of a site whose template changed are cleaned again, under the source they were stored with.
        var affected = crossed.Count == 0 ? [] : store.DocumentsHolding(crossed).Where(id => !inTodo.Contains(id)).ToList();
        foreach (var id in affected)
            if (store.SourceOf(id) is { } source) todo.Add((id, source));

        var results = new List<IngestResult>();
        foreach (var f in unreadable ?? [])
            results.Add(new IngestResult(null, f.Source, IngestResult.Failed, null, f.Reason));

        // Pass 2, chunk by chunk, against the templates the store counts after pass 1.
        var clean = pipeline.Options.Clean with { SiteTemplateIndex = todo.Count > 0 ? store.SiteTemplates() : null };
        trim.PhaseEnd();
        // The store is read and written on this thread (one connection); the stages run in parallel, a chunk
        // being mapped while the one before it is stored.
        var secondChunks = todo.Where(t => !outcome.ContainsKey(t.Id)).Chunk(chunkSize).Select(chunk =>
        {
            trim.Count(chunk.Length);
            return (Chunk: chunk, Raws: chunk.Select(item => store.LoadRaw(item.Id, item.Source)).ToList());
        });
        BatchParallel.Overlapped(secondChunks, c => BatchParallel.Map(Enumerable.Range(0, c.Chunk.Length).ToList(), i =>
        {
            if (failedFirst.TryGetValue(c.Chunk[i].Id, out var failed)) return (c.Raws[i], (PolicyDocument?)failed, (DocumentSignature?)null);
            if (c.Raws[i] is not { } raw) return (null, null, null);
            var doc = pipeline.Process(raw, clean);
            var signature = Signature(doc);
            Step();
            return (raw, doc, signature);
        }, pipeline.Options.Parallelism), (c, docs) => Batched(() =>
        {
            foreach (var (item, (raw, doc, signature)) in c.Chunk.Zip(docs))
            {
                if (doc is null)
                {
                    outcome[item.Id] = (new IngestResult(item.Id, item.Source, IngestResult.Failed, null,
                        "not stored: its bytes could not be read back from the store for the second pass"), null);
                    continue;
                }
                var result = raw is null
                    ? new IngestResult(item.Id, item.Source, IngestResult.Failed, null, doc.Diagnostics.First(d => d.IsError).Message)
                    : Store(raw, doc, version, signature, Existed(item.Id));
                outcome[item.Id] = (result, loadSkipped ? doc : null);
            }
        }), pipeline.Options.Parallelism);

        var kept = new List<PolicyDocument>();
        var skipped = results.Count;
        Batched(() =>
        {
            results.RemoveRange(skipped, results.Count - skipped);
            kept.Clear();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, source, state) in inputs)
            {
                IngestResult result;
                if (outcome.TryGetValue(id, out var done) && reported.Add(id))
                {
                    result = done.Result with { Source = source };
                    if (done.Doc is not null) kept.Add(done.Doc);
                }
                else
                {
                    var error = outcome.TryGetValue(id, out var first) ? first.Result.Error : state?.Error;
                    result = Skip(id, source, error);
                    if (loadSkipped && (first.Doc ?? store.Load(id)) is { } stored) kept.Add(stored);
                }
                results.Add(result);
            }
        });
        // Counted once the batch is written: a batch written again must not count its inputs twice.
        foreach (var _ in inputs) Step();

        // Should the store fail now (a full disk), what was stored above stays stored and is reported as such.
        if (outcome.Count > 0) trim.PhaseEnd();
        IReadOnlyList<DuplicateGroup> groups;
        try
        {
            groups = outcome.Count > 0 ? Regroup() : store.DuplicateGroups();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            groups = [];
        }
        if (outcome.Count > 0) trim.PhaseEnd();
        var canonicalOf = groups.SelectMany(g => g.MemberIds.Select(m => (m, g.CanonicalId)))
            .ToDictionary(x => x.m, x => x.CanonicalId);
        return ([.. results.Select(r => r.Id is { } id && canonicalOf.TryGetValue(id, out var c) && c != id
                ? r with { DuplicateOf = c } : r)], kept);
    }

    /// <summary>Runs the store writes of a chunk as one batch (one commit). Should the batch be lost as a whole
    /// (a full disk makes SQLite roll it back, or its commit fails), the chunk is written again one document per
    /// transaction, so that exactly the documents that fit are stored and each of the others says why not:
    /// <paramref name="work"/> must give the same results when run twice.</summary>
    private void Batched(Action work)
    {
        try
        {
            store.InBatch(work);
        }
        catch (Exception ex) when (ex is BatchLostException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            work();
        }
    }

    /// <summary>The signature duplicate grouping reads; none for a failed document.</summary>
    private DocumentSignature? Signature(PolicyDocument doc) =>
        doc.Diagnostics.Any(x => x.IsError) ? null : _duplicates.Sign(DocumentPipeline.Candidate(doc));

    /// <summary>A document whose first pass could not be stored: failed, with the store's reason.</summary>
    private PolicyDocument NotStored(PreparedDocument prepared, Exception ex) =>
        pipeline.Finish(prepared with
        {
            Normalized = null,
            Decoded = prepared.Decoded with { Diagnostics = [.. prepared.Decoded.Diagnostics,
                new Diagnostic(DiagnosticCode.StageFailed, prepared.Decoded.Id, null, "not stored: " + StoreException.Cause(ex))] },
        });

    /// <summary>The inputs in chunks of <paramref name="size"/> documents or about <paramref name="bytes"/> raw
    /// bytes, whichever comes first, read lazily.</summary>
    private static IEnumerable<List<RawDocument>> Chunks(IEnumerable<RawDocument> batch, int size, long bytes)
    {
        var chunk = new List<RawDocument>(size);
        var held = 0L;
        foreach (var raw in batch)
        {
            chunk.Add(raw);
            held += raw.Bytes.LongLength;
            if (chunk.Count < size && held < bytes) continue;
            yield return chunk;
            chunk = new List<RawDocument>(size);
            held = 0;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private IngestResult Store(RawDocument raw, PolicyDocument doc, string version, DocumentSignature? signature, bool existed)
    {
        var error = doc.Diagnostics.FirstOrDefault(d => d.IsError);
        try
        {
            var status = store.Save(raw, doc, version, signature);
            // A stored snapshot made by another version: its model is replaced, unless the new run failed.
            if (status == SaveStatus.Unchanged && error is null) store.Replace(doc, version, signature);
            return new IngestResult(raw.Id, raw.Source,
                error is not null ? IngestResult.Failed : status == SaveStatus.New && !existed ? IngestResult.New : IngestResult.Unchanged,
                null, error?.Message);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return new IngestResult(raw.Id, raw.Source, IngestResult.Failed, null, "not stored: " + StoreException.Cause(ex));
        }
    }

    /// <summary>Bytes already stored by this version (or a second copy in the batch): only the source is recorded.</summary>
    private IngestResult Skip(string id, string source, string? error)
    {
        try
        {
            store.AddSource(id, source);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return new IngestResult(id, source, IngestResult.Failed, null, "not stored: " + StoreException.Cause(ex));
        }
        return new IngestResult(id, source, error is not null ? IngestResult.Failed : IngestResult.Unchanged, null, error);
    }

    /// <summary>Duplicate groups over the whole store from the kept signatures (documents stored before
    /// signatures were kept are signed once, from their model).</summary>
    private IReadOnlyList<DuplicateGroup> Regroup()
    {
        foreach (var id in store.UnsignedDocumentIds())
            if (store.Load(id) is { } doc)
                store.SaveSignature(_duplicates.Sign(DocumentPipeline.Candidate(doc)));
        var groups = _duplicates.Group(store.Signatures());
        store.SaveDuplicateGroups(groups);
        return groups;
    }
}

/// <summary>An input that could not even be read, with the reason.</summary>
public sealed record InputFailure(string Source, string Reason);
