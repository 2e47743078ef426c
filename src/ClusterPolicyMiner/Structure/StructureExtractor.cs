using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Structure;

/// <summary>Options of the structure stage.</summary>
public sealed record StructureOptions
{
    /// <summary>Read the metadata as well as the outline (the conformance run needs only the outline).</summary>
    public bool ReadMetadata { get; init; } = true;
}

/// <summary>The outline of the measure, the notice's metadata, and what could not be read.</summary>
public sealed record StructureResult(
    IReadOnlyList<OutlineNode> Outline,
    PolicyMetadata Metadata,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Reads the outline (parts, chapters, sections, articles, items, subitems, annexes) and the
/// metadata of a clean notice. Pure: no I/O; bad or unusual text gives diagnostics, never exceptions.</summary>
/// <remarks>The notice wrapper (its title, addressees, body, signature and attachment list) appears in
/// the metadata only; the outline holds the headings of the text, so for a 印发 notice it is the outline
/// of the measure it carries, and for an application notice the parts of the notice itself.</remarks>
public static class StructureExtractor
{
    public static StructureResult Extract(string cleanText, PageInfo page, StructureOptions? options = null)
    {
        options ??= new StructureOptions();
        var wrapper = NoticeWrapper.Read(cleanText);
        var builder = new OutlineBuilder(cleanText);
        var outline = builder.Build(wrapper.Cuts);
        if (!options.ReadMetadata)
            return new StructureResult(outline, PolicyMetadata.Empty, builder.Diagnostics);

        var (metadata, metadataDiagnostics) = MetadataReader.Read(cleanText, page, wrapper, outline);
        return new StructureResult(outline, metadata, [.. builder.Diagnostics, .. metadataDiagnostics]);
    }
}
