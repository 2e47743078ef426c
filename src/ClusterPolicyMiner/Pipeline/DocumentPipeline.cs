using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Thresholds;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>Options for the whole pipeline, one record per stage.</summary>
public sealed record PipelineOptions
{
    public DecodeOptions Decode { get; init; } = new();
    public NormalizeOptions Normalize { get; init; } = new();
    public CleanOptions Clean { get; init; } = new();
    public ThresholdOptions Thresholds { get; init; } = new();
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

        // Until the structure stage lands the outline is empty and every source path is "".
        IReadOnlyList<OutlineNode> outline = [];
        var thresholds = ThresholdExtractor.Extract(clean.Text, outline, Options.Thresholds with { DocumentId = decoded.Id });

        return new PolicyDocument(
            decoded.Id, decoded.Source, decoded.Format, decoded.Encoding, decoded.EncodingRule,
            PolicyMetadata.Empty, clean.Text, normalized.Fired, outline, thresholds.Thresholds, thresholds.Procedural,
            [.. decoded.Diagnostics, .. clean.Diagnostics, .. thresholds.Diagnostics]);
    }

    private static PolicyDocument Failed(DecodedDocument decoded) =>
        new(decoded.Id, decoded.Source, decoded.Format, decoded.Encoding, decoded.EncodingRule,
            PolicyMetadata.Empty, "", [], [], [], [], decoded.Diagnostics);
}
