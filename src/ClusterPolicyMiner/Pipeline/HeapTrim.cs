namespace ClusterPolicyMiner.Pipeline;

/// <summary>Gives the memory of finished work back during a long run. On a machine with many gigabytes the
/// collector lets dead objects pile up for a long time before a full collection: `cpm run` over 100,000
/// documents reached 955 MB of resident memory at the end of its ingest and 524 MB while writing its outputs,
/// when a full collection left 144 MB (the live part was about 32 MB). A full, compacting collection at each
/// phase's end and every few thousand documents keeps the process near what it holds; each costs about as much
/// as what is live (tens of milliseconds), against seconds of work between two.</summary>
public sealed class HeapTrim(int every)
{
    private int _count;

    /// <summary>Counts <paramref name="n"/> units of work (documents, files) and trims at every
    /// <c>every</c>th. For one thread.</summary>
    public void Count(int n = 1)
    {
        var before = _count / every;
        _count += n;
        if (_count / every != before) Now();
    }

    /// <summary>At a phase's end: trims when the work counted so far is a long run's (at least <c>every</c>
    /// units); a small batch (one file ingested, a test) is left to the collector.</summary>
    public void PhaseEnd()
    {
        if (_count >= every) Now();
    }

    /// <summary>A full blocking collection that compacts and returns the freed memory to the system.</summary>
    public static void Now() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
