using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>The line <c>cpm ingest --json</c> prints for one document.</summary>
public sealed record IngestResult(string? Id, string Source, string Status, string? DuplicateOf, string? Error)
{
    public const string New = "new", Unchanged = "unchanged", Failed = "error";
}

/// <summary>Runs a batch of raw documents through the pipeline into the store, one transaction per document,
/// then regroups near-duplicates over the whole store. A failing document is reported and the rest go on.
/// Incremental: a document whose bytes were stored by this <see cref="PipelineVersion"/> is not processed
/// again; duplicates are regrouped from the signatures kept in the store, not from the texts.</summary>
public sealed class Ingestor(DocumentPipeline pipeline, PolicyStore store)
{
    private readonly DuplicateDetector _duplicates = new();

    /// <summary>Progress (units done, units in all): each processed document counts twice (normalised,
    /// finished), each input once more when stored or skipped. Called from any thread.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Processes and stores the batch; returns one result per input, in input order, and the models
    /// (those of skipped documents read back from the store, unless <paramref name="loadSkipped"/> is false).</summary>
    public (IReadOnlyList<IngestResult> Results, IReadOnlyList<PolicyDocument> Documents) Ingest(
        IEnumerable<RawDocument> batch, IReadOnlyList<InputFailure>? unreadable = null, bool loadSkipped = true)
    {
        var version = PipelineVersion.Current;

        // Decide before decoding: the bytes' hash is the id, the store says which version made its model.
        // Only the bytes of documents to process are kept; the inputs may be read lazily, one by one.
        var inputs = new List<(string Id, string Source, StoredState? State)>();
        var todo = new List<RawDocument>();
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in batch)
        {
            var state = store.State(raw.Id);
            inputs.Add((raw.Id, raw.Source, state));
            if (state?.Pipeline == version || !firstOf.TryAdd(raw.Id, todo.Count)) continue;
            todo.Add(raw);
        }
        var results = new List<IngestResult>();
        foreach (var f in unreadable ?? [])
            results.Add(new IngestResult(null, f.Source, IngestResult.Failed, null, f.Reason));

        var total = todo.Count * 2 + inputs.Count;
        var units = 0;
        void Step() => Progress?.Invoke(Interlocked.Increment(ref units), total);
        var processed = pipeline.ProcessBatch(todo, Step);
        var signatures = BatchParallel.Map(processed,
            d => d.Diagnostics.Any(x => x.IsError) ? null : _duplicates.Sign(DocumentPipeline.Candidate(d)),
            pipeline.Options.Parallelism);

        var docs = new List<PolicyDocument>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, source, state) in inputs)
        {
            IngestResult result;
            if (firstOf.TryGetValue(id, out var k) && done.Add(id))
            {
                docs.Add(processed[k]);
                result = Store(todo[k], processed[k], version, signatures[k], state is not null);
            }
            else
            {
                var sameBatch = firstOf.TryGetValue(id, out var j) ? processed[j] : null;
                result = Skip(id, source, sameBatch, state);
                if (sameBatch is not null) docs.Add(sameBatch);
                else if (loadSkipped && store.Load(id) is { } stored) docs.Add(stored);
            }
            results.Add(result);
            Step();
        }

        // Should the store fail now (a full disk), what was stored above stays stored and is reported as such.
        IReadOnlyList<DuplicateGroup> groups;
        try
        {
            groups = Regroup();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            groups = [];
        }
        var canonicalOf = groups.SelectMany(g => g.MemberIds.Select(m => (m, g.CanonicalId)))
            .ToDictionary(x => x.m, x => x.CanonicalId);
        return ([.. results.Select(r => r.Id is { } id && canonicalOf.TryGetValue(id, out var c) && c != id
                ? r with { DuplicateOf = c } : r)], docs);
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
    private IngestResult Skip(string id, string source, PolicyDocument? sameBatch, StoredState? state)
    {
        try
        {
            store.AddSource(id, source);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return new IngestResult(id, source, IngestResult.Failed, null, "not stored: " + StoreException.Cause(ex));
        }
        var error = sameBatch is not null ? sameBatch.Diagnostics.FirstOrDefault(d => d.IsError)?.Message : state?.Error;
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
