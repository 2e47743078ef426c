using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using Xunit.Abstractions;

namespace ClusterPolicyMiner.Tests.RealPages;

/// <summary>The hand-written corpus of third-party pages (Data/RealPages) through the real pipeline, as one
/// batch so that furniture repeated across a site's pages can be learnt. Prints per-class precision and
/// recall and asserts floors (see Data/RealPages/README.md for the figures and why the floors are where they are).</summary>
public sealed class RealPageCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<(ExpectedPage, PolicyDocument)>> Results = new(Run);

    private static IReadOnlyList<(ExpectedPage, PolicyDocument)> Run()
    {
        var pages = RealPageManifest.Load();
        var raws = pages.Select(p => new RawDocument(Path.Combine(RealPageManifest.Folder, p.File),
            File.ReadAllBytes(Path.Combine(RealPageManifest.Folder, p.File)))).ToList();
        var docs = new DocumentPipeline(new()).ProcessBatch(raws);
        return [.. pages.Zip(docs)];
    }

    /// <summary>Floors per class: (precision, recall). Each is the figure measured when the corpus was
    /// written, rounded down so that one more miss passes and a regression on two or three pages fails
    /// (most classes have 35 to 42 items). Thresholds keep room for the threshold reader's own changes.
    /// Furniture never leaves a fact: that floor is 1.</summary>
    public static TheoryData<string, double, double> Floors => new()
    {
        { "furniture removal", 0.98, 0.95 },
        { "cms block", 0.95, 0.95 },
        { "jurisdiction", 0.95, 0.95 },
        { "level", 0.95, 0.95 },
        { "issuer", 0.95, 0.95 },
        { "title", 0.95, 0.95 },
        { "issued", 0.95, 0.95 },
        { "published", 0.95, 0.95 },
        { "docNumber", 0.95, 0.95 },
        { "kind", 0.92, 0.92 },
        { "status", 0.97, 0.97 },
        { "programme", 0.95, 0.95 },
        { "thresholds", 0.90, 0.92 },
        { "no fact from furniture", 1.0, 1.0 },
    };

    [Fact]
    public void TheCorpusHoldsAtLeastFortyPagesEachWithAnExpectation()
    {
        var pages = RealPageManifest.Load();
        Assert.True(pages.Count >= 40, $"{pages.Count} pages");
        var files = Directory.GetFiles(RealPageManifest.Folder).Select(f => Path.GetFileName(f))
            .Where(f => f.StartsWith('p')).Order().ToList();
        Assert.Equal(files, pages.Select(p => p.File).Order().ToList());
    }

    [Fact]
    public void PerClassFiguresArePrinted()
    {
        var table = RealPageScores.Table(RealPageScores.Score(Results.Value), withMisses: true);
        output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "realpages-figures.txt"), table);
    }

    [Theory]
    [MemberData(nameof(Floors))]
    public void EachClassStaysAboveItsFloor(string name, double precision, double recall)
    {
        var tally = RealPageScores.Score(Results.Value)[name];
        Assert.True(tally.Precision >= precision && tally.Recall >= recall,
            $"{name}: precision {tally.Precision:0.000} (floor {precision}), recall {tally.Recall:0.000} (floor {recall})\n"
            + string.Join('\n', tally.Misses));
    }
}
