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
    /// <summary>Wall-clock time one stage may spend on one document before it is
    /// <see cref="DiagnosticCode.BudgetExceeded"/>; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan StageBudget { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Characters of decoded text one document may have (about 2,000 pages of Chinese); past it the
    /// document is <see cref="DiagnosticCode.TooLarge"/>, which bounds the memory of every later stage.</summary>
    public int MaxTextChars { get; init; } = 4_000_000;
    /// <summary>Documents processed at once by a batch (its pure stages); 0 means one per core. Results do
    /// not depend on it.</summary>
    public int Parallelism { get; init; }
}

/// <summary>A document after the first pass: decoded, normalised (null when either failed; the error is in
/// Decoded's diagnostics) and the page's site lines.</summary>
public sealed record PreparedDocument(DecodedDocument Decoded, NormalizedDocument? Normalized, SiteLines Lines);

/// <summary>The order of the stages, written once: decode, normalise, clean, structure, thresholds.</summary>
public sealed class DocumentPipeline(PipelineOptions options)
{
    private readonly DocumentDecoder _decoder = new(options.Decode);

    public PipelineOptions Options { get; } = options;

    /// <summary>One document on its own (no site templates to learn from other pages).</summary>
    public PolicyDocument Process(RawDocument raw) => ProcessBatch([raw])[0];

    /// <summary>One document against site templates learnt elsewhere (the second pass of an ingest): decoded,
    /// normalised, cleaned with <paramref name="clean"/>, structured and its thresholds read.</summary>
    public PolicyDocument Process(RawDocument raw, CleanOptions clean)
    {
        var (decoded, normalized) = Normalize(raw);
        return normalized is null ? Failed(decoded) : Finish(normalized, clean);
    }

    /// <summary>A batch held in memory: decode and normalise every document, learn each site's template from
    /// the pages of that site in the batch, then clean, structure and extract thresholds document by document.
    /// (An ingest into a store does the same in two streaming passes, with the store counting the lines.)</summary>
    /// <param name="step">Called (from any thread) after each document's normalisation and after its finish.</param>
    public IReadOnlyList<PolicyDocument> ProcessBatch(IReadOnlyList<RawDocument> batch, Action? step = null)
    {
        var prepared = BatchParallel.Map(batch, r => { var n = Prepare(r); step?.Invoke(); return n; }, Options.Parallelism);
        // Learning templates spans the batch; should it fail, every page is cleaned without them.
        var (templates, _) = StageGuard.Run("site templates", null, Timeout.InfiniteTimeSpan,
            () => SiteTemplateLearner.Learn(prepared.Select(n => n.Lines)));
        var clean = templates is null ? Options.Clean : Options.Clean with { SiteTemplates = templates };
        return BatchParallel.Map(prepared, n =>
        {
            var doc = Finish(n, clean);
            step?.Invoke();
            return doc;
        }, Options.Parallelism);
    }

    /// <summary>The first pass over one document: decoded, normalised, and the lines it could share with its
    /// site's template. Nothing a stage throws leaves this function.</summary>
    public PreparedDocument Prepare(RawDocument raw)
    {
        var (decoded, normalized) = Normalize(raw);
        if (normalized is null) return new PreparedDocument(decoded, null, NoSite);
        var (lines, failure) = StageGuard.Run("site lines", raw.Id, Options.StageBudget, () => SiteTemplateLearner.Candidates(normalized));
        return lines is null
            ? new PreparedDocument(decoded with { Diagnostics = [.. decoded.Diagnostics, failure!] }, null, NoSite)
            : new PreparedDocument(decoded, normalized, lines);
    }

    /// <summary>Whether the cleaning of a prepared document may depend on site templates, i.e. must wait for the
    /// templates learnt over the whole batch. Not for a text whose lines name no site: the cleaner reads the site
    /// from the same lines and source (<see cref="Cleaner"/>), finds none, and consults no template. An HTML page
    /// or PDF is read by the cleaner from other lines than its candidates (the rendered page, the cleaned pages),
    /// so it always waits.</summary>
    public static bool NeedsSiteTemplates(PreparedDocument prepared) =>
        prepared.Lines.Site is not null || prepared.Decoded.Format is DocumentFormat.Html or DocumentFormat.Pdf;

