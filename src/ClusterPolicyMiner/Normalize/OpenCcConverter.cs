using System.Collections.Concurrent;
using System.Text;
using ClusterPolicyMiner.Normalize.OpenCC;

namespace ClusterPolicyMiner.Normalize;

/// <summary>Traditional → simplified conversion in managed code on OpenCC's own dictionaries and configs,
/// embedded in this assembly (see Normalize/OpenCC/SOURCE.md). Gives the output OpenCC gives for the same
/// dictionaries: the config's <c>normalization</c> pass over the whole text, then the <c>segmentation</c>
/// (maximum forward match) when the config has one, then each <c>conversion_chain</c> step over each
/// segment. Immutable and thread-safe. The configs' steps are written out in <see cref="OpenCcConfigs"/> (checked
/// against OpenCC's JSON files by a test), so loading one parses only its dictionaries.</summary>
public sealed class OpenCcConverter
{
    private const string ResourcePrefix = "ClusterPolicyMiner.Normalize.OpenCC.";
    private static readonly ConcurrentDictionary<string, Lazy<OpenCcConverter>> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<OpenCcDictionary>> Dictionaries = new(StringComparer.Ordinal);

    private readonly OpenCcGroup[] _normalization;
    private readonly OpenCcGroup? _segmentation;
    private readonly OpenCcGroup[] _chain;

    /// <summary>The config's short name: t2s, tw2s or hk2s.</summary>
    public string Config { get; }

    private OpenCcConverter(string config, IReadOnlyList<OpenCcGroup> normalization, OpenCcGroup? segmentation,
        IReadOnlyList<OpenCcGroup> chain)
    {
        Config = config;
        _normalization = [.. normalization];
        _segmentation = segmentation;
        _chain = [.. chain];
    }

    /// <summary>The configs embedded: t2s, tw2s, hk2s.</summary>
    public static IReadOnlyList<string> Configs { get; } = ["hk2s", "t2s", "tw2s"];

    /// <summary>The converter for a config (<c>t2s</c>, <c>tw2s</c>, <c>hk2s</c>, with or without
    /// <c>.json</c>), built once and cached.</summary>
    /// <exception cref="ArgumentException">The config is not one of <see cref="Configs"/>.</exception>
    public static OpenCcConverter Get(string config)
    {
        var name = config.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? config[..^5] : config;
        if (!Configs.Contains(name))
            throw new ArgumentException($"unknown OpenCC config '{config}' (expected one of {string.Join(", ", Configs)})",
                nameof(config));
        return Cache.GetOrAdd(name, n => new Lazy<OpenCcConverter>(() => Load(n))).Value;
    }

    /// <summary>Converts the text; returns the same instance when nothing changed.</summary>
    public string Convert(string text)
    {
        var converted = Convert(text, new OpenCcBuffers());
        return converted.SequenceEqual(text) ? text : new string(converted);
    }

    /// <summary>Converts the text into <paramref name="buffers"/> and returns the result, which stays valid
    /// until the next call with the same buffers. For streaming: a caller converting many chunks passes the
    /// same buffers each time and allocates nothing once they have grown. Chunks converted one by one give
    /// the conversion of their concatenation when each chunk ends at a line break (no key holds one).</summary>
    public ReadOnlySpan<char> Convert(ReadOnlySpan<char> text, OpenCcBuffers buffers)
    {
        for (var s = 0; s < _normalization.Length; s++)
        {
            if (_normalization[s].Leaves(text)) continue;
            ref var into = ref (s % 2 == 0 ? ref buffers.Normalized : ref buffers.NormalizedB);
            var length = _normalization[s].Convert(text, ref into, 0);
            text = into.AsSpan(0, length);
        }
        if (_segmentation is null) return Chain(text, buffers, 0);

        // With a segmentation, a step's match never crosses a segment boundary (OpenCC converts each
        // segment on its own), which matters for the variant steps of tw2s and hk2s. Segments are OpenCC's
        // MaxMatchSegmentation: each dictionary match is a segment; the characters between matches form one
        // segment together.
        var at = 0;
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var match = _segmentation.MatchPrefix(text[i..], out _);
            if (match == 0) { i++; continue; }
            if (i > start) at = Chain(text[start..i], buffers, at).Length;
            at = Chain(text.Slice(i, match), buffers, at).Length;
            i += match;
            start = i;
        }
        if (i > start) at = Chain(text[start..i], buffers, at).Length;
        return buffers.Output.AsSpan(0, at);
    }

    /// <summary>Runs the conversion chain over <paramref name="text"/> and appends the result to the output
    /// buffer at <paramref name="at"/>; returns the output buffer up to the end of what was written.</summary>
    private ReadOnlySpan<char> Chain(ReadOnlySpan<char> text, OpenCcBuffers buffers, int at)
    {
        var last = _chain.Length - 1;
        if (last < 0)
        {
            if (buffers.Output.Length < at + text.Length) Array.Resize(ref buffers.Output, at + text.Length);
            text.CopyTo(buffers.Output.AsSpan(at));
            return buffers.Output.AsSpan(0, at + text.Length);
        }
        for (var s = 0; s < last; s++)
        {
            ref var step = ref (s % 2 == 0 ? ref buffers.StepA : ref buffers.StepB);
            var length = _chain[s].Convert(text, ref step, 0);
            text = step.AsSpan(0, length);
        }
        var end = _chain[last].Convert(text, ref buffers.Output, at);
        return buffers.Output.AsSpan(0, end);
    }

    private static OpenCcConverter Load(string name)
    {
        var config = OpenCcConfigs.All.Single(c => c.Name == name);
        return new OpenCcConverter(name, [.. config.Normalization.Select(Group)],
            config.Segmentation is { } segmentation ? Group(segmentation) : null, [.. config.Chain.Select(Group)]);
    }

    private static OpenCcGroup Group(IReadOnlyList<string> dicts) => new([.. dicts.Select(Dictionary)]);

    private static OpenCcDictionary Dictionary(string name) =>
        Dictionaries.GetOrAdd(name, n => new Lazy<OpenCcDictionary>(() => LoadDictionary(n))).Value;

    private static OpenCcDictionary LoadDictionary(string name)
    {
        // TSCharactersExt is generated by OpenCC from TSCharacters' @tofu-risk entries; so it is here.
        if (name == "TSCharactersExt")
            return OpenCcDictionary.Build(OpenCcDictionaryFile.TofuRiskEntries(ReadResource("TSCharacters.txt")));
        if (ResourceExists(name + ".txt"))
            return OpenCcDictionary.Build(OpenCcDictionaryFile.Entries(ReadResource(name + ".txt")));
        if (name.EndsWith("Rev", StringComparison.Ordinal) && ResourceExists(name[..^3] + ".txt"))
            return OpenCcDictionary.Build(OpenCcDictionaryFile.ReversedEntries(ReadResource(name[..^3] + ".txt")));
        throw new InvalidOperationException($"OpenCC dictionary '{name}' is not embedded");
    }

    private static bool ResourceExists(string file) =>
        typeof(OpenCcConverter).Assembly.GetManifestResourceInfo(ResourcePrefix + file) is not null;

    private static string ReadResource(string file)
    {
        using var stream = typeof(OpenCcConverter).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"resource {file} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>The working buffers of <see cref="OpenCcConverter.Convert(ReadOnlySpan{char}, OpenCcBuffers)"/>: one
/// per thread or stream, reused from chunk to chunk; they grow to the largest chunk and stay.</summary>
public sealed class OpenCcBuffers
{
    internal char[] Normalized = [], NormalizedB = [], StepA = [], StepB = [], Output = [];
}
