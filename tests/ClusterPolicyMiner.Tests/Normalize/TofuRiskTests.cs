using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Normalize;

/// <summary>The characters TSCharacters.txt tags <c># @tofu-risk:</c> keep themselves as their first value
/// there, but OpenCC's configs put the generated TSCharactersExt (their other values) before TSCharacters,
/// so t2s, tw2s and hk2s convert them (殢 → 𣨼). The expected mapping is read here from the dictionary
/// lines themselves, not through the converter's loader.</summary>
public sealed class TofuRiskTests
{
    private static string Dictionary(string file) =>
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "ClusterPolicyMiner", "Normalize", "OpenCC", file));

    /// <summary>(character, the first of its values that is not itself) for every line after a @tofu-risk comment.</summary>
    private static readonly IReadOnlyList<(string Key, string Expected)> TofuRisk = ReadTofuRisk();

    private static List<(string, string)> ReadTofuRisk()
    {
        var lines = Dictionary("TSCharacters.txt").Split('\n');
        var entries = new List<(string, string)>();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].StartsWith("# @tofu-risk:", StringComparison.Ordinal)) continue;
            var fields = lines[i + 1].Split('\t');
            entries.Add((fields[0], fields[1].Split(' ').First(v => v != fields[0])));
        }
        return entries;
    }

    /// <summary>The keys (or the values) of a dictionary file.</summary>
    private static HashSet<string> Column(string file, bool values = false) =>
        [.. Dictionary(file).Split('\n').Where(l => l.Length > 0 && l[0] != '#' && l.Contains('\t'))
            .SelectMany(l => values ? l.Split('\t')[1].Split(' ') : [l.Split('\t')[0]])];

    public static TheoryData<string> Configs() => new(OpenCcConverter.Configs);

    [Fact]
    public void TheDictionaryTagsEightHundredNinetyFiveCharactersWhoseFirstValueIsThemselves()
    {
        // The shared data README says 896; the file at OpenCC 5249273a, as shipped, has 895 tagged lines.
        Assert.Equal(895, TofuRisk.Count);
        Assert.Equal(895, TofuRisk.Select(t => t.Key).Distinct().Count());
        Assert.All(TofuRisk, t => Assert.NotEqual(t.Key, t.Expected));
        Assert.Contains(("殢", "𣨼"), TofuRisk);
    }

    [SharedFact]
    public void TheEmbeddedDictionaryIsTheSharedOneWithItsTofuRiskComments() =>
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Shared!, "data", "opencc", "TSCharacters.txt")),
            Dictionary("TSCharacters.txt"));

    [Fact]
    public void NoStepBeforeTheCharacterStepTouchesATofuRiskCharacter()
    {
        // So the expected output of every config is the TSCharactersExt value: no compatibility ideograph,
        // variant or phrase dictionary of the three configs holds one of these characters.
        // What maps a character before the TS step: the keys of the normalization, of the *RevPhrases and
        // of TSPhrases (also the segmentation); the values of TWVariants and HKVariants, which the
        // generated TWVariantsRev and HKVariantsRev map back to their keys.
        var before = new[] { "CJK_Compatibility_Ideographs.txt", "TWVariantsRevPhrases.txt", "HKVariantsRevPhrases.txt", "TSPhrases.txt" }
            .SelectMany(f => Column(f))
            .Concat(Column("TWVariants.txt", values: true)).Concat(Column("HKVariants.txt", values: true))
            .ToHashSet();
        Assert.DoesNotContain(TofuRisk, t => before.Contains(t.Key));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void EveryTofuRiskCharacterConvertsAsOpenCcsGroupDoes(string config)
    {
        var converter = OpenCcConverter.Get(config);
        var wrong = TofuRisk.Where(t => converter.Convert(t.Key) != t.Expected)
            .Select(t => $"{t.Key} → {converter.Convert(t.Key)}, expected {t.Expected}").ToList();
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task CpmConvertAgreesOnEveryTofuRiskCharacter(string config)
    {
        var input = string.Join("\n", TofuRisk.Select(t => t.Key)) + "\n";
        var expected = string.Join("\n", TofuRisk.Select(t => t.Expected)) + "\n";
        var output = new StringWriter();
        var code = await CpmApp.RunAsync(["convert", "--config", config], new StringReader(input), output, new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(expected, output.ToString());
    }
}
