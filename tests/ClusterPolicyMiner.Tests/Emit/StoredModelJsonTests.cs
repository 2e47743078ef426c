using System.Text;
using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>corpus/ ingested once into a store, as <c>cpm run</c> does.</summary>
public sealed class StoredCorpus : IDisposable
{
    private readonly TempFolder _dir = new();

    public StoredCorpus()
    {
        Store = PolicyStore.Open(_dir.File("a.db"));
        var raws = FileSource.Enumerate([TestPaths.Corpus]).Where(f => !f.IsSkipped).Select(f => FileSource.Read(f.Path).Document!);
        new Ingestor(new DocumentPipeline(new()), Store).Ingest(raws, loadSkipped: false);
        Headers = [.. Store.Headers().Where(h => !h.Failed)];
    }

    public PolicyStore Store { get; }

    public IReadOnlyList<DocumentHeader> Headers { get; }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
    }
}

/// <summary>The per-document outputs copy a stored model's JSON instead of parsing the model and writing it again:
/// right only because writing what was read gives back what was written, for every model of the corpus, and
/// because the JSON read under another source is what the writer gives of the model with that source.</summary>
public sealed class StoredModelJsonTests(StoredCorpus corpus) : IClassFixture<StoredCorpus>
{
    // Sources a run may show a model under: moved, with characters the JSON writer escapes or keeps as they are.
    private static readonly string[] OtherSources = ["其他/语料 \"引\" \\ 号\t.txt", "x/<a>&'+.html", "𬶨鱼/ｆｕｌｌ　width.pdf"];

    private byte[] Stored(DocumentHeader h) => corpus.Store.ModelUtf8(h.Id, PipelineVersion.Current)!;

    private static string MetadataJson(PolicyMetadata m) => PolicyJson.Write(DocumentHeader.Stub("x", "x", m));

    [Fact]
    public void EveryStoredModelOfTheCorpusIsWrittenBackAsTheJsonItWasStoredAs()
    {
        Assert.Equal(11, corpus.Headers.Count);
        foreach (var h in corpus.Headers)
        {
            var json = Encoding.UTF8.GetString(Stored(h));
            Assert.Equal(json, PolicyJson.Write(PolicyJson.Read(json)));
            Assert.Equal(json, PolicyJson.Write(corpus.Store.Load(h.Id)!));
        }
    }

    [Fact]
    public void TheStoredJsonGivesTheTextMetadataAndJsonOfTheModelUnderAnySource()
    {
        foreach (var h in corpus.Headers)
        {
            var model = corpus.Store.Load(h.Id)!;
            foreach (var source in OtherSources.Prepend(h.Source))
            {
                var read = StoredModelJson.Read(Stored(h), source);
                Assert.NotNull(read);
                Assert.False(read.Failed);
                Assert.Equal(model.Text, read.Text);
                Assert.Equal(MetadataJson(model.Metadata), MetadataJson(read.Metadata));
                Assert.Equal(PolicyJson.Write(model with { Source = source }), read.Json);
            }
        }
    }

    [Fact]
    public void AModelWithAnErrorIsFailedAndOneWithWarningsIsNot()
    {
        var doc = new PolicyDocument("x", "x.txt", DocumentFormat.Txt, "utf-8", "bom", PolicyMetadata.Empty, "第一条", [], [], [], [], []);
        StoredModelJson? Read(params DiagnosticCode[] codes) => StoredModelJson.Read(Encoding.UTF8.GetBytes(PolicyJson.Write(
            doc with { Diagnostics = [.. codes.Select(c => new Diagnostic(c, "x", 3, "m"))] })), "x.txt");
        Assert.False(Read()!.Failed);
        Assert.False(Read(DiagnosticCode.InvalidSequences, DiagnosticCode.NoBodyText)!.Failed);
        Assert.True(Read(DiagnosticCode.InvalidSequences, DiagnosticCode.StageFailed)!.Failed);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"text":"a","source":"b","cites":[],"diagnostics":[]}""")]
    [InlineData("""{"source":"b","cites":[],"text":"a","diagnostics":[{"code":"NoSuchCode"}]}""")]
    [InlineData("""{"source":"b","cites":[],"text":"a"}""")]
    public void JsonNotLaidOutAsTheWriterLaysItIsLeftToTheModel(string json) =>
        Assert.Null(StoredModelJson.Read(Encoding.UTF8.GetBytes(json), "b"));

    [Fact]
    public void AModelAnotherBuildWroteIsNotGivenAsJson()
    {
        var h = corpus.Headers[0];
        Assert.NotNull(corpus.Store.ModelUtf8(h.Id, PipelineVersion.Current));
        Assert.Null(corpus.Store.ModelUtf8(h.Id, "0:another-build"));
    }

    [Fact]
    public void TheCorpusOutputsFromTheStoredJsonAreTheOutputsFromTheModels()
    {
        var store = corpus.Store;
        // One document shown under a source it was not stored with, as a moved file is.
        var headers = corpus.Headers.Select((h, i) => i == 0 ? h with { Source = "moved/" + OtherSources[0] } : h).ToList();
        var loads = 0;
        var fromModels = new CorpusView(headers, h => store.Load(h.Id)) { Summaries = h => store.SummaryOf(h.Id) };
        var fromJson = new CorpusView(headers, h => { loads++; return store.Load(h.Id); })
        {
            Summaries = h => store.SummaryOf(h.Id), ModelJson = h => store.ModelUtf8(h.Id, PipelineVersion.Current),
        };
        static IEnumerable<(string, string)> Files(CorpusView view) =>
            CorpusOutputs.Stream(view, []).OrderBy(f => f.RelativePath, StringComparer.Ordinal).Select(f => (f.RelativePath, f.Content));
        var expected = Files(fromModels).ToList();
        Assert.Equal(expected, Files(fromJson));
        Assert.Contains(expected, f => f.Item2.Contains("moved/其他", StringComparison.Ordinal));
        // Only the report loaded models: fewer than one per document.
        Assert.InRange(loads, 0, headers.Count - 1);
    }
}
