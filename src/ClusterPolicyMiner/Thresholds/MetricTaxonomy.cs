using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClusterPolicyMiner.Thresholds;

/// <summary>One canonical metric of the taxonomy file (Thresholds/metrics.yaml).</summary>
internal sealed record Metric(
    string Id,
    bool IsCriterion,
    string Unit,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Context,
    IReadOnlyList<string> Not,
    bool RequiresComparator = false);

/// <summary>The metric taxonomy: which labels name which canonical metric. Loaded from the embedded
/// metrics.yaml unless the options give another file's text.</summary>
internal sealed class MetricTaxonomy
{
    private static readonly Lazy<MetricTaxonomy> Embedded = new(LoadEmbedded);

    public IReadOnlyList<Metric> Metrics { get; }

    private MetricTaxonomy(IReadOnlyList<Metric> metrics) => Metrics = metrics;

    public static MetricTaxonomy Default => Embedded.Value;

    public static MetricTaxonomy Parse(string yaml)
    {
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<FileModel>(yaml) ?? new FileModel();
        return new MetricTaxonomy(file.Metrics
            .Where(m => !string.IsNullOrWhiteSpace(m.Id) && m.Labels.Count > 0)
            .Select(m => new Metric(m.Id, m.Kind != "procedural", m.Unit, m.Labels, m.Context, m.Not, m.RequiresComparator))
            .ToList());
    }

    private static MetricTaxonomy LoadEmbedded()
    {
        using var stream = typeof(MetricTaxonomy).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Thresholds.metrics.yaml")
            ?? throw new InvalidOperationException("metrics.yaml is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The metric a clause names for a number of the given unit: labels must occur in the clause
    /// (in the sentence for dates, whose verb often sits in the next clause), context words in the sentence,
    /// and no excluding word in the clause. The longest label wins; then a metric whose context matched;
    /// then the order of the file.</summary>
    /// <param name="anyUnit">For a relative rule (…的1.5倍), whose unit is not the metric's.</param>
    public (Metric Metric, string Label)? Match(string unit, string clause, string sentence, bool anyUnit = false)
    {
        (Metric Metric, string Label)? best = null;
        var bestScore = (-1, -1);
        foreach (var m in Metrics)
        {
            if (m.Unit != unit && !(anyUnit && m.IsCriterion)) continue;
            if (m.Not.Any(clause.Contains)) continue;
            if (m.Context.Count > 0 && !m.Context.Any(sentence.Contains)) continue;
            var haystack = unit == "date" ? sentence : clause;
            var label = m.Labels.Where(haystack.Contains).OrderByDescending(l => l.Length).FirstOrDefault();
            if (label is null) continue;
            var score = (label.Length, m.Context.Count > 0 ? 1 : 0);
            if (score.CompareTo(bestScore) > 0)
            {
                best = (m, label);
                bestScore = score;
            }
        }
        return best;
    }

    private sealed class FileModel
    {
        public List<MetricModel> Metrics { get; set; } = [];
    }

    private sealed class MetricModel
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "criterion";
        public string Unit { get; set; } = "";
        public List<string> Labels { get; set; } = [];
        public List<string> Context { get; set; } = [];
        public List<string> Not { get; set; } = [];
        public bool RequiresComparator { get; set; }
    }
}
