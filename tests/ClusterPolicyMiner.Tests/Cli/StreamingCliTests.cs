using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

public class StreamingCliTests
{
    private static async Task<string> Cpm(string stdin, params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        Assert.Equal(0, await CpmApp.RunAsync(args, new StringReader(stdin), o, e));
        Assert.Equal("", e.ToString());
        return o.ToString();
    }

    [Fact]
    public async Task ConvertOverSeveralChunksGivesWhatConvertingTheWholeTextGives()
    {
        // More than two chunks of traditional text, one line longer than a chunk, no final line break.
        var page = File.ReadAllText(Path.Combine(TestPaths.Corpus, "shaanxi-2023-implementing-measures.zh-hant.txt"));
        var longLine = string.Concat(Enumerable.Repeat("中小企業特色產業集群發展", 100_000));
        var input = string.Concat(Enumerable.Repeat(page, 600)) + longLine + "\n" + page.TrimEnd('\n');
        Assert.True(input.Length > 3 * (1 << 20));
        var expected = OpenCcConverter.Get("t2s").Convert(input);
        Assert.Equal(expected, await Cpm(input, "convert", "--config", "t2s"));
    }

    [Fact]
    public async Task ConvertOfEmptyInputPrintsNothing() => Assert.Equal("", await Cpm("", "convert"));

    /// <summary>The corpus's texts, traditional and simplified, repeated past a few megabytes; without blank
    /// lines when <paramref name="blankLines"/> is false.</summary>
    private static string CorpusText(bool blankLines)
    {
        var pages = Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var text = string.Join("\n\n", Enumerable.Range(0, 300).SelectMany(_ => pages));
        if (!blankLines) text = string.Join('\n', text.Split('\n').Where(l => l.Trim().Length > 0));
        return text;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NormalizeOfAMultiMegabyteInputGivesWhatNormalisingTheWholeTextGives(bool blankLines)
    {
        var input = CorpusText(blankLines);
        Assert.True(input.Length > 3 * (1 << 20));
        var expected = Normalizer.Normalize(input).Text;
        Assert.Equal(expected, await Cpm(input, "normalize"));
    }

    [Fact]
    public void ABlankLineIsNoSafeCutForTheNormaliserBecauseTheWrapWidthIsReadFromTheWholeText()
    {
        // Six lines hard-wrapped at 30 ideographs, a blank line, then a paragraph of two lines wrapped at the
        // same width inside a word (平方公|里): only the whole text shows the width, so only it joins them.
        const string line = "各地工业和信息化主管部门要加强组织领导，统筹推进集群培育";
        Assert.Equal(28, line.Length);
        var first = string.Concat(Enumerable.Repeat(line + "工作\n", 6));
        const string second = "集群主导产业占比不低于百分之五十，集群内企业占地面积十平方公\n里以上。\n";
        var whole = Normalizer.Normalize(first + "\n" + second).Text;
        var cut = Normalizer.Normalize(first).Text + "\n" + Normalizer.Normalize(second).Text;

        Assert.Contains("十平方公里以上。", whole);
        Assert.Contains("十平方公\n里以上。", cut);
        Assert.NotEqual(whole, cut);
    }
}
