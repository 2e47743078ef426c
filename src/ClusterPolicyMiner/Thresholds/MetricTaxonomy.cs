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
    bool RequiresComparator = false,
    IReadOnlyList<string>? Generic = null);

/// <summary>The metric taxonomy: which labels name which canonical metric. Loaded from the embedded
/// metrics.yaml unless the options give another file's text. Each label is expanded with the file's synonym
/// groups (研发经费年均增长 also names 研发投入年均增速), so that a specific label written with another
/// growth or share word is not beaten by a generic one.</summary>
internal sealed class MetricTaxonomy
{
    private static readonly Lazy<MetricTaxonomy> Embedded = new(LoadEmbedded);

    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Words that may stand before a generic label without naming another measure (集群, 且).</summary>
    private readonly IReadOnlyList<string> _subjects;

    private MetricTaxonomy(IReadOnlyList<Metric> metrics, IReadOnlyList<string> subjects)
    {
        Metrics = metrics;
        _subjects = [.. subjects.OrderByDescending(w => w.Length)];
    }

    public static MetricTaxonomy Default => Embedded.Value;

    public static MetricTaxonomy Parse(string yaml)
    {
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<FileModel>(yaml) ?? new FileModel();
        var groups = file.Synonyms.Select(g => g.OrderByDescending(w => w.Length).ToList()).ToList();
        return new MetricTaxonomy(file.Metrics
            .Where(m => !string.IsNullOrWhiteSpace(m.Id) && m.Labels.Count + m.Generic.Count > 0)
            .Select(m => new Metric(m.Id, m.Kind != "procedural", m.Unit, Expand(m.Labels, groups), m.Context, m.Not,
                m.RequiresComparator, m.Generic))
            .ToList(), file.Subjects);
    }

    /// <summary>The labels and, for each word of a synonym group a label contains, the label with every other
    /// word of the group in its place (the longest word of a group found is the one replaced).</summary>
    private static List<string> Expand(List<string> labels, List<List<string>> groups)
    {
        var all = new List<string>(labels);
        foreach (var group in groups)
            for (var i = 0; i < all.Count; i++)
                if (group.FirstOrDefault(all[i].Contains) is { } word)
                    foreach (var other in group)
                        if (all[i].Replace(word, other, StringComparison.Ordinal) is var variant && !all.Contains(variant))
                            all.Add(variant);
        return all;
    }

    /// <summary>A generic label (年均增速) names the metric only when what stands before it in the clause is
    /// nothing but subject words: 营业收入年均增速 names another measure, 集群年均增速 and 且年均增速 do not.</summary>
    private bool GenericFits(string clause, string label)
    {
        var at = clause.IndexOf(label, StringComparison.Ordinal);
        if (at < 0) return false;
        var before = clause[..at];
        var cut = before.LastIndexOfAny(['，', ',', '；', ';', '。', '：', ':', '\n']);
        return WithoutSubjects(before[(cut + 1)..]).Length == 0;
    }

    /// <summary>The words without the subject words at their end (集群, 且, 近三年…).</summary>
    public string WithoutSubjects(string words)
    {
        words = words.Trim();
        while (words.Length > 0 && _subjects.FirstOrDefault(w => words.EndsWith(w, StringComparison.Ordinal)) is { } w)
            words = words[..^w.Length].TrimEnd();
        return words;
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
            var label = m.Labels.Where(haystack.Contains).OrderByDescending(l => l.Length).FirstOrDefault()
                ?? m.Generic?.Where(g => GenericFits(haystack, g)).OrderByDescending(l => l.Length).FirstOrDefault();
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
        public List<List<string>> Synonyms { get; set; } = [];
        public List<string> Subjects { get; set; } = [];
    }

    private sealed class MetricModel
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "criterion";
        public string Unit { get; set; } = "";
        public List<string> Labels { get; set; } = [];
        public List<string> Generic { get; set; } = [];
        public List<string> Context { get; set; } = [];
        public List<string> Not { get; set; } = [];
        public bool RequiresComparator { get; set; }
    }
}
