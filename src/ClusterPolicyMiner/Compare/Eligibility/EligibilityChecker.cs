using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare.Eligibility;

/// <summary>The outcome of one rule for one cluster.</summary>
public enum RuleOutcome
{
    Pass,
    Fail,
    /// <summary>A soft rule (一般) not met: a warning, not a failure.</summary>
    Warning,
    /// <summary>The profile lacks the figure the rule needs, the rule has no number to check, or the rule is
    /// relative and its reference value (全省平均水平) is not known.</summary>
    Missing,
    /// <summary>Not met or not known, but another member of its any_of group passes.</summary>
    CoveredByAlternative,
}

/// <summary>The verdict for one jurisdiction.</summary>
public enum Eligibility
{
    Eligible,
    NotEligible,
    /// <summary>No rule fails, but figures the rules need are missing: the verdict names them.</summary>
    Incomplete,
    /// <summary>No criteria in force on the date (only procedural rules, criteria in a document not in the
    /// corpus, only drafts, or nothing in force): never eligible.</summary>
    NoCriteria,
}

/// <summary>One rule checked: the requirement, the cluster's figure (null when missing), outcome and reason,
/// and where the rule was read (article path and quoted sentence). <c>Reference</c> is what a relative rule
/// is measured against (全省平均水平); such a rule is never checked as if its value were an absolute bound.</summary>
public sealed record RuleCheck(
    string Metric, string Requirement, string? Group, bool Soft, decimal? Figure, RuleOutcome Outcome, string Reason,
    SourceRef? Source = null, IReadOnlyList<string>? Conditions = null, string? Reference = null)
{
    /// <summary>The classes of applicant the rule is limited to; empty when it holds for all.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = Conditions ?? [];

    /// <summary>Limited to some applicants, so it does not decide the verdict.</summary>
    public bool Conditional => Conditions.Count > 0;
}

/// <summary>One jurisdiction's verdict: the document checked (null when none has criteria in force), its
/// rules, the figures to supply, and for <see cref="Eligibility.NoCriteria"/> why, with the cited
/// documents that hold the criteria but are not in the corpus.</summary>
public sealed record DocumentCheck(
    string? DocumentId, string Jurisdiction, string? Title, Eligibility Eligibility,
    IReadOnlyList<RuleCheck> Rules, IReadOnlyList<string> MissingFigures,
    string? Why = null, IReadOnlyList<Citation>? CriteriaNotInCorpus = null)
{
    /// <summary>Cited documents holding the criteria that are not in the corpus, never null.</summary>
    public IReadOnlyList<Citation> CriteriaNotInCorpus { get; init; } = CriteriaNotInCorpus ?? [];
}

/// <summary>A profile checked against every jurisdiction's edition in force on a date.</summary>
public sealed record EligibilityReport(DateOnly On, string? ProfileName, IReadOnlyList<DocumentCheck> Documents)
{
    public bool EligibleSomewhere => Documents.Any(d => d.Eligibility == Eligibility.Eligible);
}

/// <summary>Checks a cluster's figures against the criteria of the editions in force. Where the store has
/// no criteria in force for a jurisdiction, the verdict says so and why: never eligible by default.</summary>
public static class EligibilityChecker
{
    public static EligibilityReport Check(ClusterProfile profile, IReadOnlyList<PolicyDocument> docs, DateOnly on) =>
        Check(profile, docs, d => d, on);

    /// <summary>The check from the documents' whole metadata (<paramref name="described"/>; their text and
    /// requirements may be missing): <paramref name="load"/> gives a model only for the editions in force.</summary>
    public static EligibilityReport Check(ClusterProfile profile, IReadOnlyList<PolicyDocument> described,
        Func<PolicyDocument, PolicyDocument> load, DateOnly on)
    {
        var docs = described;
        var jurisdictions = docs.Select(Editions.JurisdictionOf)
            .Where(j => j != Editions.UnknownJurisdiction)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (profile.Jurisdiction is { } only)
            jurisdictions = [only];
        var chains = EditionChains.Build(docs);
        var checks = jurisdictions.Select(j => CheckJurisdiction(profile, j,
            docs.Where(d => Editions.JurisdictionOf(d) == j).ToList(), docs, chains, load, on)).ToList();
        return new EligibilityReport(on, profile.Name, checks);
    }

