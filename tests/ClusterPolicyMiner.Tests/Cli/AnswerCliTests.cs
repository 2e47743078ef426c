using System.Text.Json;
using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary>The answering commands over a store of the whole corpus: compare, check, search, list, diff, rules,
/// with their JSON shapes and exit codes.</summary>
public sealed class AnswerCliTests : IClassFixture<AnswerCliTests.CorpusStore>
{
    /// <summary>One store of corpus/, ingested once for the class.</summary>
    public sealed class CorpusStore : IDisposable
    {
        public TempFolder Dir { get; } = new();
        public string Db => Dir.File("s.db");

        public CorpusStore()
        {
            var code = CpmApp.RunAsync(["ingest", TestPaths.Corpus, "--db", Db], new StringReader(""), new StringWriter(), new StringWriter())
                .GetAwaiter().GetResult();
            if (code != 0) throw new InvalidOperationException($"ingest exited {code}");
        }

        public void Dispose() => Dir.Dispose();
    }

    private readonly CorpusStore _store;

    public AnswerCliTests(CorpusStore store) => _store = store;

    private Task<(int Code, string Out, string Err)> Cpm(params string[] args) =>
        CpmRunner.Run("", new FixedClock(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero)), args);

    private string Profile(string yaml)
    {
        var path = _store.Dir.File($"p{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task AnEmptyProfileIsEligibleNowhereAndExits1()
    {
        var (code, output, _) = await Cpm("check", Profile(""), "--db", _store.Db);
        Assert.Equal(ExitCodes.SomeFailed, code);
        Assert.Contains("eligible in no jurisdiction", output);
        Assert.Contains("山西省: no criteria", output);
        Assert.Contains("晋企发〔2023〕35号", output);
    }

    [Fact]
    public async Task CheckJsonGivesTheWholeVerdictAndEveryReasonCitesPathAndQuote()
    {
        var (code, output, _) = await Cpm("check", Profile("figures:\n  sme_output_share: 80\n"), "--json", "--db", _store.Db);
        Assert.Equal(ExitCodes.SomeFailed, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.False(root.GetProperty("eligibleSomewhere").GetBoolean());
        var rules = root.GetProperty("jurisdictions").EnumerateArray().SelectMany(j => j.GetProperty("rules").EnumerateArray()).ToList();
        Assert.NotEmpty(rules);
        foreach (var r in rules)
        {
            var source = r.GetProperty("source");
            Assert.Contains($"[{source.GetProperty("path").GetString()}: “{source.GetProperty("quote").GetString()}”]", r.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task AClusterEligibleInQinghaiExits0()
    {
        var yaml = """
            jurisdiction: 青海
            output: {2022: 30亿, 2023: 33亿, 2024: 36亿}
            figures: {area_km2: 50, sme_output_share: 70, leading_industry_share: 70, champion_or_little_giant_count: 1,
                      rd_growth_annual: 9, patent_growth_annual: 9, patents_per_10k: 9, iip_adoption_rate: 12}
            """;
        var (code, output, err) = await Cpm("check", Profile(yaml), "--on", "2024-08-01", "--db", _store.Db);
        Assert.True(code == ExitCodes.Ok, output + err);
        Assert.Contains("青海省: eligible", output);
    }

    [Theory]
    [InlineData("figures:\n  a: 1\n  b\n", "line 3, column")]
    [InlineData("figures:\n  sme_outpt_share: 60\n", "did you mean 'sme_output_share'")]
    [InlineData("jurisdiction: 火星\n", "'火星'")]
    public async Task ABadProfileIsOneLineOnStandardErrorAndExits2(string yaml, string expected)
    {
        var (code, output, err) = await Cpm("check", Profile(yaml), "--db", _store.Db);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains(expected, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task CompareJsonUsesTheNationalBaselineWithItsCitationAndNoDraft()
    {
        var (code, output, _) = await Cpm("compare", "--json", "--db", _store.Db);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("national", root.GetProperty("baselineKind").GetString());
        Assert.Equal("工信部企业〔2022〕119号", root.GetProperty("baseline").GetProperty("docNumber").GetString());
        Assert.DoesNotContain(root.GetProperty("columns").EnumerateArray(), c => c.GetProperty("status").GetString() == "draft");
        var row = root.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("metric").GetString() == "output_3y_each");
        Assert.Equal("近三年产值均在40亿元以上", row.GetProperty("baselineCitation").GetProperty("quote").GetString());
    }

    [Fact]
    public async Task ADraftAsBaselineNeedsIncludeDrafts()
    {
        var (code, _, err) = await Cpm("compare", "--baseline", "c4cdf5c82c54", "--db", _store.Db);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--include-drafts", err);
        Assert.Equal(0, (await Cpm("compare", "--baseline", "c4cdf5c82c54", "--include-drafts", "--db", _store.Db)).Code);
    }

    [Fact]
    public async Task ATraditionalQueryFindsSimplifiedTextAndRepostsGiveOneHitWithAShowableId()
    {
        var (code, output, _) = await Cpm("search", "一帶一路", "--json", "--db", _store.Db);
        Assert.Equal(0, code);
        var hits = JsonDocument.Parse(output).RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Equal(hits.Count, hits.Select(h => (h.GetProperty("id").GetString(), h.GetProperty("path").GetString())).Distinct().Count());
        var shaanxi = hits.Single(h => h.GetProperty("jurisdiction").GetString() == "陕西省");
        Assert.Equal(2, shaanxi.GetProperty("alsoIn").GetArrayLength());
        var id = shaanxi.GetProperty("id").GetString()!;
        Assert.Equal(12, id.Length);
        Assert.Equal(0, (await Cpm("show", id, "--db", _store.Db)).Code);
    }

    [Fact]
    public async Task ListJsonGivesShortIdsThatShowAccepts()
    {
        var (code, output, _) = await Cpm("list", "--json", "--db", _store.Db);
        Assert.Equal(0, code);
        var docs = JsonDocument.Parse(output).RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(11, docs.Count);
        Assert.All(docs, d => Assert.StartsWith(d.GetProperty("shortId").GetString()!, d.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TheTwoQinghaiEditionsDiffAsJsonWithTheirThresholdChanges()
    {
        var (code, output, err) = await Cpm("diff", "b79239b98208", "d87f3832190c", "--json", "--db", _store.Db);
        Assert.True(code == 0, err);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Contains(root.GetProperty("thresholdChanges").EnumerateArray(), c => c.GetProperty("description").GetString()!.Contains("25亿元以上"));
    }

    [Fact]
    public async Task RulesWritesIntoOutDirAndListsWhatItWroteAsJson()
    {
        var outDir = _store.Dir.File("rules-out");
        var (code, output, _) = await Cpm("rules", "--out-dir", outDir, "--json", "--db", _store.Db);
        Assert.Equal(0, code);
        var files = JsonDocument.Parse(output).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("rules/history/青海省.yaml", files);
        Assert.True(File.Exists(Path.Combine(outDir, "rules", "history", "青海省.yaml")));
    }

    [Fact]
    public async Task DbIsAnOptionOnlyOfCommandsThatUseTheStoreAndHelpCmdWorks()
    {
        var (code, _, err) = await Cpm("convert", "--db", "x.db");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--db", err);
        var help = await Cpm("help", "compare");
        Assert.Equal(0, help.Code);
        Assert.Contains("--baseline", help.Out);
        Assert.Contains("--db", help.Out);
        Assert.DoesNotContain("--db", (await Cpm("help", "extract")).Out);
    }

    /// <summary>The README's example commands that need no network and no standard input, as written.</summary>
    public static TheoryData<string> ReadmeExamples()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.RepoRoot, "README.md")))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal)) continue;
            var cells = line.Split(" | ");
            var example = cells[^1].Trim().TrimEnd('|').Trim().Trim('`');
            if (!example.StartsWith("cpm ", StringComparison.Ordinal) || example.Contains('<')
                || example.Contains("fetch ") || example.Contains("watch")) continue;
            data.Add(example);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public async Task EachReadmeExampleRunsAsWrittenAgainstTheStoreOfTheCorpus(string example)
    {
        var args = example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(a =>
            a.StartsWith("corpus", StringComparison.Ordinal) ? Path.Combine(TestPaths.RepoRoot, a)
            : a == "extracted" ? _store.Dir.File("readme-out-" + example.Split(' ')[1])
            : a).ToList();
        // run writes a store of its own beside the shared one, so the other tests see the same store.
        args.AddRange(["--db", args[0] is "run" or "ingest" ? _store.Dir.File($"readme-{args[0]}.db") : _store.Db]);
        if (args[0] is "extract") args.RemoveRange(args.Count - 2, 2);
        var (code, output, err) = await Cpm([.. args]);
        if (args.Contains("pdf") && PdfPrinter.FindBrowser() is null)
        {
            // Without Chromium (setup-test installs it when root) the example must say so and how to get it.
            Assert.Equal(1, code);
            Assert.Contains(PdfPrinter.MissingMessage, err);
            return;
        }
        Assert.True(code == 0, $"{example}: exit {code}: {err}");
        Assert.NotEmpty(output);
    }
}
