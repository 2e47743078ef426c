using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ClusterPolicyMiner.Normalize.OpenCC;

namespace ClusterPolicyMiner.Normalize;

/// <summary>Traditional → simplified conversion in managed code on OpenCC's own dictionaries and configs,
/// embedded in this assembly (see Normalize/OpenCC/SOURCE.md). Gives the output OpenCC gives for the same
/// dictionaries: the config's <c>normalization</c> pass over the whole text, then the <c>segmentation</c>
/// (maximum forward match) when the config has one, then each <c>conversion_chain</c> step over each
/// segment. Immutable and thread-safe.</summary>
public sealed class OpenCcConverter
{
    private const string ResourcePrefix = "ClusterPolicyMiner.Normalize.OpenCC.";
    private static readonly ConcurrentDictionary<string, Lazy<OpenCcConverter>> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<OpenCcDictionary>> Dictionaries = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<OpenCcGroup> _normalization;
    private readonly OpenCcGroup? _segmentation;
    private readonly IReadOnlyList<OpenCcGroup> _chain;

    /// <summary>The config's short name: t2s, tw2s or hk2s.</summary>
    public string Config { get; }

    private OpenCcConverter(string config, IReadOnlyList<OpenCcGroup> normalization, OpenCcGroup? segmentation,
        IReadOnlyList<OpenCcGroup> chain)
    {
        Config = config;
        _normalization = normalization;
        _segmentation = segmentation;
        _chain = chain;
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
        foreach (var step in _normalization)
            text = step.Convert(text);
        if (_segmentation is null)
        {
            foreach (var step in _chain)
                text = step.Convert(text);
            return text;
        }

        // With a segmentation, a step's match never crosses a segment boundary (OpenCC converts each
        // segment on its own), which matters for the variant steps of tw2s and hk2s.
        var sb = new StringBuilder(text.Length + 16);
        foreach (var segment in Segment(text))
        {
            var converted = segment;
            foreach (var step in _chain)
                converted = step.Convert(converted);
            sb.Append(converted);
        }
        var result = sb.ToString();
        return result == text ? text : result;
    }

    /// <summary>OpenCC's MaxMatchSegmentation: each dictionary match is a segment; the characters between
    /// matches form one segment together.</summary>
    private IEnumerable<string> Segment(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var length = _segmentation!.MatchPrefix(text.AsSpan(i), out _);
            if (length == 0) { i++; continue; }
            if (i > start) yield return text[start..i];
            yield return text.Substring(i, length);
            i += length;
            start = i;
        }
        if (i > start) yield return text[start..i];
    }

    private static OpenCcConverter Load(string name)
    {
        using var doc = JsonDocument.Parse(ReadResource(name + ".json"));
        var root = doc.RootElement;
        var normalization = root.TryGetProperty("normalization", out var norm)
            ? norm.EnumerateArray().Select(s => Group(s.GetProperty("dict"))).ToList()
            : [];
        var segmentation = root.TryGetProperty("segmentation", out var seg) && seg.TryGetProperty("dict", out var segDict)
            ? Group(segDict)
            : null;
        var chain = root.GetProperty("conversion_chain").EnumerateArray()
            .Select(s => Group(s.GetProperty("dict"))).ToList();
        return new OpenCcConverter(name, normalization, segmentation, chain);
    }

    private static OpenCcGroup Group(JsonElement dict) =>
        dict.GetProperty("type").GetString() == "group"
            ? new OpenCcGroup([.. dict.GetProperty("dicts").EnumerateArray().Select(Dictionary)])
            : new OpenCcGroup([Dictionary(dict)]);

    private static OpenCcDictionary Dictionary(JsonElement dict)
    {
        var file = Path.GetFileNameWithoutExtension(dict.GetProperty("file").GetString()!);
        return Dictionaries.GetOrAdd(file, f => new Lazy<OpenCcDictionary>(() => LoadDictionary(f))).Value;
    }

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
