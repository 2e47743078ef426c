using System.Collections.Concurrent;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>Politeness: one request at a time per host, and a pause between the end of one request and
/// the start of the next. The pause runs on the injected clock so tests need not sleep.</summary>
internal sealed class HostGate(TimeProvider time, TimeSpan delay)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Waits for the host's turn; dispose the result when the response has been read.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancel)
    {
        var slot = _slots.GetOrAdd(url.IdnHost.ToLowerInvariant(), _ => new Slot());
        await slot.Lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (slot.LastEnded is { } last)
            {
                var wait = last + delay - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, cancel).ConfigureAwait(false);
            }
        }
        catch
        {
            slot.Lock.Release();
            throw;
        }
        return new Turn(slot, time);
    }

    private sealed class Slot
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public DateTimeOffset? LastEnded { get; set; }
    }

    private sealed class Turn(Slot slot, TimeProvider time) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            slot.LastEnded = time.GetUtcNow();
            slot.Lock.Release();
        }
    }
}
