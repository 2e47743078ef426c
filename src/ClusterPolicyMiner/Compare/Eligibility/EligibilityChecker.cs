using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare.Eligibility;

/// <summary>The outcome of one rule for one cluster.</summary>
public enum RuleOutcome
{
    Pass,
    Fail,
    /// <summary>A soft rule (一般) not met: a warning, not a failure.</summary>
    Warning,
    /// <summary>The profile lacks the figure the rule needs.</summary>
    Missing,
    /// <summary>Not met or not known, but another member of its any_of group passes.</summary>
    CoveredByAlternative,
}

/// <summary>The outcome for one document.</summary>
public enum Eligibility { Eligible, NotEligible, Undetermined }

/// <summary>One rule checked: the requirement, the cluster's figure (null when missing), outcome and reason.</summary>
public sealed record RuleCheck(
    string Metric, string Requirement, string? Group, bool Soft, decimal? Figure, RuleOutcome Outcome, string Reason);

/// <summary>One document's rules checked against the profile.</summary>
public sealed record DocumentCheck(
    string DocumentId, string Jurisdiction, string? Title, Eligibility Eligibility,
    IReadOnlyList<RuleCheck> Rules, IReadOnlyList<string> MissingFigures);

/// <summary>A profile checked against every jurisdiction's edition in force on a date.</summary>
public sealed record EligibilityReport(DateOnly On, string? ProfileName, IReadOnlyList<DocumentCheck> Documents);

/// <summary>Checks a cluster's figures against the criteria (thresholds) of the editions in force.</summary>
public static class EligibilityChecker
{
    public static EligibilityReport Check(ClusterProfile profile, IReadOnlyList<PolicyDocument> docs, DateOnly on)
    {
        var inForce = Editions.Latest(docs, on)
            .Where(d => profile.Jurisdiction is null || Editions.JurisdictionOf(d) == profile.Jurisdiction);
        return new EligibilityReport(on, profile.Name, inForce.Select(d => CheckDocument(profile, d)).ToList());
    }

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

        var eligibility = rules.Any(r => r.Outcome == RuleOutcome.Fail) ? Eligibility.NotEligible
            : rules.Any(r => r.Outcome == RuleOutcome.Missing) ? Eligibility.Undetermined
            : Eligibility.Eligible;
        var missing = rules.Where(r => r.Outcome == RuleOutcome.Missing).Select(r => r.Metric)
            .Distinct(StringComparer.Ordinal).ToList();
        return new DocumentCheck(doc.Id, Editions.JurisdictionOf(doc), doc.Metadata.Title, eligibility, rules, missing);
    }

    private static RuleCheck CheckRule(ClusterProfile profile, Threshold t)
    {
        var requirement = ThresholdText.Describe(t);
        var soft = t.Qualifiers.Contains("soft", StringComparer.Ordinal);
        var name = $"{t.Metric} ({CriteriaTable.NameOf(t.Metric)})";
        if (t.Value is not { } bound)
            return new(t.Metric, requirement, t.Group, soft, null, RuleOutcome.Missing,
                $"{name}: the requirement '{requirement}' has no numeric value to check");

        var (figure, note) = Figures.Of(profile, t.Metric);
        if (figure is not { } value)
            return new(t.Metric, requirement, t.Group, soft, null, RuleOutcome.Missing, $"missing figure {name}{note}");

        var met = Satisfies(value, t.Op, bound);
        var shown = ThresholdText.Amount(value, t.Unit) + note;
        var outcome = met ? RuleOutcome.Pass : soft ? RuleOutcome.Warning : RuleOutcome.Fail;
        var reason = met ? $"{name}: {shown} meets {requirement}"
            : $"{name}: {shown} does not meet {requirement}" + (soft ? " (soft requirement: warning)" : "");
        return new(t.Metric, requirement, t.Group, soft, value, outcome, reason);
    }

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
}
