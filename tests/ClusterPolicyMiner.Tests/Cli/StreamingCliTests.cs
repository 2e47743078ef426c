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
}
