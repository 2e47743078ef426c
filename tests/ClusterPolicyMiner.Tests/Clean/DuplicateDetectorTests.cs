using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>Near-duplicate grouping by MinHash over character shingles.</summary>
public sealed class DuplicateDetectorTests
{
    private static string Beijing => CorpusPipeline.Process("beijing-2023-measures-draft.txt").Text;

    /// <summary>The same notice reposted: other furniture around it and a few words edited.</summary>
    private static string Repost(string text) =>
        "转载自某某产业网\n" + text.Replace("第十九条本办法发布之日起实施", "第十九条本办法自发布之日起实施")
            .Replace("原则上每年开展一次", "原则上每年组织一次") + "责任编辑：李四\n";

    /// <summary>The signature as defined: per hash function, the least splitmix64(FNV-1a(shingle) XOR seed)
    /// over the set of shingles, written as plainly as possible.</summary>
    private static ulong[] Reference(string content, int shingle, int hashes)
    {
        static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        static ulong Fnv(string s)
        {
            var h = 14695981039346656037UL;
            foreach (var c in s) h = (h ^ c) * 1099511628211UL;
            return h;
        }
        var state = 0x5EED_C1A5_7E20_2023UL;
        var seeds = Enumerable.Range(0, hashes).Select(_ => Mix(state += 0x9E3779B97F4A7C15UL)).ToArray();
        var shingles = content.Length < shingle ? [Fnv(content)]
            : Enumerable.Range(0, content.Length - shingle + 1).Select(i => Fnv(content.Substring(i, shingle))).ToHashSet();
        return [.. seeds.Select(seed => shingles.Min(h => Mix(h ^ seed)))];
    }

    [Theory]
    [InlineData("", 5, 128)]
    [InlineData("产业集群", 5, 128)]
    [InlineData("集群集群集群集群集群集群", 5, 128)]
    [InlineData("中小企业特色产业集群2024年认定申报", 5, 130)]
    [InlineData("中小企业特色产业集群2024年认定申报", 3, 3)]
    public void SignaturesAreTheDefinedMinima(string content, int shingle, int hashes) =>
        Assert.Equal(Reference(content, shingle, hashes), MinHash.Signature(content, shingle, hashes));

    [Fact]
    public void TheSignatureOfANoticeIsTheDefinedMinima()
    {
        var content = MinHash.Content(Beijing);
        Assert.DoesNotContain('，', content);
        Assert.Equal(Reference(content, 5, 128), MinHash.Signature(content, 5, 128));
    }

    [Fact]
    public void ARepostWithOtherFurnitureAndLightEditsFallsInOneGroupWithTheOriginal()
    {
        var groups = new DuplicateDetector().Group([("a", Beijing), ("b", Repost(Beijing))]);
        var g = Assert.Single(groups);
        Assert.Equal(["a", "b"], g.MemberIds);
        Assert.InRange(g.MinSimilarity, 0.8, 1.0);
    }

    [Fact]
    public void QinghaiAndShaanxiMeasuresShareWordingButAreNotDuplicates()
    {
        var qinghai = CorpusPipeline.Process("qinghai-2023-implementing-rules.txt").Text;
        var shaanxi = CorpusPipeline.Process("shaanxi-2023-implementing-measures.txt").Text;
        var detector = new DuplicateDetector();
        Assert.Empty(detector.Group([("qinghai", qinghai), ("shaanxi", shaanxi), ("beijing", Beijing)]));
        // They do share wording: a threshold low enough groups them, so the test above is not trivially true.
        Assert.NotEmpty(new DuplicateDetector(new DuplicateOptions { Threshold = 0.1 })
            .Group([("qinghai", qinghai), ("shaanxi", shaanxi)]));
    }

    [Fact]
    public void TheCanonicalMemberIsTheLongestTextThenTheSmallestIdAndGroupsAreOrderedByIt()
    {
        var text = Beijing;
        var longer = Repost(text) + "附注：本文另有说明。\n";
        var groups = new DuplicateDetector().Group([("z", text), ("y", longer), ("x", text), ("solo", "完全不同的一段文字，与其他文件无关。")]);
        var g = Assert.Single(groups);
        Assert.Equal("y", g.CanonicalId);
        Assert.Equal(["x", "y", "z"], g.MemberIds);

        var tie = Assert.Single(new DuplicateDetector().Group([("z", text), ("x", text)]));
        Assert.Equal("x", tie.CanonicalId);
        Assert.Equal(1.0, tie.MinSimilarity);
    }

