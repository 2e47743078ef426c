using System.Globalization;

namespace ClusterPolicyMiner.Model;

/// <summary>Dates as every output writes them: ISO <c>YYYY-MM-DD</c>, whatever the machine's culture.</summary>
public static class IsoDate
{
    public static string Of(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Null for an unknown date.</summary>
    public static string? Of(DateOnly? d) => d is { } v ? Of(v) : null;
}
