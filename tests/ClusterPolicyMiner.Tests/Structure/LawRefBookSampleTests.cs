using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>Article boundaries on the 50 regulations copied from LawRefBook/Laws (Data/lawrefbook-sample).</summary>
public sealed class LawRefBookSampleTests
{
    private const double Target = 0.995;

    private static List<LawRefBookRegulation> Sample()
    {
        var root = Path.Combine(TestPaths.TestData, "lawrefbook-sample");
        return [.. Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "README.md")
            .Order(StringComparer.Ordinal)
            .Select(f => LawRefBook.Read(Path.GetRelativePath(root, f), File.ReadAllText(f)))];
    }

    [Fact]
    public void EveryFileOfTheSampleIsGroundTruthWithArticlesNumberedOneToN()
    {
        var sample = Sample();
        Assert.Equal(50, sample.Count);
        Assert.All(sample, r => Assert.True(r.NumbersRunOneToN, r.Name));
    }

    [Fact]
    public void ArticleBoundariesAgreeWithTheSampleToAtLeastNinetyNinePointFivePercent()
    {
        var score = LawRefBook.Score(Sample());
        Assert.True(score.Precision >= Target && score.Recall >= Target,
            score + Environment.NewLine + string.Join(Environment.NewLine, score.Failures));
    }

    [Fact]
    public void ArticleBoundariesAreFoundAsWellWhenTheTextHasNoLineBreaks()
    {
        // Seed 000 arrives as one line; the segmenter must not depend on line breaks.
        var score = LawRefBook.Score(Sample(), t => t.Replace('\n', ' '));
        Assert.True(score.Precision >= Target && score.Recall >= Target,
            score + Environment.NewLine + string.Join(Environment.NewLine, score.Failures));
    }

    public static TheoryData<string> Joinings() => [.. LawRefBook.Joinings.Keys];

    [Theory]
    [MemberData(nameof(Joinings))]
    public void ArticleBoundariesAreFoundWhenEachChapterOrTheWholeLawIsJoinedIntoOneLine(string joining)
    {
        // The conformance modes of `make conformance` on the sample: chapter-space, chapter-nospace, law-space, law-nospace, law-bare.
        var score = LawRefBook.Score(Sample().Select(LawRefBook.Joinings[joining]));
        Assert.Equal(score.Expected, Sample().Sum(r => r.Articles.Count));
        Assert.True(score.Precision >= Target && score.Recall >= Target,
            score + Environment.NewLine + string.Join(Environment.NewLine, score.Failures));
    }
}
