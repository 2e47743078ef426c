using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Structure;
using ClusterPolicyMiner.Thresholds;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>Options for the whole pipeline, one record per stage.</summary>
public sealed record PipelineOptions
{
    public DecodeOptions Decode { get; init; } = new();
    public NormalizeOptions Normalize { get; init; } = new();
    public CleanOptions Clean { get; init; } = new();
    public StructureOptions Structure { get; init; } = new();
    public ThresholdOptions Thresholds { get; init; } = new();

    /// <summary>Documents processed at once by a batch (its pure stages); 0 means one per core. Results do
    /// not depend on it.</summary>
    public int Parallelism { get; init; }
}

/// <summary>The order of the stages, written once: decode, normalise, clean, structure, thresholds.</summary>
public sealed class DocumentPipeline(PipelineOptions options)
{
    private readonly DocumentDecoder _decoder = new(options.Decode);

    public PipelineOptions Options { get; } = options;

    /// <summary>One document on its own (no site templates to learn from other pages).</summary>
    public PolicyDocument Process(RawDocument raw) => ProcessBatch([raw])[0];

    /// <summary>A batch: decode and normalise every document, learn each site's template from the pages of
    /// that site in the batch, then clean, structure and extract thresholds document by document.</summary>
    /// <param name="step">Called (from any thread) after each document's normalisation and after its finish.</param>
    public IReadOnlyList<PolicyDocument> ProcessBatch(IReadOnlyList<RawDocument> batch, Action? step = null)
    {
        var normalized = BatchParallel.Map(batch, r => { var n = Normalize(r); step?.Invoke(); return n; }, Options.Parallelism);
        var templates = SiteTemplateLearner.Learn(normalized.Select(n => n.Normalized).OfType<NormalizedDocument>());
        var clean = Options.Clean with { SiteTemplates = templates };
        return BatchParallel.Map(normalized, n =>
        {
            var doc = n.Normalized is { } ok ? Finish(ok, clean) : Failed(n.Decoded);
            step?.Invoke();
            return doc;
        }, Options.Parallelism);
    }

    /// <summary>Decoded and normalised text; Normalized is null when decoding failed (the error is in Decoded).</summary>
    private (DecodedDocument Decoded, NormalizedDocument? Normalized) Normalize(RawDocument raw)
    {
        var decoded = _decoder.Decode(raw);
        if (decoded.Diagnostics.Any(d => d.IsError))
            return (decoded, null);
        var normalizeOptions = decoded.Format == DocumentFormat.Html
            ? Options.Normalize with { CharactersOnly = true }
            : Options.Normalize;
        var normalized = Normalizer.Normalize(decoded.Text, normalizeOptions);
        return (decoded, new NormalizedDocument(decoded, normalized.Text, normalized.Fired, decoded.Diagnostics));
    }

    private PolicyDocument Finish(NormalizedDocument normalized, CleanOptions cleanOptions)
    {
        var decoded = normalized.Decoded;
        var clean = Cleaner.Clean(normalized, cleanOptions);

        var structure = StructureExtractor.Extract(clean.Text, clean.Page, Options.Structure);
        var structureDiagnostics = structure.Diagnostics.Select(d => d with { DocumentId = decoded.Id });

        var thresholds = ThresholdExtractor.Extract(clean.Text, structure.Outline, Options.Thresholds with { DocumentId = decoded.Id });

        return new PolicyDocument(
            decoded.Id, decoded.Source, decoded.Format, decoded.Encoding, decoded.EncodingRule,
            structure.Metadata, clean.Text, normalized.Normalizations, structure.Outline,
            thresholds.Thresholds, thresholds.Procedural,
            [.. decoded.Diagnostics, .. clean.Diagnostics, .. structureDiagnostics, .. thresholds.Diagnostics]);
    }

    /// <summary>Groups near-duplicate documents over their clean text; only groups of two or more.</summary>
    public IReadOnlyList<DuplicateGroup> GroupDuplicates(IReadOnlyList<PolicyDocument> docs) =>
        new DuplicateDetector().Group([.. docs.Select(Candidate)]);

    /// <summary>What duplicate detection sees of a document: its clean text and whether it was converted.</summary>
    public static DuplicateCandidate Candidate(PolicyDocument d) =>
        new(d.Id, d.Text, d.Normalizations.Any(OpenCcConverter.Configs.Contains));

    private static PolicyDocument Failed(DecodedDocument decoded) =>
        new(decoded.Id, decoded.Source, decoded.Format, decoded.Encoding, decoded.EncodingRule,
            PolicyMetadata.Empty, "", [], [], [], [], decoded.Diagnostics);
}
