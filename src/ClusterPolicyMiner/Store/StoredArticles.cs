using ClusterPolicyMiner.Emit;

namespace ClusterPolicyMiner.Store;

/// <summary>The articles of stored models, for a migration that rebuilds the search index: the index text of
/// a document's article by its ordinal (the order <see cref="PolicyStore.SearchUnits"/> gives, which is the
/// order its article rows were inserted in). Rows come document by document, so one model is held at a time.</summary>
internal sealed class StoredArticles
{
    private long _doc = -1;
    private IReadOnlyList<string> _bodies = [];

    /// <summary>The index text of article <paramref name="ordinal"/> of document <paramref name="doc"/> (see <see cref="Compression.ModelJson"/>).</summary>
    public string? IndexText(long doc, byte[]? model, string modelJson, long ordinal)
    {
        if (doc != _doc)
        {
            _bodies = [.. PolicyStore.SearchUnits(PolicyJson.Read(Compression.ModelJson(model, modelJson))).Select(u => u.Body)];
            _doc = doc;
        }
        return ordinal < _bodies.Count ? SearchIndex.IndexText(_bodies[(int)ordinal]) : null;
    }
}
