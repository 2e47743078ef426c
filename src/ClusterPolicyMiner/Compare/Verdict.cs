using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Compare;

/// <summary>How one requirement stands against another on the same metric.</summary>
public enum Verdict
{
    /// <summary>This cell is the baseline itself.</summary>
    Baseline,
    /// <summary>Same bound and same comparator.</summary>
    Equal,
    /// <summary>Harder to meet than the baseline (a higher floor, a lower ceiling, or the bound excluded).</summary>
    Stricter,
    /// <summary>Easier to meet than the baseline.</summary>
    Looser,
    /// <summary>Different directions, units, approximate values or a missing value: no order exists.</summary>
    Incomparable,
    /// <summary>The document has no requirement on this metric.</summary>
    Missing,
    /// <summary>The document has a requirement but the baseline has none to measure it against (with the
    /// national baseline: no national value).</summary>
    NoBaseline,
    /// <summary>The document is a draft shown without drafts being included: its requirement is not judged.</summary>
    Draft,
}

/// <summary>Orders requirements by strictness, honouring the comparator: for floors (&gt;=, &gt;) a higher
/// value is stricter and at the same value &gt; is stricter than &gt;=; for ceilings (&lt;=, &lt;) a lower
/// value is stricter and &lt; is stricter than &lt;=.</summary>
internal static class Strictness
{
    public static Verdict Compare(Threshold? candidate, Threshold? baseline)
    {
        if (candidate is null) return Verdict.Missing;
        if (baseline is null) return Verdict.NoBaseline;
        if (candidate.Value is not { } v || baseline.Value is not { } b) return Verdict.Incomparable;
        if (!string.Equals(candidate.Unit, baseline.Unit, StringComparison.Ordinal)) return Verdict.Incomparable;

        var dc = Direction(candidate.Op);
        if (dc != Direction(baseline.Op)) return Verdict.Incomparable;
        if (dc == 0)
            return candidate.Op == baseline.Op && v == b ? Verdict.Equal : Verdict.Incomparable;

        // Floors: bigger is stricter. Ceilings: flip the sign so the same comparison works.
        var cmp = dc * v.CompareTo(b);
        if (cmp == 0) cmp = IsStrict(candidate.Op).CompareTo(IsStrict(baseline.Op));
        return cmp switch { > 0 => Verdict.Stricter, < 0 => Verdict.Looser, _ => Verdict.Equal };
    }

    /// <summary>+1 for floors, -1 for ceilings, 0 for = and ~ (no direction).</summary>
    public static int Direction(string op) => op switch
    {
        ">=" or ">" => 1,
        "<=" or "<" => -1,
        _ => 0,
    };

    private static bool IsStrict(string op) => op is ">" or "<";

    /// <summary>Orders from loosest to strictest; only valid for thresholds that are mutually comparable.</summary>
    public static int Order(Threshold a, Threshold b) => Compare(a, b) switch
    {
        Verdict.Stricter => 1,
        Verdict.Looser => -1,
        _ => 0,
    };
}
