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
        options ??= new RuleFileOptions();
        var files = new List<EmittedFile>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var chains = EditionChains.Build(docs);
        foreach (var doc in Editions.Ordered(docs.DistinctBy(d => d.Id)))
        {
            var stem = $"{options.Folder}/{Safe(Editions.JurisdictionOf(doc))}/{DateOf(doc)}-{Safe(doc.Metadata.Kind ?? "unknown")}";
            if (!used.Add(stem)) stem += "-" + DocumentIds.Short(doc.Id);
            used.Add(stem);
            var tree = RuleJson.Build(doc, FormatVersion, EditionChains.LinkOf(chains, doc.Id));
            files.Add(new EmittedFile(stem + ".json", RuleJson.Serialize(tree)));
            files.Add(new EmittedFile(stem + ".yaml",
                YamlFromJson.Write(tree, $"ClusterPolicyMiner rule file, format {FormatVersion}; schema: rules.schema.json")));
        }
        files.Add(new EmittedFile($"{options.Folder}/rules.schema.json", Schema));
        files.Add(new EmittedFile($"{options.Folder}/history.schema.json", HistorySchema));
        files.Add(new EmittedFile($"{options.Folder}/coverage.tsv", CoverageTable(Coverage(docs))));
        files.AddRange(HistoryFileWriter.Write(MetricHistories.Build(docs), $"{options.Folder}/history"));
        return files;
    }

    /// <summary>For each jurisdiction and date, the editions in force. With no dates given, the dates are
    /// every day an edition starts and every day after one ends, across all jurisdictions.</summary>
    public static IReadOnlyList<CoverageEntry> Coverage(IReadOnlyList<PolicyDocument> docs, IReadOnlyList<DateOnly>? dates = null)
    {
        dates ??= docs.SelectMany(d => new[] { Editions.StartOf(d), Editions.EndOf(d)?.AddDays(1) })
            .OfType<DateOnly>().Distinct().Order().ToList();
        var chains = EditionChains.Build(docs);
        var jurisdictions = docs.Select(Editions.JurisdictionOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return jurisdictions.SelectMany(j => dates.Order().Select(date =>
        {
            var ids = docs.Where(d => Editions.JurisdictionOf(d) == j && Editions.InForce(d, date, chains))
                .Select(d => d.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var status = ids.Count switch { 0 => CoverageStatus.None, 1 => CoverageStatus.One, _ => CoverageStatus.Several };
            return new CoverageEntry(j, date, status, ids);
        })).ToList();
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
