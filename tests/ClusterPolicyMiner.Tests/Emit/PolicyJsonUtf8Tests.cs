using System.Text;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>The store compresses <see cref="PolicyJson.WriteUtf8"/>: it must be exactly the UTF-8 of
/// <see cref="PolicyJson.Write"/>, or a store written by one would not read back as the other's outputs.</summary>
public sealed class PolicyJsonUtf8Tests
{
    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(TestPaths.Corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal).OfType<string>()];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void TheUtf8WriterGivesTheBytesOfTheStringWriter(string file)
    {
        var doc = CorpusPipeline.Process(file);
        Assert.Equal(Encoding.UTF8.GetBytes(PolicyJson.Write(doc)), PolicyJson.WriteUtf8(doc));
        Assert.Equal(Encoding.UTF8.GetBytes(PolicyJson.Write(doc, indented: false)), PolicyJson.WriteUtf8(doc, indented: false));
        Assert.Equal(Encoding.UTF8.GetBytes(RuleSummary.Write(doc)), RuleSummary.WriteUtf8(doc));
    }

    [Fact]
    public void AnEmptyModelAndOneWithControlAndAstralCharactersToo()
    {
        // Written for this test: a text with a tab, a carriage return, a quote and a supplementary-plane character.
        var doc = new PolicyDocument("x", "x.txt", DocumentFormat.Txt, "utf-8", "bom", PolicyMetadata.Empty,
            "第一条\t“引号”\r\n𬶨鱼\"", [], [], [], [], []);
        Assert.Equal(Encoding.UTF8.GetBytes(PolicyJson.Write(doc)), PolicyJson.WriteUtf8(doc));
        var empty = doc with { Text = "" };
        Assert.Equal(Encoding.UTF8.GetBytes(PolicyJson.Write(empty)), PolicyJson.WriteUtf8(empty));
    }
}
