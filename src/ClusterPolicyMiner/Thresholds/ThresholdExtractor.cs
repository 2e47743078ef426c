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
/// units, qualifiers, conditions, 或者-group and source (outline path, quoted clause, span). Each number is
/// read in its clause and its sentence (<see cref="RequirementReader"/>); a number in a clause that looks like
/// a requirement and that no rule reads is an UnreadRequirement diagnostic, a numeral too large to be a
/// value a NumberOutOfRange one.</summary>
public static partial class ThresholdExtractor
{
    public static ThresholdResult Extract(string cleanText, IReadOnlyList<OutlineNode> outline, ThresholdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cleanText);
        options ??= new ThresholdOptions();
        var taxonomy = options.TaxonomyYaml is { } yaml ? MetricTaxonomy.Parse(yaml) : MetricTaxonomy.Default;
        var lexicon = ReadingLexicon.Default;
        var diagnostics = new List<Diagnostic>();
        var comparators = Comparators.ForDocument(cleanText, options.DocumentId, diagnostics, lexicon);
        var clauses = ClauseSplitter.Split(cleanText);
        var mentions = ChineseNumberRecognizer.Recognize(cleanText);
        var numbered = new HashSet<int>();
        foreach (var m in mentions)
            if (IsCandidate(cleanText, m) && ClauseOf(clauses, m) is >= 0 and var k) numbered.Add(k);
        var reader = new RequirementReader(cleanText, clauses, numbered, taxonomy, lexicon, comparators);
        var criteria = new List<Threshold>();
        var procedural = new List<Threshold>();
        var groups = 0;
        Clause? lastCriterionClause = null;

        foreach (var mention in mentions)
        {
            if (mention.Kind == NumberKind.OutOfRange)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCode.NumberOutOfRange, options.DocumentId, mention.Start,
                    $"「{mention.Text}」 is too large or too long to be a value; not read"));
                continue;
            }
            if (!IsCandidate(cleanText, mention)) continue;
            var index = ClauseOf(clauses, mention);
            if (index < 0) continue;
            var clause = clauses[index];
            var source = new SourceRef(OutlinePath(outline, clause.Start, clause.End), cleanText[clause.Start..clause.End], clause.Start, clause.End);
            var read = reader.Read(mention, index, source);

            if (read.Procedural.Count > 0)
            {
                procedural.AddRange(read.Procedural);
                continue;
            }
            if (read.Criteria.Count > 0)
            {
                string? group = null;
                if (lastCriterionClause is { } last && last.SentenceStart == clause.SentenceStart
                    && Alternative().IsMatch(source.Quote) && criteria.Count > 0)
                {
                    group = criteria[^1].Group ?? $"g{++groups}";
                    criteria[^1] = criteria[^1] with { Group = group };
                }
                foreach (var t in read.Criteria)
                {
                    criteria.Add(t with { Group = group });
                    if (t.Metric == "unknown")
                        diagnostics.Add(new Diagnostic(DiagnosticCode.UnknownMetric, options.DocumentId, mention.Start,
                            $"no metric in the taxonomy for 「{t.Label}」 in 「{source.Quote}」"));
                }
                lastCriterionClause = clause;
                continue;
            }
            if (read.LooksLikeRequirement)
                diagnostics.Add(new Diagnostic(DiagnosticCode.UnreadRequirement, options.DocumentId, mention.Start,
                    $"「{mention.Text}」 in 「{source.Quote}」 looks like a requirement but no rule read it"));
        }
        return new ThresholdResult(criteria, procedural, diagnostics);
    }

    private static int ClauseOf(List<Clause> clauses, NumberMention m) => ClauseSplitter.IndexOf(clauses, m.Start, m.End);

    /// <summary>Numbers that are never requirements: ordinals (第十九条), years, document numbers
    /// (〔2022〕119号) and copies (一式5份).</summary>
    private static bool IsCandidate(string text, NumberMention m)
    {
        if (m.Kind is NumberKind.Ordinal or NumberKind.Year or NumberKind.OutOfRange) return false;
        if (m.Unit is "份" or "号") return false;
        if (m.End < text.Length && text[m.End] is '号' or '〕' or ']') return false;
        // 一、申报要求, 1.按照, （七）其他: a list number at the start of a line.
        var lineStart = m.Start == 0 || text[m.Start - 1] == '\n' || m.Start >= 2 && text[m.Start - 1] is '（' or '(' && text[m.Start - 2] == '\n'
                        || m.Start == 1 && text[0] is '（' or '(';
        if (lineStart && m.Unit is null && m.End < text.Length && text[m.End] is '、' or '.' or '．' or '）' or ')') return false;
        if (m.Start > 0 && text[m.Start - 1] is '〔' or '[' or '式') return false;
        var before = text[Math.Max(0, m.Start - 3)..m.Start].Replace(" ", "");
        // A culture-sensitive comparison, as ever; on Chinese characters and ASCII letters and digits alone it
        // is the ordinal one, which costs a fraction.
        return !(IsPlain(before) ? before.EndsWith("一式", StringComparison.Ordinal) : before.EndsWith("一式"));
    }

    private static bool IsPlain(string s)
    {
        foreach (var c in s)
            if (c is not (>= '\u4e00' and <= '\u9fff') && !char.IsAsciiLetterOrDigit(c)) return false;
        return true;
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

    [GeneratedRegex(@"^(?:或者|或)")]
    private static partial Regex Alternative();
}
