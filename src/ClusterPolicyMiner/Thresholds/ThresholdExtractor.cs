using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Numbers;

namespace ClusterPolicyMiner.Thresholds;

/// <summary>Options of the threshold stage.</summary>
public sealed record ThresholdOptions
{
    /// <summary>The document's id, carried into diagnostics.</summary>
    public string? DocumentId { get; init; }

    /// <summary>The text of a taxonomy file to use instead of the embedded Thresholds/metrics.yaml.</summary>
    public string? TaxonomyYaml { get; init; }
}

/// <summary>The criteria, the procedural facts and what was noticed on the way.</summary>
public sealed record ThresholdResult(
    IReadOnlyList<Threshold> Thresholds,
    IReadOnlyList<Threshold> Procedural,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Reads every numeric requirement of a clean text: its metric, comparator, value in canonical
/// units, qualifiers, 或者-group and source (outline path, quoted clause, span).</summary>
public static partial class ThresholdExtractor
{
    public static ThresholdResult Extract(string cleanText, IReadOnlyList<OutlineNode> outline, ThresholdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cleanText);
        options ??= new ThresholdOptions();
        var taxonomy = options.TaxonomyYaml is { } yaml ? MetricTaxonomy.Parse(yaml) : MetricTaxonomy.Default;
        var diagnostics = new List<Diagnostic>();
        var comparators = Comparators.ForDocument(cleanText, options.DocumentId, diagnostics);
        var clauses = ClauseSplitter.Split(cleanText);
        var criteria = new List<Threshold>();
        var procedural = new List<Threshold>();
        var groups = 0;
        Clause? lastCriterionClause = null;

        foreach (var mention in ChineseNumberRecognizer.Recognize(cleanText))
        {
            if (!IsCandidate(cleanText, mention)) continue;
            var index = ClauseSplitter.IndexOf(clauses, mention.Start, mention.End);
            if (index < 0) continue;
            var clause = clauses[index];
            var clauseText = cleanText[clause.Start..clause.End];
            // The sentence as context, within a window: a page-long "sentence" (a line of commas) must not
            // make every number in it copy and scan the whole of it (quadratic time on hostile input).
            var sentence = cleanText[Math.Max(clause.SentenceStart, clause.Start - SentenceWindow)..Math.Min(clause.SentenceEnd, clause.End + SentenceWindow)];
            var unit = CanonicalUnit(mention);
            var isTime = mention.Kind is NumberKind.Duration or NumberKind.Date;
            var comparator = comparators.Find(cleanText, clause.Start, mention.Start, mention.End, clause.End, isTime);
            var match = taxonomy.Match(unit, clauseText, sentence);
            var source = new SourceRef(OutlinePath(outline, clause.Start, clause.End), clauseText, clause.Start, clause.End);
            var qualifiers = Qualifiers(cleanText[clause.Start..mention.Start], clauseText);

            if (match is { Metric.IsCriterion: false } p)
            {
                if (unit == "date" && comparator?.Phrase != "前") continue;
                var text = unit == "date" ? DateValue(mention, p.Metric.Context.Count > 0) : null;
                procedural.Add(new Threshold(p.Metric.Id, p.Label, comparator?.Op ?? "=",
                    unit == "date" ? null : mention.Value, unit, comparator?.Phrase ?? "", qualifiers, null, source, text));
                continue;
            }
            if (comparator is not { } cmp || unit == "date") continue;

            string? group = null;
            if (lastCriterionClause is { } last && last.SentenceStart == clause.SentenceStart && Alternative().IsMatch(clauseText)
                && criteria.Count > 0)
            {
                group = criteria[^1].Group ?? $"g{++groups}";
                criteria[^1] = criteria[^1] with { Group = group };
            }
            if (match is { } c)
            {
                criteria.Add(new Threshold(c.Metric.Id, c.Label, cmp.Op, mention.Value, unit, cmp.Phrase, qualifiers, group, source));
            }
            else
            {
                var label = RawLabel(cleanText, clause, mention, cmp);
                criteria.Add(new Threshold("unknown", label, cmp.Op, mention.Value, unit, cmp.Phrase, qualifiers, group, source));
                diagnostics.Add(new Diagnostic(DiagnosticCode.UnknownMetric, options.DocumentId, mention.Start,
                    $"no metric in the taxonomy for 「{label}」 in 「{clauseText}」"));
            }
            lastCriterionClause = clause;
        }
        return new ThresholdResult(criteria, procedural, diagnostics);
    }

    /// <summary>Numbers that are never requirements: ordinals (第十九条), years, document numbers
    /// (〔2022〕119号), copies (一式5份), and ranges, which no seed criterion uses yet.</summary>
    private static bool IsCandidate(string text, NumberMention m)
    {
        if (m.Kind is NumberKind.Ordinal or NumberKind.Year or NumberKind.Range) return false;
        if (m.Unit is "份" or "号") return false;
        if (m.End < text.Length && text[m.End] is '号' or '〕' or ']') return false;
        if (m.Start > 0 && text[m.Start - 1] is '〔' or '[' or '式') return false;
        var before = text[Math.Max(0, m.Start - 3)..m.Start].Replace(" ", "");
        return !before.EndsWith("一式");
    }

    private static string CanonicalUnit(NumberMention m) => m switch
    {
        { Kind: NumberKind.Money } => "CNY",
        { Kind: NumberKind.Percent } => "%",
        { Kind: NumberKind.Date } => "date",
        { Unit: "家" or "个" or "项" or "名" or "件" or "人" or "座" or "所" or "台" or "套" or "批" or "次" } => "count",
        { Unit: { } unit } => unit,
        _ => "number",
    };

    /// <summary>每年3月30日前 is a yearly deadline: MM-dd. Otherwise the date as written.</summary>
    private static string? DateValue(NumberMention m, bool yearly) =>
        m.DateText is { } d && yearly && d.Length == 10 ? d[5..] : m.DateText;

    private static IReadOnlyList<string> Qualifiers(string beforeNumber, string clause)
    {
        var list = new List<string>();
        if (EachOfLastThreeYears().IsMatch(beforeNumber)) list.Add("each-of-last-3-years");
        if (clause.Contains("年均")) list.Add("annual-average");
        if (beforeNumber.Contains("一般")) list.Add("soft");
        return list;
    }

    /// <summary>For an unknown metric, the words before the comparator (or before the number), without the
    /// leading 或者 and the subject 集群.</summary>
    private static string RawLabel(string text, Clause clause, NumberMention m, Comparator cmp)
    {
        var before = text[clause.Start..m.Start].TrimEnd();
        if (before.EndsWith(cmp.Phrase, StringComparison.Ordinal)) before = before[..^cmp.Phrase.Length];
        before = LabelNoise().Replace(before, "").Trim();
        return before.Length > 0 ? before : text[m.End..clause.End].Trim();
    }

    /// <summary>The path of the deepest outline node holding the whole clause; "" when none does.</summary>
    private static string OutlinePath(IReadOnlyList<OutlineNode> nodes, int start, int end)
    {
        foreach (var node in nodes)
            if (node.Start <= start && end <= node.End)
            {
                var deeper = OutlinePath(node.Children, start, end);
                return deeper.Length > 0 ? deeper : node.Path;
            }
        return "";
    }

    /// <summary>Characters of sentence context kept on each side of a clause; real sentences are far shorter.</summary>
    private const int SentenceWindow = 2000;

    [GeneratedRegex(@"^(?:或者|或)")]
    private static partial Regex Alternative();

    [GeneratedRegex(@"近(?:三|3)年.*(?<!年)均")]
    private static partial Regex EachOfLastThreeYears();

    [GeneratedRegex(@"^(?:或者|或|且|并且|和)|^集群|(?:均在|均为|均|在|为|达到|一般)$")]
    private static partial Regex LabelNoise();
}
