namespace ClusterPolicyMiner.Compare.Eligibility;

/// <summary>Finds the figure a metric needs in a profile, deriving the two that come from output by year.</summary>
internal static class Figures
{
    /// <summary>The value (null when missing) and a note on how it was obtained or what is lacking.</summary>
    public static (decimal? Value, string Note) Of(ClusterProfile profile, string metric)
    {
        if (profile.Figures.TryGetValue(metric, out var given)) return (given, "");
        var years = profile.Output.Keys.Order().ToList();
        switch (metric)
        {
            case "output_3y_each":
                if (years.Count < 3)
                    return (null, $": output for the last three years is needed, {years.Count} given");
                var last3 = years.TakeLast(3).ToList();
                var lowestYear = last3.MinBy(y => profile.Output[y]);
                return (profile.Output[lowestYear], $" (lowest of {last3[0]}–{last3[^1]}, in {lowestYear})");
            case "output_growth_annual":
                if (years.Count < 2 || profile.Output[years[0]] <= 0)
                    return (null, ": give it under figures or output for at least two years");
                var span = years[^1] - years[0];
                var ratio = (double)(profile.Output[years[^1]] / profile.Output[years[0]]);
                var cagr = (decimal)Math.Round((Math.Pow(ratio, 1.0 / span) - 1) * 100, 2);
                return (cagr, $" (compound annual growth {years[0]}–{years[^1]})");
            default:
                return (null, "");
        }
    }
}
