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
        IReadOnlyList<RawDocument> batch, IReadOnlyList<InputFailure>? unreadable = null, bool loadSkipped = true)
    {
        var version = PipelineVersion.Current;
        var results = new List<IngestResult>();
        foreach (var f in unreadable ?? [])
            results.Add(new IngestResult(null, f.Source, IngestResult.Failed, null, f.Reason));

        // Decide before decoding: the bytes' hash is the id, the store says which version made its model.
        var todo = new List<RawDocument>();
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var states = new StoredState?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            states[i] = store.State(batch[i].Id);
            if (states[i]?.Pipeline == version || !firstOf.TryAdd(batch[i].Id, todo.Count)) continue;
            todo.Add(batch[i]);
        }
        var total = todo.Count * 2 + batch.Count;
        var units = 0;
        void Step() => Progress?.Invoke(Interlocked.Increment(ref units), total);
        var processed = pipeline.ProcessBatch(todo, Step);
        var signatures = BatchParallel.Map(processed,
            d => d.Diagnostics.Any(x => x.IsError) ? null : _duplicates.Sign(DocumentPipeline.Candidate(d)),
            pipeline.Options.Parallelism);

        var docs = new PolicyDocument?[batch.Count];
        var done = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var raw = batch[i];
            IngestResult result;
            if (firstOf.TryGetValue(raw.Id, out var k) && done.Add(raw.Id))
            {
                docs[i] = processed[k];
                result = Store(raw, processed[k], version, signatures[k], states[i] is not null);
            }
            else
            {
                result = Skip(raw, firstOf.TryGetValue(raw.Id, out var j) ? processed[j] : null, states[i]);
                if (loadSkipped) docs[i] = firstOf.TryGetValue(raw.Id, out var p) ? processed[p] : store.Load(raw.Id);
            }
            results.Add(result);
            Step();
        }

        var groups = Regroup();
        var canonicalOf = groups.SelectMany(g => g.MemberIds.Select(m => (m, g.CanonicalId)))
            .ToDictionary(x => x.m, x => x.CanonicalId);
        return ([.. results.Select(r => r.Id is { } id && canonicalOf.TryGetValue(id, out var c) && c != id
                ? r with { DuplicateOf = c } : r)], [.. docs.OfType<PolicyDocument>()]);
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
            return new IngestResult(raw.Id, raw.Source, IngestResult.Failed, null, "store: " + ex.Message);
        }
    }

    /// <summary>Bytes already stored by this version (or a second copy in the batch): only the source is recorded.</summary>
    private IngestResult Skip(RawDocument raw, PolicyDocument? sameBatch, StoredState? state)
    {
        try
        {
            if (state is not null) store.AddSource(raw.Id, raw.Source);
            else store.Save(raw, sameBatch!);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return new IngestResult(raw.Id, raw.Source, IngestResult.Failed, null, "store: " + ex.Message);
        }
        var error = sameBatch is not null ? sameBatch.Diagnostics.FirstOrDefault(d => d.IsError)?.Message : state?.Error;
        return new IngestResult(raw.Id, raw.Source, error is not null ? IngestResult.Failed : IngestResult.Unchanged, null, error);
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