    [Fact]
    public void AnOriginalIsCanonicalOverALongerCopyConvertedFromTraditionalCharacters()
    {
        var longer = Repost(Beijing) + "附注：本文另有说明。\n";
        var groups = new DuplicateDetector().Group([
            new DuplicateCandidate("a-converted", longer, Converted: true),
            new DuplicateCandidate("b-original", Beijing),
            new DuplicateCandidate("c-converted", Beijing, Converted: true),
        ]);
        Assert.Equal("b-original", Assert.Single(groups).CanonicalId);

        var allConverted = new DuplicateDetector().Group([
            new DuplicateCandidate("a", Beijing, Converted: true), new DuplicateCandidate("b", longer, Converted: true)]);
        Assert.Equal("b", Assert.Single(allConverted).CanonicalId);
    }

    [Fact]
    public void LshBandingFindsTheSameGroupsAsComparingEveryPair()
    {
        var qinghai = CorpusPipeline.Process("qinghai-2023-implementing-rules.txt").Text;
        IReadOnlyList<(string, string)> docs = [("a", Beijing), ("b", Repost(Beijing)), ("c", qinghai), ("d", qinghai + "附件略。\n")];
        var allPairs = new DuplicateDetector().Group(docs);
        var banded = new DuplicateDetector(new DuplicateOptions { AllPairsUpTo = 0 }).Group(docs);
        Assert.Equal(2, allPairs.Count);
        Assert.Equal(allPairs.Select(g => (g.CanonicalId, string.Join(',', g.MemberIds), g.MinSimilarity)),
            banded.Select(g => (g.CanonicalId, string.Join(',', g.MemberIds), g.MinSimilarity)));
    }

    [Fact]
    public void ANoticeAndItsTraditionalCopyFallInOneGroupOnceNormalised()
    {
        var path = Path.Combine(TestPaths.TestData, "Clean", "beijing-2023-measures-draft.zh-hant.txt");
        var hant = new DocumentPipeline(new()).Process(new RawDocument(path, File.ReadAllBytes(path)));
        var g = Assert.Single(new DuplicateDetector().Group([("hans", Beijing), ("hant", hant.Text)]));
        Assert.Equal(["hans", "hant"], g.MemberIds);
    }

    [Fact]
    public void BandedGroupingOfManySignaturesGivesTheComponentsThatComparingEveryPairGives()
    {
        // 60 families of near-copies (a few positions of 128 changed) and chains whose ends are not similar to
        // each other (each link changes 15 positions: about 0.88 apart, the ends about 0.77), among 300 signatures.
        var random = new Random(14);
        ulong[] Fresh() => [.. Enumerable.Range(0, 128).Select(_ => (ulong)random.NextInt64())];
        ulong[] Changed(ulong[] from, int positions)
        {
            var copy = (ulong[])from.Clone();
            foreach (var k in Enumerable.Range(0, 128).OrderBy(_ => random.Next()).Take(positions)) copy[k] = (ulong)random.NextInt64();
            return copy;
        }
        var signatures = new List<ulong[]>();
        for (var f = 0; f < 60; f++)
        {
            var first = Fresh();
            signatures.Add(first);
            var last = first;
            for (var c = 0; c < f % 4; c++) signatures.Add(f % 2 == 0 ? Changed(first, 3) : last = Changed(last, 15));
        }
        while (signatures.Count < 300) signatures.Add(Fresh());
        var docs = signatures.Select((m, i) => new DocumentSignature($"d{i:000}", false, 1000 + i % 7, m))
            .OrderBy(_ => random.Next()).ToList();

        var allPairs = new DuplicateDetector(new DuplicateOptions { AllPairsUpTo = 1000 }).Group(docs);
        var banded = new DuplicateDetector().Group(docs);
        Assert.Contains(allPairs, g => g.MemberIds.Count == 4 && g.MinSimilarity < 0.8);
        Assert.Equal(allPairs.Select(g => (g.CanonicalId, string.Join(',', g.MemberIds), g.MinSimilarity)),
            banded.Select(g => (g.CanonicalId, string.Join(',', g.MemberIds), g.MinSimilarity)));
    }
}
