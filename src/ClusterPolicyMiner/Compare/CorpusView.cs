using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>What the store keeps of a document outside its model: id, source, the metadata of its columns
/// and whether it failed. <see cref="PolicyMetadata.Programme"/>, <see cref="PolicyMetadata.Cites"/>,
/// <see cref="PolicyMetadata.ValidityYears"/>, the level and the date rules are not among them: they are
/// null (empty) here, and whatever needs them loads the model.</summary>
public sealed record DocumentHeader(string Id, string Source, PolicyMetadata Metadata, bool Failed)
{
    /// <summary>The header the store would keep of a model.</summary>
    public static DocumentHeader Of(PolicyDocument d) =>
        new(d.Id, d.Source, Columns(d.Metadata), d.Diagnostics.Any(x => x.IsError));

    /// <summary>Only what the store's columns hold of the metadata.</summary>
    public static PolicyMetadata Columns(PolicyMetadata m) =>
        m with { ValidityYears = null, Cites = [], Programme = null, Level = null, EffectiveRule = null, ExpiresRule = null };

    /// <summary>A model with this header's metadata and nothing else (no text, outline, requirements or
    /// diagnostics), for the functions of <see cref="Editions"/> and <see cref="EditionChains"/>.</summary>
    public PolicyDocument AsDocument() => Stub(Id, Source, Metadata);

    /// <summary>A model of a document's identity and metadata only.</summary>
    public static PolicyDocument Stub(string id, string source, PolicyMetadata metadata) =>
        new(id, source, DocumentFormat.Txt, "", "", metadata, "", [], [], [], [], []);

    /// <summary>A model without its text, outline and requirements: its identity and whole metadata.</summary>
    public static PolicyDocument MetadataOf(PolicyDocument d) => Stub(d.Id, d.Source, d.Metadata);
}

/// <summary>A corpus as the corpus-level outputs read it: the headers of every document, in memory, and the
/// full models loaded on demand, one at a time, so that memory follows what is shown, not the corpus.
/// <see cref="Load"/> gives a header's model under the header's source.</summary>
public sealed class CorpusView
{
    private readonly Func<DocumentHeader, PolicyDocument?> _load;

    public CorpusView(IReadOnlyList<DocumentHeader> headers, Func<DocumentHeader, PolicyDocument?> load)
    {
        Headers = headers;
        _load = load;
    }

    public IReadOnlyList<DocumentHeader> Headers { get; }

    /// <summary>Where the rule summary of a header comes from (the store keeps one per document); null when the
    /// view has none, and the summaries are then made from the models.</summary>
    public Func<DocumentHeader, PolicyDocument?>? Summaries { get; init; }

    /// <summary>Where the model of a header comes from as the JSON contract it is kept as (the UTF-8 of
    /// <see cref="Emit.PolicyJson.Write"/> by this build, under the source it was stored with), for outputs that
    /// copy the model rather than read it; null when the view has none, or gives null for a header whose model
    /// another build wrote, and the model is then loaded.</summary>
    public Func<DocumentHeader, byte[]?>? ModelJson { get; init; }

    /// <summary>The model of a header (its source set to the header's); throws when it is gone.</summary>
    public PolicyDocument Load(DocumentHeader header) =>
        _load(header) is { } d ? (d.Source == header.Source ? d : d with { Source = header.Source })
        : throw new InvalidOperationException($"document {header.Id} is in the corpus view but cannot be loaded");

    /// <summary>A view of models already in memory (tests, small corpora): each header loads its own model.</summary>
    public static CorpusView Of(IReadOnlyList<PolicyDocument> docs)
    {
        var headers = docs.Select(DocumentHeader.Of).ToList();
        var models = new Dictionary<DocumentHeader, PolicyDocument>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < docs.Count; i++) models[headers[i]] = docs[i];
        return new CorpusView(headers, h => models.GetValueOrDefault(h));
    }
}
