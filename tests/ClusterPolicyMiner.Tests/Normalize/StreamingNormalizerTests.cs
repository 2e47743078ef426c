using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ClusterPolicyMiner.Tests.Normalize;

/// <summary>The streaming normaliser gives the whole-text normaliser's output for any text and any chunk
/// sizes (the two passes need not cut the same chunks).</summary>
public sealed class StreamingNormalizerTests
{
    private static string Streamed(string text, int gatherSize, int writeSize, NormalizeOptions? options = null)
    {
        var normalizer = new StreamingNormalizer(options);
        var facts = normalizer.Gather(StreamingNormalizer.Chunks(new StringReader(text), gatherSize));
        using var output = new StringWriter();
        normalizer.Write(StreamingNormalizer.Chunks(new StringReader(text), writeSize), facts, output);
        return output.ToString();
    }

    private static void SameAsWhole(string text, int gatherSize, int writeSize, NormalizeOptions? options = null)
    {
        var whole = Normalizer.Normalize(text, options).Text;
        var streamed = Streamed(text, gatherSize, writeSize, options);
        if (whole != streamed)
            throw new InvalidOperationException(
                $"sizes {gatherSize}/{writeSize}, input {Escape(text)}\nwhole    {Escape(whole)}\nstreamed {Escape(streamed)}");
    }

    private static string Escape(string s) => System.Text.Json.JsonSerializer.Serialize(s,
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The pieces of <see cref="NormalizerPropertyTests"/>, plus what the whole-text facts are about:
    /// lines as wide as a hard-wrapped page's, running headers and footers, page breaks and blank lines.</summary>
    private static readonly string[] Pieces =
    [
        "區", "(qū)", "業", "(yè)", "門(mén)", "产", "產", "特色", "集群", "發展", "薴", "苧", "上鍊", "乾元", "𠵾",
        "年", "亿元", "号", "(2023)", "(a)", "[", "]", "〔", "〕", "（", "）", "《", "》", "，", "、", "。", "；", "：",
        "２０２３", "2025", "40", "1.", "XX", "第一章", "第一条", "（一）", "一、", "附件", "陕工信发[2023]89号",
        " ", "  ", "\u3000", "\t", "\u200B",
        "\n", "\n", "\n\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", " \n", "\n \n", "\f", "\f\n", "\u2028",
        "\n- 3 -\n", "\n- 12 -\n\n", "\n\n- 7 -\n\n", "\nXX省工业和信息化厅文件\n", "\n\f\n- 4 -\n\f\n",
        "\n各地工业和信息化主管部门要加强组织领导，统筹推进集群培育工作\n",
        "\n集群主导产业占比不低于百分之五十，集群内企业占地面积十平方公\n",
        "\n里以上。按照工业和信息化部有关要求认真组织实施集群培育工作。\n",
    ];

    private static Arbitrary<(string Text, int Gather, int Write)> Cases() =>
        (from pieces in Gen.Elements(Pieces).ArrayOf().Resize(300)
         from gather in Gen.Choose(1, 80)
         from write in Gen.Choose(1, 80)
         select (string.Concat(pieces), gather, write)).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property ChunkedOutputEqualsWholeTextOutput() =>
        Prop.ForAll(Cases(), c => SameAsWhole(c.Text, c.Gather, c.Write));

    [Property(MaxTest = 100)]
    public Property ChunkedOutputEqualsWholeTextOutputWithCharactersOnly() =>
        Prop.ForAll(Cases(), c => SameAsWhole(c.Text, c.Gather, c.Write, new NormalizeOptions { CharactersOnly = true }));

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal)) data.Add(f);
        if (TestPaths.Shared is { } shared)
            foreach (var f in Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal)) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EachCorpusAndSeedTextStreamedGivesItsWholeTextOutput(string path)
    {
        var text = File.ReadAllText(path);
        foreach (var (gather, write) in new[] { (1, 1), (7, 64), (64, 7), (300, 1000), (4096, 4096) })
            SameAsWhole(text, gather, write);
        // Several texts in a row, and the same text with blank lines between the pages of a hard-wrapped one.
        SameAsWhole(string.Join("\n\n", Enumerable.Repeat(text, 5)), 512, 97);
    }

    /// <summary>A text hard-wrapped at 30 ideographs whose pages end in a footer (- 3 -) between blank lines:
    /// the footer and the blank lines around it go, so a paragraph cut by a page goes on across them; chunks
    /// cut at those blank lines would keep the footer's blank lines, and the streaming normaliser does not cut there.</summary>
    [Fact]
    public void ARunningFooterBetweenBlankLinesIsDroppedAsInTheWholeText()
    {
        const string line = "各地工业和信息化主管部门要加强组织领导，统筹推进集群培育工作";
        var pages = Enumerable.Range(1, 6).Select(n => string.Concat(Enumerable.Repeat(line + "\n", 5)) + "集群主导产业占比不低于百分之五十，集群内企业占地总面积十平方公\n\n- " + n + " -\n\n里以上。\n");
        var text = string.Join("\n", pages);
        var whole = Normalizer.Normalize(text).Text;
        Assert.Contains("十平方公里以上。", whole);
        Assert.DoesNotContain("- 3 -", whole);
        foreach (var size in new[] { 1, 16, 200 }) Assert.Equal(whole, Streamed(text, size, size));
    }

    [Fact]
    public void ChunksEndAtBlankLinesAndMakeUpTheText()
    {
        var text = "第一条 甲。\n\n第二条 乙。\n\n\n第三条 丙。\n丁\n\n";
        var chunks = StreamingNormalizer.Chunks(new StringReader(text), 4).ToList();
        Assert.Equal(text, string.Concat(chunks));
        Assert.True(chunks.Count > 1);
        Assert.All(chunks.SkipLast(1), c => Assert.EndsWith("\n\n", c));
    }

    /// <summary>Memory, without timing: a 16 MB text with blank lines is never held more than a few chunks at
    /// a time, in either pass.</summary>
    [Fact]
    public void ALargeTextIsHeldAFewChunksAtATime()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.Corpus, "shaanxi-2023-implementing-measures.zh-hant.txt"));
        var text = string.Join("\n\n", Enumerable.Repeat(page, (8 << 20) / page.Length + 1));
        Assert.True(text.Length > 8 << 20);
        const int size = 1 << 16;
        var normalizer = new StreamingNormalizer();
        var facts = normalizer.Gather(StreamingNormalizer.Chunks(new StringReader(text), size));
        Assert.InRange(normalizer.MostHeld, 1, 3L * size);
        var output = new LengthWriter();
        normalizer.Write(StreamingNormalizer.Chunks(new StringReader(text), size), facts, output);
        Assert.InRange(normalizer.MostHeld, 1, 3L * size);
        Assert.Equal(Normalizer.Normalize(text).Text.Length, output.Length);
    }

    private sealed class LengthWriter : TextWriter
    {
        public long Length { get; private set; }
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) => Length++;
        public override void Write(string? value) => Length += value?.Length ?? 0;
    }
}
