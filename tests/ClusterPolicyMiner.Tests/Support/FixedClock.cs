namespace ClusterPolicyMiner.Tests.Support;

/// <summary>A clock that always says the same instant, for commands whose default date is today.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
