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
/// then regroups near-duplicates over the whole store. A failing document is reported and the rest go on.</summary>
public sealed class Ingestor(DocumentPipeline pipeline, PolicyStore store)
{
    /// <summary>Processes and stores the batch; returns one result per input, in input order, and the models.</summary>
    public (IReadOnlyList<IngestResult> Results, IReadOnlyList<PolicyDocument> Documents) Ingest(
        IReadOnlyList<RawDocument> batch, IReadOnlyList<InputFailure>? unreadable = null)
    {
        var docs = pipeline.ProcessBatch(batch);
        var results = new List<IngestResult>();
        foreach (var f in unreadable ?? [])
            results.Add(new IngestResult(null, f.Source, IngestResult.Failed, null, f.Reason));

        for (var i = 0; i < batch.Count; i++)
        {
            var raw = batch[i];
            var doc = docs[i];
            var error = doc.Diagnostics.FirstOrDefault(d => d.IsError);
            try
            {
                var status = store.Save(raw, doc);
                if (status == SaveStatus.Unchanged && error is null) store.Replace(doc);
                results.Add(new IngestResult(raw.Id, raw.Source,
                    error is not null ? IngestResult.Failed : status == SaveStatus.New ? IngestResult.New : IngestResult.Unchanged,
                    null, error?.Message));
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                results.Add(new IngestResult(raw.Id, raw.Source, IngestResult.Failed, null, "not stored: " + StoreException.Cause(ex)));
            }
        }

        // Should the store fail now (a full disk), what was stored above stays stored and is reported as such.
        IReadOnlyList<DuplicateGroup> groups;
        try
        {
            groups = pipeline.GroupDuplicates(store.LoadAll());
            store.SaveDuplicateGroups(groups);
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
}

/// <summary>An input that could not even be read, with the reason.</summary>
public sealed record InputFailure(string Source, string Reason);
