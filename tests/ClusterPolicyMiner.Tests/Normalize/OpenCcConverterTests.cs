using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Normalize;

public sealed class OpenCcConverterTests
{
    /// <summary>Where the managed converter (OpenCC at commit 5249273a) and Debian's opencc command (1.1.5,
    /// older dictionaries, no normalization pass) may differ on the corpus: (file, config, ours, theirs).
    /// On the current corpus they agree on every character for all three configs, so the list is empty;
    /// a difference that appears must be added here with its reason.</summary>
    private static readonly (string File, string Config, string Ours, string Theirs)[] ExpectedCorpusDifferences = [];

    public static TheoryData<string> Configs() => new(OpenCcConverter.Configs);

    [RequiresCommandFact("opencc", "opencc")]
    public void EveryCorpusTextConvertsAsTheOpenccCommandDoesExceptTheListedDifferences()
    {
        var files = Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal)
            .Append(Path.Combine(TestPaths.TestData, "shaanxi-2023.zh-hant.txt")).ToList();
        Assert.True(files.Count >= 6);
        var found = new List<(string, string, string, string)>();
        foreach (var file in files)
        foreach (var config in OpenCcConverter.Configs)
        {
            var text = File.ReadAllText(file);
            var ours = OpenCcConverter.Get(config).Convert(text);
            var theirs = OpenCcCommand.Convert(config, text);
            found.AddRange(CharacterDifferences(ours, theirs).Select(d => (Path.GetFileName(file), config, d.Ours, d.Theirs)));
        }
        Assert.Equal(ExpectedCorpusDifferences, found);
    }

    /// <summary>Converting the same text twice through both tools catches character-level differences
    /// (the configs never change the number of characters of these texts, so a positional compare is exact;
    /// a length change is reported as one difference of the whole text).</summary>
    private static IEnumerable<(string Ours, string Theirs)> CharacterDifferences(string ours, string theirs)
    {
        if (ours.Length != theirs.Length) { yield return (ours, theirs); yield break; }
        for (var i = 0; i < ours.Length; i++)
            if (ours[i] != theirs[i]) yield return (ours[i].ToString(), theirs[i].ToString());
    }

    [Theory]
    // A phrase beats the characters: 鍊 alone is 炼, in 上鍊 it is 链; 乾 alone is 干, in 乾元 it stays.
    [InlineData("t2s", "上鍊 乾元 乾淨", "上链 乾元 干净")]
    // The normalization pre-pass maps the compatibility ideograph U+F900 to 豈 (U+8C48), which t2s makes 岂.
    [InlineData("t2s", "\uF900", "岂")]
    // A character outside the BMP (a surrogate pair) converts: 𠵾 is the simplified form of 㗲.
    [InlineData("t2s", "㗲𠵾", "𠵾𠵾")]
    [InlineData("t2s", "區(qū)域發展 2023年", "区(qū)域发展 2023年")]
    // Taiwan: 裡 is a Taiwan variant of 裏 (里); 著名 stays 著名 through TWVariantsRevPhrases.
    [InlineData("tw2s", "裡面 著名 臺灣", "里面 著名 台湾")]
    // Hong Kong: 衞 and 説 are Hong Kong variants; t2s leaves 衞 as it is, hk2s makes it 卫.
    [InlineData("hk2s", "衞生 説明 綫路", "卫生 说明 线路")]
    [InlineData("t2s", "衞生", "衞生")]
    public void ConvertsAsTheConfigDefines(string config, string input, string expected) =>
        Assert.Equal(expected, OpenCcConverter.Get(config).Convert(input));

    [Theory]
    [MemberData(nameof(Configs))]
    public void SimplifiedAsciiAndEmptyTextComeBackUnchanged(string config)
    {
        var converter = OpenCcConverter.Get(config);
        Assert.Equal("", converter.Convert(""));
        Assert.Equal("中小企业特色产业集群 ABC 123\n", converter.Convert("中小企业特色产业集群 ABC 123\n"));
    }

    [Fact]
    public void GetReturnsOneCachedConverterPerConfigWithOrWithoutJsonSuffix()
    {
        Assert.Same(OpenCcConverter.Get("t2s"), OpenCcConverter.Get("t2s.json"));
        Assert.NotSame(OpenCcConverter.Get("t2s"), OpenCcConverter.Get("hk2s"));
        Assert.Equal("tw2s", OpenCcConverter.Get("tw2s.json").Config);
    }

    [Fact]
    public void AnUnknownConfigIsRefusedWithTheKnownOnesNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => OpenCcConverter.Get("s2t"));
        Assert.Contains("t2s", error.Message);
    }

    [Fact]
    public void ConvertersBuiltOnManyThreadsAtOnceGiveTheSameOutput()
    {
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = OpenCcConverter.Get("hk2s").Convert("衞生說明，發展產業"));
        Assert.All(results, r => Assert.Equal("卫生说明，发展产业", r));
    }

    /// <summary>The streaming form: lines converted one after another into the same buffers give the
    /// conversion of the whole text, for every config (tw2s and hk2s segment the text first).</summary>
    [Theory]
    [MemberData(nameof(Configs))]
    public void LinesConvertedIntoReusedBuffersGiveTheConversionOfTheWhole(string config)
    {
        var converter = OpenCcConverter.Get(config);
        var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, "shanxi-2025-application-notice.zh-hant.txt"))
            + "上鍊 乾元 乾淨\n\uF900㗲\n裡面 著名 臺灣 衞生 説明 綫路\n" + new string('發', 5000) + "\n";
        var buffers = new OpenCcBuffers();
        var joined = string.Concat(text.Split('\n').Select((line, i) => line + (i < text.Count(c => c == '\n') ? "\n" : ""))
            .Select(line => converter.Convert(line.AsSpan(), buffers).ToString()));
        Assert.Equal(converter.Convert(text), joined);
        Assert.NotEqual(text, joined);
    }

    /// <summary>The steps written out in OpenCcConfigs are those of OpenCC's JSON files embedded beside them:
    /// normalization, segmentation and conversion chain, each a group of dictionaries in order.</summary>
    [Theory]
    [MemberData(nameof(Configs))]
    public void TheConfigTableIsWhatTheOpenccJsonFileSays(string config)
    {
        using var stream = typeof(OpenCcConverter).Assembly.GetManifestResourceStream($"ClusterPolicyMiner.Normalize.OpenCC.{config}.json")!;
        using var doc = System.Text.Json.JsonDocument.Parse(stream);
        var root = doc.RootElement;
        static string Name(System.Text.Json.JsonElement d) => Path.GetFileNameWithoutExtension(d.GetProperty("file").GetString()!);
        static string Group(System.Text.Json.JsonElement d) => d.GetProperty("type").GetString() == "group"
            ? string.Join(",", d.GetProperty("dicts").EnumerateArray().Select(Name)) : Name(d);
        static string Steps(System.Text.Json.JsonElement steps) => string.Join(" | ", steps.EnumerateArray().Select(s => Group(s.GetProperty("dict"))));
        var expected = (
            root.TryGetProperty("normalization", out var n) ? Steps(n) : "",
            root.TryGetProperty("segmentation", out var s) && s.TryGetProperty("dict", out var sd) ? Group(sd) : null,
            Steps(root.GetProperty("conversion_chain")));
        var table = ClusterPolicyMiner.Normalize.OpenCC.OpenCcConfigs.All.Single(c => c.Name == config);
        var actual = (
            string.Join(" | ", table.Normalization.Select(g => string.Join(",", g))),
            table.Segmentation is { } seg ? string.Join(",", seg) : null,
            string.Join(" | ", table.Chain.Select(g => string.Join(",", g))));
        Assert.Equal(expected, actual);
    }
}