    /// <summary>The second pass over one prepared document: clean (with <paramref name="clean"/>'s site
    /// templates), structure and thresholds; a document that failed to prepare stays failed.</summary>
    public PolicyDocument Finish(PreparedDocument prepared, CleanOptions? clean = null) =>
        prepared.Normalized is { } ok ? Finish(ok, clean ?? Options.Clean) : Failed(prepared.Decoded);

    private static readonly SiteLines NoSite = new(null, []);

    /// <summary>Decoded and normalised text; Normalized is null when decoding or normalising failed (the error
    /// is in Decoded's diagnostics). Nothing a stage throws leaves this function.</summary>
    private (DecodedDocument Decoded, NormalizedDocument? Normalized) Normalize(RawDocument raw)
    {
        // No encoding takes more than 4 bytes a character: text bytes past 4× the limit are refused undecoded.
        if (raw.Bytes.LongLength > 4L * Options.MaxTextChars && !raw.Bytes.AsSpan().StartsWith("%PDF"u8))
            return (Undecoded(raw, new Diagnostic(DiagnosticCode.TooLarge, raw.Id, null,
                $"too large: {raw.Bytes.LongLength} bytes of text hold more than the limit of {Options.MaxTextChars} characters")), null);
        var (decoded, decodeFailure) = StageGuard.Run("decode", raw.Id, Options.StageBudget, () => _decoder.Decode(raw));
        if (decoded is null)
            return (Undecoded(raw, decodeFailure!), null);
        if (decoded.Diagnostics.Any(d => d.IsError))
            return (decoded, null);
        if (decoded.Text.Length > Options.MaxTextChars)
            return (decoded with
            {
                Text = "",
                Diagnostics = [.. decoded.Diagnostics, new Diagnostic(DiagnosticCode.TooLarge, raw.Id, null,
                    $"too large: the text has {decoded.Text.Length} characters, over the limit of {Options.MaxTextChars}")],
            }, null);
        var normalizeOptions = decoded.Format == DocumentFormat.Html
            ? Options.Normalize with { CharactersOnly = true }
            : Options.Normalize;
        var (normalized, failure) = StageGuard.Run("normalize", raw.Id, Options.StageBudget,
            () => Normalizer.Normalize(decoded.Text, normalizeOptions));
        if (normalized is null)
            return (decoded with { Diagnostics = [.. decoded.Diagnostics, failure!] }, null);
        return (decoded, new NormalizedDocument(decoded, normalized.Text, normalized.Fired, decoded.Diagnostics));
    }

    /// <summary>Clean, structure and thresholds for one document; a stage that throws or runs past its budget
    /// makes the document a failed one with that diagnostic, and the others go on.</summary>
    private PolicyDocument Finish(NormalizedDocument normalized, CleanOptions cleanOptions)
    {
        var decoded = normalized.Decoded;
        var budget = Options.StageBudget;
        var (clean, failure) = StageGuard.Run("clean", decoded.Id, budget, () => Cleaner.Clean(normalized, cleanOptions));
        if (clean is null) return Failed(decoded, failure!);

        var (structure, structureFailure) = StageGuard.Run("structure", decoded.Id, budget,
            () => StructureExtractor.Extract(clean.Text, clean.Page, Options.Structure));
        if (structure is null) return Failed(decoded, structureFailure!);
        var structureDiagnostics = structure.Diagnostics.Select(d => d with { DocumentId = decoded.Id });

        var (thresholds, thresholdFailure) = StageGuard.Run("thresholds", decoded.Id, budget,
            () => ThresholdExtractor.Extract(clean.Text, structure.Outline, Options.Thresholds with { DocumentId = decoded.Id }) is var read
                ? read with { Thresholds = ProgrammePass.Apply(clean.Text, structure.Metadata, read.Thresholds) } : null);
        if (thresholds is null) return Failed(decoded, thresholdFailure!);

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

    private static DecodedDocument Undecoded(RawDocument raw, Diagnostic failure) =>
        new(raw.Id, raw.Source, DocumentFormat.Txt, "unknown", "none", "", [failure]);

    private static PolicyDocument Failed(DecodedDocument decoded, Diagnostic? failure = null) =>
        new(decoded.Id, decoded.Source, decoded.Format, decoded.Encoding, decoded.EncodingRule,
            PolicyMetadata.Empty, "", [], [], [], [], failure is null ? decoded.Diagnostics : [.. decoded.Diagnostics, failure]);
}
