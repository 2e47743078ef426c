using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;
using NJsonSchema;
using NetSchema = Json.Schema.JsonSchema;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>Every JSON file a run emits is valid against its schema (two real validators: NJsonSchema, and
/// JsonSchema.Net with format validation required, so a date must be a calendar date) and passes the project's
/// own checks (calendar dates, spans, effective ≤ expires); hand-broken files fail.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<IReadOnlyList<EmittedFile>> Run = new(() =>
    {
        var raw = FileSourceFiles().Select(p => new RawDocument(p, File.ReadAllBytes(p))).ToList();
        var docs = new DocumentPipeline(new()).ProcessBatch(raw);
        var groups = new ClusterPolicyMiner.Clean.DuplicateDetector().Group([.. docs.Select(d => (d.Id, d.Text))]);
        return CorpusOutputs.Build(docs, groups);
    });

    private static IEnumerable<string> FileSourceFiles() =>
        ClusterPolicyMiner.Acquire.FileSource.Enumerate([TestPaths.Corpus]).Where(f => !f.IsSkipped).Select(f => f.Path);

    private static Task<JsonSchema> Schema(string text) => JsonSchema.FromJsonAsync(text);

    private static readonly Dictionary<string, NetSchema> NetSchemas = new(StringComparer.Ordinal);

    /// <summary>JsonSchema.Net's verdict, formats (date) checked; the errors, empty when valid.</summary>
    private static IReadOnlyList<string> NetErrors(string schemaText, string json)
    {
        NetSchema schema;
        lock (NetSchemas)
            if (!NetSchemas.TryGetValue(schemaText, out schema!))
                NetSchemas[schemaText] = schema = NetSchema.FromText(schemaText);
        var result = schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement,
            new Json.Schema.EvaluationOptions { RequireFormatValidation = true, OutputFormat = Json.Schema.OutputFormat.List });
        if (result.IsValid) return [];
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("invalid")];
    }

    private static async Task<string> SchemaFor(string relativePath) =>
        relativePath.StartsWith("rules/history/", StringComparison.Ordinal) ? RuleFileWriter.HistorySchema
        : relativePath.StartsWith("rules/", StringComparison.Ordinal) ? RuleFileWriter.Schema
        : await Task.FromResult(RuleFileWriter.PolicySchema);

    [Fact]
    public async Task EveryJsonFileOfARunIsValidAgainstItsSchemaAndPassesTheProjectsChecks()
    {
        var jsons = Run.Value.Where(f => f.RelativePath.EndsWith(".json", StringComparison.Ordinal)
                                         && !f.RelativePath.EndsWith("schema.json", StringComparison.Ordinal)).ToList();
        Assert.True(jsons.Count >= 20, $"{jsons.Count} JSON files");
        Assert.Contains(jsons, f => f.RelativePath.StartsWith("rules/history/", StringComparison.Ordinal));
        Assert.Contains(jsons, f => !f.RelativePath.StartsWith("rules/", StringComparison.Ordinal));
        var schemas = new Dictionary<string, JsonSchema>();
        foreach (var f in jsons)
        {
            var text = await SchemaFor(f.RelativePath);
            if (!schemas.TryGetValue(text, out var schema)) schemas[text] = schema = await Schema(text);
            var errors = schema.Validate(f.Content);
            Assert.True(errors.Count == 0, f.RelativePath + ": " + string.Join("; ", errors.Select(e => e.ToString())));
            var netErrors = NetErrors(text, f.Content);
            Assert.True(netErrors.Count == 0, f.RelativePath + ": " + string.Join("; ", netErrors));
            Assert.Empty(RuleFileChecks.Check(f.Content));
        }
        Assert.Equal(3, schemas.Count);
    }

    [Fact]
    public void TheHistoryOfQinghaiHasTwoDatedValuesOfItsOutputFloorWithTheirQuotes()
    {
        var yaml = Run.Value.Single(f => f.RelativePath == "rules/history/青海省.yaml").Content;
        var tree = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(yaml);
        var metrics = (Dictionary<object, object>)tree["metrics"];
        var values = (Dictionary<object, object>)((Dictionary<object, object>)metrics["output_3y_each"])["values"];
        Assert.Equal(["2023-06-27", "2024-07-01"], values.Keys.Select(k => k.ToString()));
        Assert.Equal("2000000000", ((Dictionary<object, object>)values["2023-06-27"])["value"]);
        Assert.Equal("2500000000", ((Dictionary<object, object>)values["2024-07-01"])["value"]);
        Assert.Equal("近三年产值均在25亿元以上", ((Dictionary<object, object>)values["2024-07-01"])["quote"]);
    }

    [Fact]
    public void TheRuleFilesOfTwoEditionsPointAtEachOther()
    {
        var older = Run.Value.Single(f => f.RelativePath == "rules/青海省/2023-06-27-measures.json").Content;
        var newer = Run.Value.Single(f => f.RelativePath == "rules/青海省/2024-07-01-measures.json").Content;
        using var o = System.Text.Json.JsonDocument.Parse(older);
        using var n = System.Text.Json.JsonDocument.Parse(newer);
        var od = o.RootElement.GetProperty("document");
        var nd = n.RootElement.GetProperty("document");
        Assert.Equal(nd.GetProperty("id").GetString(), od.GetProperty("supersededBy").GetString());
        Assert.Equal("2024-07-01", od.GetProperty("supersededOn").GetString());
        Assert.Equal(od.GetProperty("id").GetString(), nd.GetProperty("supersedes").GetString());
        Assert.Equal(3, nd.GetProperty("clusterValidityYears").GetInt32());
        Assert.Equal("2027-06-30", nd.GetProperty("expires").GetString());
        Assert.StartsWith("有效期3年: = effective (2024-07-01)", nd.GetProperty("expiresRule").GetString());
    }

    private static string QinghaiRuleFile => Run.Value.Single(f => f.RelativePath == "rules/青海省/2023-06-27-measures.json").Content;

    public static TheoryData<string, string, string> BrokenRuleFiles => new()
    {
        { "bad calendar date", "\"effective\": \"2023-06-27\"", "\"effective\": \"2023-02-30\"" },
        { "not a date", "\"issued\": \"2023-06-26\"", "\"issued\": \"26/06/2023\"" },
        { "unknown unit", "\"unit\": \"km2\"", "\"unit\": \"hectares\"" },
        { "unknown metric", "\"metric\": \"area_km2\"", "\"metric\": \"area_mu\"" },
        { "unknown comparator", "\"op\": \"<=\"", "\"op\": \"≤\"" },
        { "missing citation", "\"citation\"", "\"cite\"" },
    };

    [Theory]
    [MemberData(nameof(BrokenRuleFiles))]
    public async Task AHandBrokenRuleFileFailsTheSchema(string why, string from, string to)
    {
        var json = QinghaiRuleFile;
        Assert.Contains(from, json);
        var schema = await Schema(RuleFileWriter.Schema);
        Assert.Empty(schema.Validate(json));
        var broken = json.Replace(from, to);
        Assert.Empty(NetErrors(RuleFileWriter.Schema, json));
        Assert.True(NetErrors(RuleFileWriter.Schema, broken).Count > 0, why + " (JsonSchema.Net)");
        Assert.True(schema.Validate(broken).Count > 0 || RuleFileChecks.Check(broken).Count > 0, why + " (NJsonSchema or the project's checks)");
    }

    [Fact]
    public void AHistoryFileWithADateKeyThatIsNoCalendarDayFails()
    {
        var json = Run.Value.Single(f => f.RelativePath == "rules/history/青海省.json").Content;
        Assert.Empty(NetErrors(RuleFileWriter.HistorySchema, json));
        var broken = json.Replace("\"2024-07-01\"", "\"2024-02-30\"");
        Assert.NotEmpty(NetErrors(RuleFileWriter.HistorySchema, broken));
        Assert.Contains(RuleFileChecks.Check(broken), p => p.Contains("'2024-02-30' is not a calendar date"));
    }

    [Theory]
    [InlineData("\"effective\": \"2023-06-27\"", "\"effective\": \"2023-02-29\"", "is not a calendar date")]
    [InlineData("\"end\": ", "\"end\": 0, \"was\": ", "is after its end")]
    [InlineData("\"expires\": \"2025-06-26\"", "\"expires\": \"2020-01-01\"", "is after expires")]
    public void TheProjectsOwnChecksCatchWhatTheSchemaCannot(string from, string to, string message)
    {
        var json = QinghaiRuleFile;
        Assert.Contains(from, json);
        Assert.Empty(RuleFileChecks.Check(json));
        var broken = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(from)).Replace(json, to, 1);
        Assert.Contains(RuleFileChecks.Check(broken), p => p.Contains(message));
    }

    [Fact]
    public void TheSchemaNamesEveryMetricOfTheTaxonomyFile()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(RuleFileWriter.Schema);
        var named = schema.RootElement.GetProperty("definitions").GetProperty("metric").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        var taxonomy = ClusterPolicyMiner.Thresholds.MetricTaxonomy.Default.Metrics.Select(m => m.Id).Append("unknown");
        Assert.Equal(taxonomy.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnExtractContractWithABadSpanOrKindFails()
    {
        var model = Run.Value.First(f => f.RelativePath == "qinghai-2023-implementing-rules.json").Content;
        var schema = await Schema(RuleFileWriter.PolicySchema);
        Assert.Empty(schema.Validate(model));
        Assert.Empty(NetErrors(RuleFileWriter.PolicySchema, model));
        Assert.NotEmpty(NetErrors(RuleFileWriter.PolicySchema, model.Replace("\"issued\": \"2023-06-26\"", "\"issued\": \"2023-13-26\"")));
        Assert.NotEmpty(schema.Validate(model.Replace("\"kind\": \"chapter\"", "\"kind\": \"volume\"")));
        Assert.NotEmpty(schema.Validate(model.Replace("\"format\": \"txt\"", "\"format\": \"docx\"")));
    }
}
