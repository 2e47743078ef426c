using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>Main-content extraction on its own (what cpm extract --text prints) and the one parse per page
/// that the site-template learner and the cleaner share.</summary>
public sealed class MainContentTests
{
    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(TestPaths.Corpus).Where(f => f.EndsWith(".html") || f.EndsWith(".txt"))
            .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void TheCleanTextIsThePipelinesForTheFileAlone(string file)
    {
        var raw = new RawDocument(file, File.ReadAllBytes(Path.Combine(TestPaths.Corpus, file)));
        var decoded = new DocumentDecoder(new DecodeOptions()).Decode(raw);
        var text = MainContent.Of(decoded).Text;
        Assert.Equal(new DocumentPipeline(new()).Process(raw).Text, text);
        Assert.True(LineCount(text) >= 5, $"{file}: {LineCount(text)} lines of clean text");
    }

    [Fact]
    public void APageIsParsedOnceForTheLearnerAndTheCleanerAndReadsAsAFreshParse()
    {
        var markup = File.ReadAllText(Path.Combine(TestPaths.Corpus, "beijing-2023-measures-draft.portal.gbk.html"),
            System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!);
        var page = HtmlPage.Of(markup);
        Assert.Same(page, HtmlPage.Of(markup));
        var fresh = HtmlContentExtractor.Extract(new string(markup.AsSpan()));
        Assert.Equal(fresh, page.Text);
        var expected = Cleaner.SplitLines(Normalizer.Normalize(fresh.PageText).Text);
        Assert.Equal(expected, page.Lines(new NormalizeOptions()));
        Assert.Equal(Cleaner.SplitLines(Normalizer.Normalize(fresh.PageText, new() { OpenCcConfig = "tw2s" }).Text),
            page.Lines(new NormalizeOptions { OpenCcConfig = "tw2s" }));
        Assert.Equal(expected, page.Lines(new NormalizeOptions()));
    }

    [Fact]
    public void ALinkListWithMoreTextThanTheNoticeIsNotItsMainContent()
    {
        var links = string.Concat(Enumerable.Range(1, 30).Select(i => $"<li><a href=\"/n{i}\">关于开展第{i}批中小企业特色产业集群培育工作的通知</a></li>"));
        const string body = "<p>各区县工业和信息化主管部门：</p><p>为贯彻落实促进中小企业特色产业集群发展的要求，现将有关事项通知如下。</p>" +
                            "<p>一、申报条件。集群主导产业产值占集群总产值比重不低于百分之五十，近三年年均增速不低于百分之五。</p>";
        var html = $"<html><body><div id=\"list\"><ul>{links}</ul></div><div id=\"main\">{body}</div></body></html>";
        var text = HtmlContentExtractor.Extract(html).ContentText;
        Assert.StartsWith("各区县工业和信息化主管部门：", text);
        Assert.DoesNotContain("第3批", text);
    }

    private static int LineCount(string text) => text.Count(c => c == '\n');
}
