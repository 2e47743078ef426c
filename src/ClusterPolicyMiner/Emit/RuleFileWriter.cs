using System.Globalization;
using System.Text;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>Options for rule files.</summary>
public sealed record RuleFileOptions
{
    /// <summary>Folder, relative to the output root, that holds the rule files.</summary>
    public string Folder { get; init; } = "rules";
}

/// <summary>Whether a jurisdiction has no, one or several editions in force on a date.</summary>
public enum CoverageStatus { None, One, Several }

/// <summary>One line of the coverage check.</summary>
public sealed record CoverageEntry(string Jurisdiction, DateOnly Date, CoverageStatus Status, IReadOnlyList<string> DocumentIds);

/// <summary>Writes one rule file per document, <c>rules/&lt;jurisdiction&gt;/&lt;date&gt;-&lt;kind&gt;.yaml</c> and
/// <c>.json</c>, plus the JSON Schema and a coverage check. Same documents in, same bytes out.</summary>
public static class RuleFileWriter
{
    /// <summary>Bumped whenever a field changes meaning or goes away; adding an optional field does not.</summary>
    public const int FormatVersion = 1;

    /// <summary>The JSON Schema every rule file's JSON satisfies (Emit/rules.schema.json).</summary>
    public static string Schema { get; } = ReadSchema("rules.schema.json");

    /// <summary>The JSON Schema of the history files (Emit/history.schema.json).</summary>
    public static string HistorySchema { get; } = ReadSchema("history.schema.json");

    /// <summary>The JSON Schema of <c>cpm extract --json</c>, the model's JSON contract (Emit/policy.schema.json).</summary>
    public static string PolicySchema { get; } = ReadSchema("policy.schema.json");

    public static IReadOnlyList<EmittedFile> Write(IReadOnlyList<PolicyDocument> docs, RuleFileOptions? options = null)
    {
        var folder = (options ?? new RuleFileOptions()).Folder;
        var files = Write(docs, d => d, options).ToList();
        // Rule files first, then the schemas and coverage, then the histories.
        return [.. files.Where(f => !IsHistory(f.RelativePath, folder)), .. files.Where(f => IsHistory(f.RelativePath, folder))];
    }

    /// <summary>True for a path of the history files under the rules folder.</summary>
    public static bool IsHistory(string relativePath, string folder = "rules") =>
        relativePath.StartsWith(folder + "/history/", StringComparison.Ordinal);

