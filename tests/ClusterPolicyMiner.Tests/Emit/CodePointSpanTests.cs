using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Structure;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>Spans in the JSON contract and in rule files count code points of `text` (DESIGN), while the
/// model keeps UTF-16 offsets: a supplementary-plane character (𬶨 U+2CDA8, 𠀾 U+2003E) before an article
/// and a threshold shifts the two apart.</summary>
public sealed class CodePointSpanTests
{
    // Written for this test: a measure whose first article names a fish written outside the BMP.
    private const string Measure =
        "某省𬶨鱼特色产业集群认定办法\n" +
        "第一条 为了培育𬶨鱼、𠀾草等特色产业集群，制定本办法。\n" +
        "第二条 申报集群主导产业产值不低于10亿元。\n" +
        "第三条 本办法自2024年1月1日起施行。\n";

    private static PolicyDocument Process() =>
        new DocumentPipeline(new()).Process(new RawDocument("spans.txt", Encoding.UTF8.GetBytes(Measure)));

    /// <summary>Python's s[start:end]: the code points of <paramref name="text"/> from start to end.</summary>
    private static string Slice(string text, int start, int end)
    {
        var runes = text.EnumerateRunes().ToArray();
        return string.Concat(runes[start..end].Select(r => r.ToString()));
    }

    [Fact]
    public void TheContractsOutlineSpansSliceTheTextByCodePoint()
    {
        var doc = Process();
        var json = JsonNode.Parse(PolicyJson.Write(doc))!;
        var text = json["text"]!.GetValue<string>();
        Assert.Contains("𬶨", text);
        var articles = LawRefBook.Flatten(PolicyJson.Read(PolicyJson.Write(doc)).Outline)
            .Where(n => n.Kind == OutlineKind.Article).ToList();
        Assert.Equal(3, articles.Count);
        var emitted = json["outline"]!.AsArray().Select(n => (Start: n!["start"]!.GetValue<int>(), End: n["end"]!.GetValue<int>())).ToList();
        Assert.Equal(3, emitted.Count);

        Assert.StartsWith("第二条 申报集群", Slice(text, emitted[1].Start, emitted[1].End));
        Assert.EndsWith("不低于10亿元。", Slice(text, emitted[1].Start, emitted[1].End));
        Assert.Equal("第三条 本办法自2024年1月1日起施行。", Slice(text, emitted[2].Start, emitted[2].End));
        // Three supplementary characters precede 第二条: its UTF-16 offset is three more.
        Assert.Equal(text.IndexOf("第二条", StringComparison.Ordinal) - 3, emitted[1].Start);
    }

    [Fact]
    public void TheContractsThresholdSpansSliceTheTextByCodePointToTheirQuote()
    {
        var json = JsonNode.Parse(PolicyJson.Write(Process()))!;
        var text = json["text"]!.GetValue<string>();
        var threshold = Assert.Single(json["thresholds"]!.AsArray(), t => t!["value"]?.ToJsonString() == "1000000000");
        var source = threshold!["source"]!;
        var (start, end) = (source["start"]!.GetValue<int>(), source["end"]!.GetValue<int>());
        Assert.Equal(source["quote"]!.GetValue<string>(), Slice(text, start, end));
        Assert.Contains("10亿元", Slice(text, start, end));
    }

    [Fact]
    public void ReadingTheContractBackGivesTheModelsUtf16OffsetsAgain()
    {
        var doc = Process();
        var back = PolicyJson.Read(PolicyJson.Write(doc));
        Assert.Equal(LawRefBook.Flatten(doc.Outline).Select(n => (n.Start, n.End)), LawRefBook.Flatten(back.Outline).Select(n => (n.Start, n.End)));
        Assert.Equal(doc.Thresholds.Select(t => (t.Source.Start, t.Source.End)), back.Thresholds.Select(t => (t.Source.Start, t.Source.End)));
        Assert.Equal(PolicyJson.Write(doc), PolicyJson.Write(back));
    }

    [Fact]
    public void RuleFileCitationsSliceTheTextByCodePointToTheirQuote()
    {
        var doc = Process();
        var rules = RuleJson.Build(doc, RuleFileWriter.FormatVersion)["rules"]!.AsArray();
        Assert.NotEmpty(rules);
        foreach (var citation in rules.Select(r => r!["citation"]!))
            Assert.Equal(citation["quote"]!.GetValue<string>(),
                Slice(doc.Text, citation["start"]!.GetValue<int>(), citation["end"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("abc", new[] { 0, 1, 2, 3 }, new[] { 0, 1, 2, 3 })]
    [InlineData("a𬶨b", new[] { 0, 1, 3, 4 }, new[] { 0, 1, 2, 3 })]
    [InlineData("𬶨𠀾", new[] { 0, 2, 4 }, new[] { 0, 1, 2 })]
    [InlineData("a\uD800b", new[] { 0, 1, 2, 3 }, new[] { 0, 1, 2, 3 })] // a lone surrogate is one code point
    public void OffsetsConvertBothWaysAtEveryCharacterBoundary(string text, int[] utf16, int[] codePoints)
    {
        var offsets = new CodePointOffsets(text);
        Assert.Equal(codePoints, utf16.Select(offsets.ToCodePoints));
        Assert.Equal(utf16, codePoints.Select(offsets.ToUtf16));
    }
}
