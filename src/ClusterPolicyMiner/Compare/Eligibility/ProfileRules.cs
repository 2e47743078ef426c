using ClusterPolicyMiner.Structure;
using ClusterPolicyMiner.Thresholds;

namespace ClusterPolicyMiner.Compare.Eligibility;

/// <summary>What a profile may say: metric ids of the taxonomy file, province-level names (full or short),
/// and values that can be true (no negatives, shares within 0–100).</summary>
internal static class ProfileRules
{
    internal sealed record Problem(bool IsError, string Message);

    /// <summary>Shares of a whole: a value over 100 cannot be; one below 1 is likely a fraction. Growth rates
    /// are percentages too but may exceed 100, so they are not here.</summary>
    private static readonly HashSet<string> Shares = new(StringComparer.Ordinal)
    {
        "sme_output_share", "leading_industry_share", "iip_adoption_rate",
    };

    /// <summary>The unit of a criterion metric of the taxonomy, null when the id is not one.</summary>
    public static string? UnitOf(string metric) =>
        MetricTaxonomy.Default.Metrics.FirstOrDefault(m => m.IsCriterion && m.Id == metric)?.Unit;

    /// <summary>A metric of the taxonomy that is procedural (a deadline, a quota), not a criterion.</summary>
    public static bool IsProcedural(string metric) =>
        MetricTaxonomy.Default.Metrics.Any(m => !m.IsCriterion && m.Id == metric);

    public static Problem? Check(string metric, string unit, decimal value, string? written)
    {
        if (value < 0) return new(true, $"{written} is negative");
        if (Shares.Contains(metric) && value > 100) return new(true, $"{written} is over 100%, which a share cannot be");
        if (Shares.Contains(metric) && value is > 0 and < 1 && !(written ?? "").Contains('%'))
            return new(false, $"{written} reads as {ThresholdText.Number(value)}%; if it is a fraction, write {ThresholdText.Number(value * 100)}");
        if (unit == "count" && value != decimal.Truncate(value)) return new(true, $"{written} is not a whole number");
        return null;
    }

    /// <summary>The full name of a province-level division from its full or short form (青海, 广西, 内蒙古), or 全国.</summary>
    public static string? Jurisdiction(string written)
    {
        var s = written.Trim();
        if (s == Jurisdictions.National) return s;
        if (Jurisdictions.Provinces.Contains(s)) return s;
        if (s.Length < 2) return null;
        var candidates = Jurisdictions.Provinces.Where(p => p.StartsWith(s, StringComparison.Ordinal)).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>The criterion id closest to a mistyped one (edit distance).</summary>
    public static string Nearest(string metric) =>
        MetricTaxonomy.Default.Metrics.Where(m => m.IsCriterion)
            .MinBy(m => Distance(metric, m.Id))!.Id;

    private static int Distance(string a, string b)
    {
        var prev = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var cur = new int[b.Length + 1];
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            prev = cur;
        }
        return prev[b.Length];
    }
}
