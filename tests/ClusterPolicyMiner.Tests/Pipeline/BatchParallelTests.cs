using ClusterPolicyMiner.Pipeline;

namespace ClusterPolicyMiner.Tests.Pipeline;

public class BatchParallelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void OverlappedConsumesEveryItemOnceInOrderWithItsOwnResultOnTheCallingThread(int parallelism)
    {
        var caller = Environment.CurrentManagedThreadId;
        var rng = new Random(3);
        var delays = Enumerable.Range(0, 40).Select(_ => rng.Next(0, 4)).ToArray();
        var enumeratedOn = new List<int>();
        IEnumerable<int> Items()
        {
            for (var i = 0; i < delays.Length; i++)
            {
                enumeratedOn.Add(Environment.CurrentManagedThreadId);
                yield return i;
            }
        }
        var consumed = new List<(int, int)>();
        var consumedOn = new HashSet<int>();
        BatchParallel.Overlapped(Items(), i =>
        {
            Thread.Sleep(delays[i]);
            return i * i;
        }, (i, square) =>
        {
            consumed.Add((i, square));
            consumedOn.Add(Environment.CurrentManagedThreadId);
        }, parallelism);
        Assert.Equal(Enumerable.Range(0, delays.Length).Select(i => (i, i * i)), consumed);
        Assert.All(enumeratedOn, t => Assert.Equal(caller, t));
        Assert.Equal(new[] { caller }, consumedOn);
    }

    [Fact]
    public void OverlappedMapsTheNextItemWhileTheOneBeforeIsConsumed()
    {
        // The consumer of item 0 waits for item 1's map to start: taken in turn, it would wait in vain.
        using var secondStarted = new ManualResetEventSlim();
        var waited = false;
        BatchParallel.Overlapped(new[] { 0, 1 }, i =>
        {
            if (i == 1) secondStarted.Set();
            return i;
        }, (i, _) =>
        {
            if (i == 0) waited = secondStarted.Wait(TimeSpan.FromSeconds(30));
        });
        Assert.True(waited);
    }
}
