using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>The fixtures of corpus/ were made from the seeds (corpus/SOURCES.md): each must come out of the
/// pipeline as the text of the seed it was made from, so that decoding, extraction and cleaning lose nothing
/// and add nothing. Where a fixture really differs from its seed, the test says what and why.</summary>
public sealed class FixtureFidelityTests
{
    private static PolicyDocument Doc(string file) => CorpusPipeline.Process(file);

    /// <summary>Metadata is a record holding a list of citations, which compares by reference: both parts.</summary>
    private static void AssertSameMetadata(PolicyDocument expected, PolicyDocument actual)
    {
        Assert.Equal(expected.Metadata, actual.Metadata with { Cites = expected.Metadata.Cites });
        Assert.Equal(expected.Metadata.Cites, actual.Metadata.Cites);
    }

    [Fact]
    public void TheGbkPortalPageCleansToExactlyTheTextOfSeed002()
    {
        var page = Doc("beijing-2023-measures-draft.portal.gbk.html");
        Assert.Equal(Doc("beijing-2023-measures-draft.txt").Text, page.Text);
        Assert.Equal("gb18030", page.Encoding);
    }

    [Fact]
    public void TheBig5PageCleansToTheTextOfSeed003UnderThePagesOwnTitle()
    {
        // The page sets the notice's title as its <h2>; the seed's dump has no title line.
        var page = Doc("shanghai-2024-application-notice.portal.big5.html");
        Assert.Equal("关于开展2024年度上海市中小企业特色产业集群申报工作的通知\n"
            + Doc("shanghai-2024-application-notice.zh-hant.txt").Text, page.Text);
        Assert.Equal("关于开展2024年度上海市中小企业特色产业集群申报工作的通知", page.Metadata.Title);
    }

    [Fact]
    public void TheTraditionalRepostOfSeed001CleansToExactlyTheTextOfSeed001()
    {
        var seed = Doc("shaanxi-2023-implementing-measures.txt");
        var repost = Doc("shaanxi-2023-implementing-measures.zh-hant.txt");
        Assert.Equal(seed.Text, repost.Text);
        AssertSameMetadata(seed, repost);
    }

    [RequiresCommandFact("pdftotext", "poppler-utils")]
    public void ThePdfOfSeed001CleansToExactlyTheTextOfSeed001()
    {
        // Its centred title wraps over two lines, its pages end with 第N页共8页, articles run over page breaks.
        var pdf = Doc("shaanxi-2023-implementing-measures.libreoffice.pdf");
        var seed = Doc("shaanxi-2023-implementing-measures.txt");
        Assert.Equal(seed.Text, pdf.Text);
        AssertSameMetadata(seed, pdf);
        Assert.Equal(seed.Thresholds.Select(t => (t.Metric, t.Op, t.Value, t.Unit, t.Source)),
            pdf.Thresholds.Select(t => (t.Metric, t.Op, t.Value, t.Unit, t.Source)));
        Assert.Equal(11, pdf.Thresholds.Count);
    }

    [RequiresCommandFact("pdftotext", "poppler-utils")]
    public void ThePdfOfSeed000CleansToTheTextOfSeed000ParagraphForParagraph()
    {
        var pdf = Doc("qinghai-2023-implementing-rules.libreoffice.pdf");
        var seed = Doc("qinghai-2023-implementing-rules.txt");
        // One character is not in the PDF at all: LibreOffice 7.4 did not print the 、 that fell at the end
        // of a line in 第十一条 (县(市、区) is 县(市 / 区) on the rendered page), so pdftotext cannot see it.
        var expected = seed.Text.Replace("由所在地县(市、区)中小企业主管部门", "由所在地县(市区)中小企业主管部门");
        Assert.NotEqual(seed.Text, expected);
        Assert.Equal(expected, pdf.Text);
        AssertSameMetadata(seed, pdf);
        Assert.Equal(seed.Thresholds.Select(t => (t.Metric, t.Op, t.Value, t.Unit)),
            pdf.Thresholds.Select(t => (t.Metric, t.Op, t.Value, t.Unit)));
    }
}
