using System.Text;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>The seeds' own clean text with its line breaks removed (joined with nothing, or with a space):
/// chapters and articles are the ones the text as written gives, at the same places.</summary>
public sealed class SeedsWithoutLineBreaksTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in new[] { "qinghai-2023-implementing-rules", "shaanxi-2023-implementing-measures", "beijing-2023-measures-draft" })
            foreach (var separator in new[] { "", " " })
                data.Add(seed, separator);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChaptersAndArticlesAreFoundAtTheSamePlacesWhenTheLineBreaksAreGone(string seed, string separator)
    {
        var text = SeedPipeline.Process(seed + ".txt").Text;
        var (joined, map) = Join(text, separator);
        var asWritten = Headings(text).ToList();
        Assert.Contains(asWritten, h => h.Path.EndsWith('条'));
        Assert.Equal(asWritten.Select(h => (h.Path, map[h.Start])), Headings(joined));
    }

    private static IEnumerable<(string Path, int Start)> Headings(string text) =>
        LawRefBook.Flatten(StructureExtractor.Extract(text, PageInfo.None).Outline)
            .Where(n => n.Kind is OutlineKind.Chapter or OutlineKind.Section or OutlineKind.Article)
            .Select(n => (n.Path, n.Start));

    /// <summary>The text with each run of line breaks (a blank line too) replaced by <paramref name="separator"/>,
    /// and where each offset went.</summary>
    private static (string Text, int[] Map) Join(string text, string separator)
    {
        var map = new int[text.Length + 1];
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = sb.Length;
            if (text[i] != '\n') sb.Append(text[i]);
            else if (i + 1 < text.Length && text[i + 1] != '\n') sb.Append(separator);
        }
        map[text.Length] = sb.Length;
        return (sb.ToString(), map);
    }
}
