using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Numbers;

namespace ClusterPolicyMiner.Thresholds;

/// <summary>What one number was read as: criteria, procedural facts (a range gives two), or nothing; and
/// whether its clause looks like a requirement (so that nothing read is worth a diagnostic).</summary>
internal sealed record MentionReading(IReadOnlyList<Threshold> Criteria, IReadOnlyList<Threshold> Procedural, bool LooksLikeRequirement);

/// <summary>Reads one number in its clause and sentence.
/// <list type="bullet">
/// <item>Comparator: before or after the number (<see cref="Comparators"/>); a range (5至10亿元) is its own
/// pair of bounds; an open amount (500余, 五百多, 几十) with no comparator reads as &gt;.</item>
/// <item>Metric: the labels of the clause; when it has none, those of the nearest earlier clause of the same
/// sentence that has one (集群产值…，且年均增速高于5%; 重大变更的，应在15个工作日内报告), whose words before the
/// number then count for the qualifiers too.</item>
/// <item>Conditions and soft words: in the clause before the number, and in the clauses that lead the sentence
/// without a number of their own (原则上，…; 对于县级市，…).</item>
/// <item>Exclusion: a clause ending in 的 followed by an exclusion verb (不足5%的，不予认定) states the opposite
/// requirement (&gt;= 5), with the exclusion phrase kept.</item>
/// </list></summary>
internal sealed partial class RequirementReader(
    string text, List<Clause> clauses, HashSet<int> numberedClauses, MetricTaxonomy taxonomy, ReadingLexicon lexicon, Comparators comparators)
{
    private static readonly MentionReading Nothing = new([], [], false);

    /// <summary>Characters of sentence context kept on each side of a clause; real sentences are far shorter.</summary>
    private const int SentenceWindow = 2000;

    public MentionReading Read(NumberMention mention, int index, SourceRef source)
    {
        var clause = clauses[index];
        var clauseText = source.Quote;
        // The sentence as context, within a window: a page-long "sentence" (a line of commas) must not make every
        // number in it copy and scan the whole of it (quadratic time on hostile input).
        var sentence = text[Math.Max(clause.SentenceStart, clause.Start - SentenceWindow)..Math.Min(clause.SentenceEnd, clause.End + SentenceWindow)];
        var quantity = Quantities.Of(mention);
        var isTime = mention.Kind is NumberKind.Duration or NumberKind.Date;
        // 截止日期：2024年6月30日: a number that opens the clause after a colon is compared by the words before it.
        var compareFrom = index > 0 && text[clause.Start..mention.Start].Trim().Length == 0 && clause.Start > 0
            && text[clause.Start - 1] is '：' or ':' && clauses[index - 1].SentenceStart == clause.SentenceStart
            ? clauses[index - 1].Start : clause.Start;
        var found = comparators.Find(text, compareFrom, mention.Start, mention.End, clause.End, isTime);
        var isRange = mention.Kind == NumberKind.Range && mention.Upper is not null;
        var looksLike = LooksLikeRequirement(mention, clause, found);

        var unit = quantity.Unit;
        // A label is taken from an earlier clause when the number is compared (且年均增速高于5%) or stands
        // almost alone in its clause (2024年7月24日—28日（5个工作日）), never for a number of another phrase.
        // A compared clause that writes a measure of its own (…，出口交货值占比不低于10%) does not borrow one.
        var inherits = found is not null && !WritesOwnLabel(clause, Math.Min(found.PhraseStart, mention.Start)) || isRange || mention.Open is not null || IsBare(clause);
        var (match, labelStart) = FindMetric(unit, index, sentence, found?.Reference is not null, inherits);
        if (match is null && unit == "number" && Quantities.HasScaleWord(mention))
        {
            (match, labelStart) = FindMetric("CNY", index, sentence, false, inherits);
            if (match is not null) unit = "CNY";
        }
        var before = text[labelStart..mention.Start];
        var lead = LeadText(index);
        var qualifiers = Qualifiers(before, text[labelStart..clause.End], lead);
        // A relative rule is measured against its reference, not on the metric's own scale: say so to checks.
        if (found?.Reference is not null) qualifiers.Add("relative");
        // A deadline's 各市 names whom it is addressed to, not a class it is limited to.
        var conditions = unit == "date" ? [] : lexicon.ConditionsIn(lead + "\n" + text[clause.Start..mention.Start]);
        var comparator = found?.Comparator;
        if (comparator is null && mention.Open is { } open) comparator = new Comparator(open, ">");
        var exclusion = Exclusion(mention, clause, found);
        if (exclusion is { } ex && lexicon.Soft.Any(ex.Contains) && !qualifiers.Contains("soft")) qualifiers.Add("soft");

        Threshold Make(string metric, string label, string op, decimal? value, string phrase, IReadOnlyList<string> quals, string? textValue = null) =>
            new(metric, label, exclusion is null ? op : Invert(op), value, unit, phrase, quals, null, source, textValue,
                conditions, found?.Reference, exclusion, quantity.Written);

        IReadOnlyList<Threshold> Bounds(string metric, string label)
        {
            if (!isRange) return [Make(metric, label, comparator!.Value.Op, quantity.Value, comparator.Value.Phrase, qualifiers)];
            var phrase = RangeWord().Match(mention.Text).Value;
            List<string> quals = [.. qualifiers, "range"];
            return [Make(metric, label, ">=", quantity.Value, phrase, quals), Make(metric, label, "<=", quantity.Upper, phrase, quals)];
        }

        if (match is { Metric.IsCriterion: false } p)
        {
            if (unit == "date")
            {
                // A deadline: 3月30日前, 截止时间为5月31日; a date alone is not.
                if (found?.Comparator is not { Op: "<=" } deadline || deadline.Phrase.Length == 0)
                    return Nothing with { LooksLikeRequirement = looksLike };
                var date = DateValue(mention, p.Metric.Context.Count > 0);
                return new([], [Make(p.Metric.Id, p.Label, "<=", null, deadline.Phrase, qualifiers, date)], looksLike);
            }
            if (p.Metric.RequiresComparator && comparator is null && !isRange) return Nothing with { LooksLikeRequirement = looksLike };
            if (isRange) return new([], Bounds(p.Metric.Id, p.Label), looksLike);
            return new([], [Make(p.Metric.Id, p.Label, comparator?.Op ?? "=", quantity.Value, comparator?.Phrase ?? "", qualifiers)], looksLike);
        }
        if (unit == "date" || comparator is null && !isRange) return Nothing with { LooksLikeRequirement = looksLike };
        if (match is { } c) return new(Bounds(c.Metric.Id, c.Label), [], looksLike);
        // No known metric: kept as unknown only when a comparator is written (a range or an open amount alone
        // is too weak a sign of a requirement).
        if (found is null || isRange) return Nothing with { LooksLikeRequirement = looksLike };
        return new([Make("unknown", RawLabel(clause, mention, found), comparator!.Value.Op, quantity.Value, comparator.Value.Phrase, qualifiers)], [], looksLike);
    }

    /// <summary>The metric of the clause, else of the nearest earlier clause of the sentence that names one;
    /// with where the label's clause starts.</summary>
    private ((Metric Metric, string Label)? Match, int LabelStart) FindMetric(string unit, int index, string sentence, bool relative, bool inherits)
    {
        var clause = clauses[index];
        for (var k = index; k >= 0 && clauses[k].SentenceStart == clause.SentenceStart; k--)
        {
            var words = text[clauses[k].Start..(k == index ? clause.End : clauses[k].End)];
            if (taxonomy.Match(unit, words, sentence, relative) is { } m) return (m, clauses[k].Start);
            if (unit == "date" || !inherits) break;
        }
        return (null, clause.Start);
    }

    /// <summary>Whether the words before the comparator name something: two Chinese characters or more once the
    /// conditions (中西部地区), the leading conjunction, the subject words and the requirement verbs (应, 须) are
    /// taken away.</summary>
    private bool WritesOwnLabel(Clause clause, int phraseStart)
    {
        if (phraseStart <= clause.Start) return false;
        var words = text[clause.Start..phraseStart];
        foreach (var condition in lexicon.ConditionsIn(words)) words = words.Replace(condition, "", StringComparison.Ordinal);
        words = lexicon.RequirementVerbs.Replace(LabelNoise().Replace(words, ""), "");
        return taxonomy.WithoutSubjects(words).Count(c => c >= '一' && c <= '鿿') >= 2;
    }

    /// <summary>A clause of numbers, dates and brackets with at most three other Chinese characters.</summary>
    private bool IsBare(Clause clause) =>
        BareWords().Replace(text[clause.Start..clause.End], "").Count(c => c >= '一' && c <= '鿿') <= 3;

    [GeneratedRegex(@"[0-9０-９.]+|[年月日至到个工作天]|[一二三四五六七八九十]")]
    private static partial Regex BareWords();

    /// <summary>The clauses of the sentence before this one that hold no number: they lead the rule.</summary>
    private string LeadText(int index)
    {
        var clause = clauses[index];
        var parts = new List<string>();
        for (var k = index - 1; k >= 0 && clauses[k].SentenceStart == clause.SentenceStart; k--)
            if (!numberedClauses.Contains(k)) parts.Insert(0, text[clauses[k].Start..clauses[k].End]);
        return string.Join("\n", parts);
    }

    /// <summary>A comparator, or 须/应/需 in the clause; never a window (近3年) or a count of the text's own list
    /// (以下九方面).</summary>
    private bool LooksLikeRequirement(NumberMention m, Clause clause, ComparatorMatch? found)
    {
        var before = text[clause.Start..m.Start].Replace(" ", "");
        if (lexicon.NotRequirements.Any(w => before.EndsWith(w, StringComparison.Ordinal))) return false;
        var after = text[m.End..clause.End].Replace(" ", "");
        if (lexicon.NotRequirementsAfter.Any(w => after.StartsWith(w, StringComparison.Ordinal))) return false;
        return found is { Comparator.Phrase.Length: > 0 } || lexicon.RequirementVerbs.IsMatch(text[clause.Start..clause.End]);
    }

    /// <summary>不足5%的，不予认定: the phrase from the comparator to the end of the exclusion verb; null when
    /// the number is not excluded.</summary>
    private string? Exclusion(NumberMention m, Clause clause, ComparatorMatch? found)
    {
        if (found is null || found.Comparator.Op is "~" or "=") return null;
        var after = text[m.End..clause.End];
        if (!after.Contains('的')) return null;
        var rest = text[m.End..Math.Min(clause.SentenceEnd, clause.End + SentenceWindow)];
        foreach (var verb in lexicon.ExclusionVerbs)
        {
            var i = rest.IndexOf(verb, StringComparison.Ordinal);
            if (i >= 0 && i >= after.IndexOf('的')) return text[found.PhraseStart..(m.End + i + verb.Length)];
        }
        return null;
    }

    private static string Invert(string op) => op switch
    {
        "<" => ">=", "<=" => ">", ">" => "<=", ">=" => "<", _ => op,
    };

    private List<string> Qualifiers(string beforeNumber, string clause, string lead)
    {
        var list = new List<string>();
        if (EachOfLastThreeYears().IsMatch(beforeNumber)) list.Add("each-of-last-3-years");
        if (clause.Contains("年均")) list.Add("annual-average");
        if (lexicon.Soft.Any(w => beforeNumber.Contains(w) || lead.Contains(w))) list.Add("soft");
        return list;
    }

    /// <summary>每年3月30日前 is a yearly deadline: MM-dd. Otherwise the date as written.</summary>
    private static string? DateValue(NumberMention m, bool yearly) =>
        m.DateText is { } d && yearly && d.Length == 10 ? d[5..] : m.DateText;

    /// <summary>For an unknown metric, the words before the comparator (or before the number), without the
    /// reference of a relative rule (发明专利拥有量是全国平均水平的1.5倍 → 发明专利拥有量), the leading 或者 and
    /// the subject 集群.</summary>
    private string RawLabel(Clause clause, NumberMention m, ComparatorMatch found)
    {
        var cmp = found.Comparator;
        var before = text[clause.Start..m.Start].TrimEnd();
        if (found.Reference is { } reference && before.LastIndexOf(reference, StringComparison.Ordinal) is > 0 and var at)
            before = before[..at].TrimEnd().TrimEnd('比');
        if (cmp.Phrase.Length > 0 && before.EndsWith(cmp.Phrase, StringComparison.Ordinal)) before = before[..^cmp.Phrase.Length];
        before = LabelNoise().Replace(before, "").Trim();
        return before.Length > 0 ? before : text[m.End..clause.End].Trim();
    }

    [GeneratedRegex(@"至|到|[-~～—–－]")]
    private static partial Regex RangeWord();

    [GeneratedRegex(@"近(?:三|3)年.*(?<!年)均")]
    private static partial Regex EachOfLastThreeYears();

    [GeneratedRegex(@"^(?:或者|或|且|并且|和)|^集群|(?:均在|均为|均|在|为|达到|达|是|一般)$")]
    private static partial Regex LabelNoise();
}
