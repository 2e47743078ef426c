using System.Text.Json;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Emit;
using NJsonSchema;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Emit;

public sealed class RuleFileWriterTests
{
    private static readonly IReadOnlyList<EmittedFile> Files = RuleFileWriter.Write(All);

    private static string Content(string path) => Files.Single(f => f.RelativePath == path).Content;

    [Fact]
    public void EachDocumentGetsAYamlAndAJsonFileNamedByJurisdictionDateAndKind()
    {
        Assert.Equal(
        [
            "rules/coverage.tsv", "rules/history.schema.json",
            "rules/history/上海市.json", "rules/history/上海市.yaml", "rules/history/陕西省.json", "rules/history/陕西省.yaml",
            "rules/history/青海省.json", "rules/history/青海省.yaml", "rules/rules.schema.json",
            "rules/上海市/2024-04-16-application-notice.json", "rules/上海市/2024-04-16-application-notice.yaml",
            "rules/北京市/2023-08-17-measures.json", "rules/北京市/2023-08-17-measures.yaml",
            "rules/陕西省/2023-04-28-implementing-measures.json", "rules/陕西省/2023-04-28-implementing-measures.yaml",
            "rules/青海省/2023-06-27-implementing-rules.json", "rules/青海省/2023-06-27-implementing-rules.yaml",
        ], Files.Select(f => f.RelativePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AJurisdictionsDocumentsNamingNoProgrammeGetAHistoryFileOfTheirOwn()
    {
        // Found at 1,000 documents: a jurisdiction with SME cluster notices and other documents naming no
        // programme gave two history files of one name, and the whole run stopped on the duplicate path.
        var unstated = Shanghai with { Id = new string('f', 64), Metadata = Shanghai.Metadata with { Programme = null } };
        var paths = RuleFileWriter.Write([Shanghai, unstated]).Select(f => f.RelativePath).ToList();
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("rules/history/上海市.json", paths);
        Assert.Contains($"rules/history/上海市-{HistoryFileWriter.UnstatedProgramme}.json", paths);
    }

    [Fact]
    public void QinghaisRuleFilesMatchTheReviewedGoldenFiles()
    {
        GoldenFile.AssertMatches("qinghai-rules.json", Content("rules/青海省/2023-06-27-implementing-rules.json"));
        GoldenFile.AssertMatches("qinghai-rules.yaml", Content("rules/青海省/2023-06-27-implementing-rules.yaml"));
    }

    [Fact]
    public void TwoRunsOnTheSameDocumentsGiveIdenticalBytes()
    {
        var again = RuleFileWriter.Write([Shanghai, Beijing, Qinghai, Shaanxi]);
        Assert.Equal(Files, again);
    }

    [Fact]
    public async Task EveryGeneratedJsonFileIsValidAgainstTheSchemaInTheRepository()
    {
        var schemaPath = Path.Combine(Support.TestPaths.RepoRoot, "src", "ClusterPolicyMiner", "Emit", "rules.schema.json");
        Assert.Equal(File.ReadAllText(schemaPath), RuleFileWriter.Schema);
        var schema = await JsonSchema.FromJsonAsync(RuleFileWriter.Schema);

        var jsons = Files.Where(f => f.RelativePath.EndsWith(".json") && !f.RelativePath.EndsWith("schema.json")
                                     && !f.RelativePath.StartsWith("rules/history/")).ToList();
        Assert.Equal(4, jsons.Count);
        foreach (var f in jsons)
            Assert.True(schema.Validate(f.Content).Count == 0,
                f.RelativePath + ": " + string.Join("; ", schema.Validate(f.Content).Select(e => e.ToString())));
    }

    [Fact]
    public async Task TheSchemaRejectsARuleWithoutACitation()
    {
        var schema = await JsonSchema.FromJsonAsync(RuleFileWriter.Schema);
        var json = Content("rules/青海省/2023-06-27-implementing-rules.json");
        using var doc = JsonDocument.Parse(json);
        var broken = json.Replace("\"citation\"", "\"cite\"");
        Assert.Empty(schema.Validate(json));
        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public void YamlAndJsonCarryTheSameRules()
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(Content("rules/陕西省/2023-04-28-implementing-measures.yaml"));
        using var json = JsonDocument.Parse(Content("rules/陕西省/2023-04-28-implementing-measures.json"));
        var yamlRules = (List<object>)yaml["rules"];
        Assert.Equal(json.RootElement.GetProperty("rules").GetArrayLength(), yamlRules.Count);
        var sme = (Dictionary<object, object>)yamlRules[2];
        Assert.Equal("sme_output_share", sme["metric"]);
        Assert.Equal(">", sme["op"]);
        Assert.Equal("70", sme["value"]);
    }

    [Fact]
    public void CoverageSaysWhetherNoneOneOrSeveralEditionsAreInForce()
    {
        var overlapping = Make("qinghai-2024-notice", Meta("青海省", "application-notice", "final", new DateOnly(2024, 5, 1), new DateOnly(2024, 12, 31)),
            "第一条 近三年产值均在20亿元以上。\n");
        var days = new[] { new DateOnly(2023, 1, 1), new DateOnly(2024, 6, 1), new DateOnly(2025, 7, 1) };

        var qinghai = RuleFileWriter.Coverage([.. All, overlapping], days).Where(e => e.Jurisdiction == "青海省").ToList();

        Assert.Equal([CoverageStatus.None, CoverageStatus.Several, CoverageStatus.None], qinghai.Select(e => e.Status));
        Assert.Equal(2, qinghai[1].DocumentIds.Count);
        Assert.All(RuleFileWriter.Coverage(All, days).Where(e => e.Jurisdiction == "北京市"),
            e => Assert.Equal(CoverageStatus.None, e.Status));
    }
}
