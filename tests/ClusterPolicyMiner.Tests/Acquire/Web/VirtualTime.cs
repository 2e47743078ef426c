namespace ClusterPolicyMiner.Tests.Acquire.Web;

/// <summary>A clock for tests: every wait ends at once and moves the clock forward by its length, and
/// the waits are recorded, so politeness and backoff can be asserted without sleeping.</summary>
internal sealed class VirtualTime : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Waits { get { lock (_lock) return [.. _waits]; } }

    public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_lock)
            {
                _now += dueTime;
                _waits.Add(dueTime);
            }
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