    private static DocumentCheck CheckJurisdiction(ClusterProfile profile, string jurisdiction,
        IReadOnlyList<PolicyDocument> own, IReadOnlyList<PolicyDocument> all, IReadOnlyList<EditionChain> chains,
        Func<PolicyDocument, PolicyDocument> load, DateOnly on)
    {
        DocumentCheck None(string why, PolicyDocument? doc = null, IReadOnlyList<Citation>? cited = null) =>
            new(doc?.Id, jurisdiction, doc?.Metadata.Title, Eligibility.NoCriteria, [], [], why, cited);

        var when = IsoDate.Of(on);
        if (own.Count == 0) return None($"no document of {jurisdiction} is in the store");
        var finals = own.Where(d => !Editions.IsDraft(d)).ToList();
        if (finals.Count == 0) return None($"only drafts: a draft's criteria are not in force ({own.Count} draft(s))");
        var inForce = finals.Where(d => Editions.InForce(d, on, chains))
            .OrderByDescending(d => Editions.StartOf(d)).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        if (inForce.Count == 0)
        {
            var spans = string.Join("; ", finals.Select(d =>
                $"{DocumentIds.Short(d.Id)} from {Date(Editions.StartOf(d))}" + (Editions.EndOf(d) is { } e ? $" to {Date(e)}" : "")
                + (EditionChains.LinkOf(chains, d.Id) is { SupersededBy: { } by, SupersededOn: { } from } ? $", superseded by {DocumentIds.Short(by)} from {Date(from)}" : "")));
            return None($"no document is in force on {when} ({spans})");
        }

        var withCriteria = inForce.Select(load).FirstOrDefault(HasCriteria);
        if (withCriteria is not null) return CheckDocument(profile, withCriteria);

        // Only procedural rules in force: the criteria are in a measure the notices cite; name the ones the
        // corpus lacks (by number). The national measures are the national standard, not this jurisdiction's.
        var latest = load(inForce[0]);
        var numbers = all.Select(d => d.Metadata.DocNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var national = NationalBaseline.Default.DocNumber;
        var missing = inForce.SelectMany(d => d.Metadata.Cites)
            .Where(c => c.DocNumber is { } n && n != national && !numbers.Contains(n))
            .DistinctBy(c => c.DocNumber).ToList();
        var procedural = latest.Procedural.Count;
        var why = $"only procedural rules in force on {when} ({procedural} procedural fact(s) in {DocumentIds.Short(latest.Id)}, no criteria)"
            + (missing.Count > 0
                ? "; its criteria are in a cited document not in the corpus: " + string.Join(", ", missing.Select(c => $"《{c.Title}》{c.DocNumber}"))
                : "");
        return None(why, latest, missing);
    }

    private static bool HasCriteria(PolicyDocument d) => d.Thresholds.Any(t => t.Metric != "unknown");

    private static DocumentCheck CheckDocument(ClusterProfile profile, PolicyDocument doc)
    {
        var rules = doc.Thresholds
            .Where(t => t.Metric != "unknown")
            .OrderBy(t => t.Source.Start)
            .Select(t => CheckRule(profile, t))
            .ToList();

        // any_of: one passing member carries the group; the others are covered, not failed.
        var passingGroups = rules.Where(r => r.Group is not null && r.Outcome == RuleOutcome.Pass)
            .Select(r => r.Group!).ToHashSet(StringComparer.Ordinal);
        rules = rules.Select(r => r.Group is { } g && passingGroups.Contains(g) && r.Outcome != RuleOutcome.Pass
            ? r with { Outcome = RuleOutcome.CoveredByAlternative, Reason = r.Reason + "; another requirement of its any_of group is met" }
            : r).ToList();

        // A requirement is a lone rule or an any_of group: it fails only when every member fails, and it is
        // unknown when none passes and one lacks its figure. A soft rule never decides the verdict.
        // A rule limited to a class of applicant (中西部地区, 革命老区 …) is shown but does not decide either: the
        // profile does not say whether the cluster is of that class.
        var units = rules.Select((r, i) => (Rule: r, Key: r.Group ?? "#" + i)).Where(x => !x.Rule.Soft && !x.Rule.Conditional)
            .GroupBy(x => x.Key, x => x.Rule).ToList();
        var failed = units.Any(u => u.All(r => r.Outcome == RuleOutcome.Fail));
        var unknown = units.Any(u => u.Any(r => r.Outcome == RuleOutcome.Missing) && !u.Any(r => r.Outcome is RuleOutcome.Pass or RuleOutcome.CoveredByAlternative));
        var eligibility = failed ? Eligibility.NotEligible : unknown ? Eligibility.Incomplete : Eligibility.Eligible;
        // What to supply: the metric's figure, or for a relative rule the reference value beside it.
        var missing = rules.Where(r => r.Outcome == RuleOutcome.Missing)
            .Select(r => r.Reference is { } re ? $"{r.Metric} and its reference value ({re})" : r.Metric)
            .Distinct(StringComparer.Ordinal).ToList();
        var why = eligibility == Eligibility.Incomplete ? "figures to supply: " + string.Join(", ", missing) : null;
        return new DocumentCheck(doc.Id, Editions.JurisdictionOf(doc), doc.Metadata.Title, eligibility, rules, missing, why);
    }

    private static RuleCheck CheckRule(ClusterProfile profile, Threshold t)
    {
        var requirement = ThresholdText.Describe(t);
        var soft = t.Qualifiers.Contains("soft", StringComparer.Ordinal);
        var name = $"{t.Metric} ({CriteriaTable.NameOf(t.Metric)})";
        var cite = (t.Conditions.Count > 0 ? $" (only for {string.Join("、", t.Conditions)}: does not decide the verdict)" : "")
            + $" [{t.Source.Path}: “{t.Source.Quote}”]";
        // A relative rule (高于全省平均水平2个百分点, 全国平均的1.5倍) states a margin or a multiple of a reference
        // value the profile does not carry: it is unknown, never checked against its number as an absolute bound.
        if (t.Reference is { } reference)
            return new(t.Metric, requirement, t.Group, soft, Figures.Of(profile, t.Metric).Value, RuleOutcome.Missing,
                $"{name}: the rule is relative to {reference} ({Relative(t)}); checking it needs the value of {reference}, "
                + "which a profile does not state: check it by hand" + cite, t.Source, t.Conditions, reference);

        if (t.Value is not { } bound)
            return new(t.Metric, requirement, t.Group, soft, null, RuleOutcome.Missing,
                $"{name}: the requirement '{requirement}' has no numeric value to check" + cite, t.Source, t.Conditions);

        var (figure, note) = Figures.Of(profile, t.Metric);
        if (figure is not { } value)
            return new(t.Metric, requirement, t.Group, soft, null, RuleOutcome.Missing,
                $"missing figure {name}{note}; the rule is {requirement}" + cite, t.Source, t.Conditions);

        var met = Satisfies(value, t.Op, bound);
        var shown = ThresholdText.Amount(value, t.Unit) + note;
        var outcome = met ? RuleOutcome.Pass : soft ? RuleOutcome.Warning : RuleOutcome.Fail;
        var reason = met ? $"{name}: {shown} meets {requirement}"
            : $"{name}: {shown} does not meet {requirement}" + (soft ? " (soft requirement: warning)" : "");
        return new(t.Metric, requirement, t.Group, soft, value, outcome, reason + cite, t.Source, t.Conditions);
    }

    /// <summary>A relative requirement in words: the margin or multiple and its reference.</summary>
    private static string Relative(Threshold t) =>
        $"{t.Op} {(t.Value is { } v ? ThresholdText.Number(v) : "?")}" + (t.Unit switch
        {
            "times" => " times",
            "%" => "% against",
            _ => " " + t.Unit + " against",
        }) + " " + t.Reference;

    /// <summary>The comparator's meaning; ~ (左右, 约) is met within 10% of the bound.</summary>
    internal static bool Satisfies(decimal value, string op, decimal bound) => op switch
    {
        ">=" => value >= bound,
        ">" => value > bound,
        "<=" => value <= bound,
        "<" => value < bound,
        "=" => value == bound,
        "~" => Math.Abs(value - bound) <= Math.Abs(bound) / 10m,
        _ => false,
    };


    private static string Date(DateOnly? d) => IsoDate.Of(d) ?? "?";
}