    /// <summary>The rule files streamed: <paramref name="described"/> carries each document's whole metadata (its
    /// text, outline and requirements may be missing), <paramref name="load"/> gives the whole model or its
    /// <see cref="RuleSummary"/> (the same files come of both), one at a time in edition order; a jurisdiction's history files follow its rule files, the schemas and the coverage
    /// come last.</summary>
    public static IEnumerable<EmittedFile> Write(IReadOnlyList<PolicyDocument> described, Func<PolicyDocument, PolicyDocument> load,
        RuleFileOptions? options = null)
    {
        options ??= new RuleFileOptions();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var chains = EditionChains.Build(described);
        var links = EditionChains.Index(chains);
        var ordered = Editions.Ordered(described.DistinctBy(d => d.Id));
        var jurisdiction = new List<PolicyDocument>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var doc = load(ordered[i]);
            var stem = $"{options.Folder}/{Safe(Editions.JurisdictionOf(doc))}/{DateOf(doc)}-{Safe(doc.Metadata.Kind ?? "unknown")}";
            if (!used.Add(stem)) stem += "-" + DocumentIds.Short(doc.Id);
            used.Add(stem);
            var tree = RuleJson.Build(doc, FormatVersion, links.GetValueOrDefault(doc.Id));
            yield return new EmittedFile(stem + ".json", RuleJson.Serialize(tree));
            yield return new EmittedFile(stem + ".yaml",
                YamlText.Write(tree, $"ClusterPolicyMiner rule file, format {FormatVersion}; schema: rules.schema.json"));

            // A jurisdiction's histories need only its own editions' requirements: kept until its last edition.
            jurisdiction.Add(doc with { Text = "", Outline = [], Normalizations = [], Diagnostics = [] });
            if (i + 1 == ordered.Count || Editions.JurisdictionOf(ordered[i + 1]) != Editions.JurisdictionOf(doc))
            {
                foreach (var f in HistoryFileWriter.Write(MetricHistories.Build(jurisdiction), $"{options.Folder}/history"))
                    yield return f;
                jurisdiction.Clear();
            }
        }
        yield return new EmittedFile($"{options.Folder}/rules.schema.json", Schema);
        yield return new EmittedFile($"{options.Folder}/history.schema.json", HistorySchema);
        yield return new EmittedFile($"{options.Folder}/coverage.tsv", CoverageTable(Coverage(described, null, chains)));
    }

    /// <summary>For each jurisdiction and date, the editions in force. With no dates given, the dates are
    /// every day an edition starts and every day after one ends, across all jurisdictions.</summary>
    public static IReadOnlyList<CoverageEntry> Coverage(IReadOnlyList<PolicyDocument> docs, IReadOnlyList<DateOnly>? dates = null) =>
        Coverage(docs, dates, EditionChains.Build(docs));

    /// <summary>Coverage with the chains already built. Being in force is one span of days per document, so each
    /// document is checked only on the dates from its start to the first one it is no longer in force on.</summary>
    public static IReadOnlyList<CoverageEntry> Coverage(IReadOnlyList<PolicyDocument> docs, IReadOnlyList<DateOnly>? dates,
        IReadOnlyList<EditionChain> chains)
    {
        var days = (dates ?? docs.SelectMany(d => new[] { Editions.StartOf(d), Editions.EndOf(d)?.AddDays(1) })
            .OfType<DateOnly>().Distinct()).Order().ToArray();
        var links = EditionChains.Index(chains);
        bool InForce(PolicyDocument d, DateOnly on) =>
            Editions.InForce(d, on) && (links.GetValueOrDefault(d.Id)?.SupersededOn is not { } from || on < from);

        var entries = new List<CoverageEntry>();
        foreach (var group in docs.GroupBy(Editions.JurisdictionOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ids = new List<string>?[days.Length];
            foreach (var d in group.DistinctBy(d => d.Id))
            {
                if (Editions.IsDraft(d) || Editions.StartOf(d) is not { } start) continue;
                for (var k = FirstOnOrAfter(days, start); k < days.Length && InForce(d, days[k]); k++)
                    (ids[k] ??= []).Add(d.Id);
            }
            for (var k = 0; k < days.Length; k++)
            {
                var inForce = ids[k] is { } list ? list.Order(StringComparer.Ordinal).ToList() : [];
                var status = inForce.Count switch { 0 => CoverageStatus.None, 1 => CoverageStatus.One, _ => CoverageStatus.Several };
                entries.Add(new CoverageEntry(group.Key, days[k], status, inForce));
            }
        }
        return entries;
    }

    /// <summary>The index of the first of the sorted days on or after the date (the count when none is).</summary>
    private static int FirstOnOrAfter(DateOnly[] days, DateOnly date)
    {
        var (lo, hi) = (0, days.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (days[mid] < date) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Coverage as tab-separated lines: jurisdiction, date, none|one|several, document ids.</summary>
    public static string CoverageTable(IReadOnlyList<CoverageEntry> entries)
    {
        var sb = new StringBuilder("jurisdiction\tdate\tstatus\tdocuments\n");
        foreach (var e in entries)
            sb.Append(e.Jurisdiction).Append('\t')
              .Append(IsoDate.Of(e.Date)).Append('\t')
              .Append(e.Status.ToString().ToLowerInvariant()).Append('\t')
              .Append(string.Join(',', e.DocumentIds)).Append('\n');
        return sb.ToString();
    }

    internal static string DateOf(PolicyDocument doc) =>
        IsoDate.Of(Editions.StartOf(doc)) ?? "undated";

    /// <summary>Keeps letters (Chinese included), digits, '-' and '_'; anything else becomes '-'.</summary>
    internal static string Safe(string s) =>
        new(s.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());

    private static string ReadSchema(string name)
    {
        using var stream = typeof(RuleFileWriter).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Emit." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
