using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Normalize;

/// <summary>The same notice in traditional and in simplified characters normalises to the same text.</summary>
public sealed class TraditionalSimplifiedTests
{
    /// <summary>Where s2t followed by t2s does not give the simplified original back, as (line, simplified
    /// original, normalised traditional copy). Seed 001 has no such place: every character s2t changes,
    /// t2s maps back. A pair that appears must be listed here with the reason.</summary>
    private static readonly (int Line, string Simplified, string FromTraditional)[] ExpectedDifferences = [];

    [Fact]
    public void Seed001AndItsTraditionalCopyNormaliseToTheSameText()
    {
        var simplified = File.ReadAllText(Path.Combine(TestPaths.Corpus, "shaanxi-2023-implementing-measures.txt"));
        var traditional = File.ReadAllText(Path.Combine(TestPaths.TestData, "shaanxi-2023.zh-hant.txt"));
        Assert.NotEqual(simplified, traditional);

        var fromSimplified = Normalizer.Normalize(simplified);
        var fromTraditional = Normalizer.Normalize(traditional);

        Assert.DoesNotContain("t2s", fromSimplified.Fired);
        Assert.Contains("t2s", fromTraditional.Fired);
        var a = fromSimplified.Text.Split('\n');
        var b = fromTraditional.Text.Split('\n');
        Assert.Equal(a.Length, b.Length);
        var differences = a.Zip(b).Select((p, i) => (Line: i + 1, p.First, p.Second)).Where(d => d.First != d.Second).ToList();
        Assert.Equal(ExpectedDifferences, differences);
    }

    [Fact]
    public void TheSimplifiedSeedKeepsEveryArticleAndItsTitleJoinedOnOneLine()
    {
        var text = Normalizer.Normalize(File.ReadAllText(Path.Combine(TestPaths.Corpus, "shaanxi-2023-implementing-measures.txt"))).Text;
        Assert.Contains("\n关于印发《陕西省促进中小企业特色产业集群发展实施办法（暂行）》的通知\n", text);
        Assert.Contains("\n第一章 总则\n第一条 按照工业和信息化部", text);
        Assert.Contains("\n第二十一条 本办法自印发之日起实施，有效期2年。\n", text);
        Assert.DoesNotContain("  ", text);
    }
}
