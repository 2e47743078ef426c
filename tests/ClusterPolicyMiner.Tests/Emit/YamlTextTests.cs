using System.Text.Json.Nodes;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Emit;

public sealed class YamlTextTests
{
    private static void AssertSameAsYamlDotNet(JsonNode tree) =>
        Assert.Equal(YamlFromJson.Write(tree, "header"), YamlText.Write(tree, "header"));

    [Fact]
    public void EveryCharacterInAStringIsWrittenAsYamlDotNetWritesIt()
    {
        // A lone surrogate is refused by YamlDotNet; the fast writer leaves it to YamlDotNet, so it is refused still.
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var ch = ((char)c).ToString();
            AssertSameAsYamlDotNet(new JsonObject
            {
                ["a"] = "x" + ch + "y",
                ["b"] = new JsonArray(ch, ch + " " + ch),
            });
        }
    }

    [Fact]
    public void SpacesEmptyStringsAstralCharactersNumbersAndKeysAreWrittenAsYamlDotNetWritesThem()
    {
        string[] strings = ["", " ", "  a  b  ", "𠀀", "a𬶨b", "\"quoted\" \\ back", "2023-06-27", "true", "null", "123", "- x", "# x", "a: b", "{x}", "[x]"];
        foreach (var s in strings)
            AssertSameAsYamlDotNet(new JsonObject { ["k"] = s, ["list"] = new JsonArray(s), ["nested"] = new JsonObject { ["k"] = s } });
        foreach (var key in new[] { "formatVersion", "area_km2", "2023-06-27", "null", "yes", "y", "é", "a b", "a-b", "1a", "_a", "" })
            AssertSameAsYamlDotNet(new JsonObject { [key] = 1 });
        foreach (var n in new JsonNode?[] { 0, -1, 1.5m, 2000000000m, 0.000001m, -0.5m, true, false, null })
            AssertSameAsYamlDotNet(new JsonObject { ["v"] = n?.DeepClone(), ["list"] = new JsonArray(n?.DeepClone()) });
        AssertSameAsYamlDotNet(new JsonObject { ["empty"] = new JsonObject(), ["x"] = 1 });
        Assert.Null(YamlText.Direct(new JsonObject { ["empty"] = new JsonObject() }));
        Assert.NotNull(YamlText.Direct(new JsonObject { ["k"] = "“引号” \"q\"", ["list"] = new JsonArray(1, "a") }));
        AssertSameAsYamlDotNet(new JsonObject { ["nested"] = new JsonArray(new JsonArray(1, 2), new JsonArray()) });
        AssertSameAsYamlDotNet(new JsonObject
        {
            ["rules"] = new JsonArray(
                new JsonObject { ["a"] = 1, ["q"] = new JsonArray("soft"), ["c"] = new JsonObject { ["p"] = "x", ["d"] = new JsonObject { ["e"] = "f" } }, ["z"] = new JsonArray() },
                new JsonObject { ["a"] = 2 }),
        });
    }

    [Fact]
    public void TheRuleAndHistoryFilesOfTheSeedsAreWhatYamlDotNetWrites()
    {
        var chains = EditionChains.Index(EditionChains.Build(All));
        var trees = All.Select(d => (JsonNode)RuleJson.Build(d, RuleFileWriter.FormatVersion, chains.GetValueOrDefault(d.Id)))
            .Concat(MetricHistories.Build(All).Select(HistoryFileWriter.Tree)).ToList();
        Assert.True(trees.Count > All.Count);
        foreach (var tree in trees)
        {
            // Written directly, not left to YamlDotNet, and the same bytes.
            Assert.Equal(YamlFromJson.Write(tree, "header"), YamlText.Direct(tree, "header"));
        }
    }
}
