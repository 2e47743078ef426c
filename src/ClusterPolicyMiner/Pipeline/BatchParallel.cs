namespace ClusterPolicyMiner.Pipeline;

/// <summary>Maps a pure function over a batch on several cores; the results are in input order, so a
/// parallel run gives exactly what a single-threaded one does.</summary>
public static class BatchParallel
{
    public static IReadOnlyList<TOut> Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> f, int parallelism = 0)
    {
        var degree = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        var results = new TOut[items.Count];
        if (degree == 1 || items.Count < 2)
        {
            for (var i = 0; i < items.Count; i++) results[i] = f(items[i]);
            return results;
        }
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = degree }, i => results[i] = f(items[i]));
        return results;
    }

    /// <summary>Runs <paramref name="map"/> over each item of <paramref name="items"/> on other threads while
    /// <paramref name="consume"/> runs, on the calling thread, over the previous item's result: the work of one
    /// writer (a store on one connection) overlaps the work of the cores. <paramref name="items"/> is
    /// enumerated and <paramref name="consume"/> called on the calling thread, in order, each item once, so
    /// the effect is that of mapping and consuming one item after another. With a
    /// <paramref name="parallelism"/> of 1 that is what it does, on the calling thread alone.</summary>
    public static void Overlapped<TItem, TOut>(IEnumerable<TItem> items, Func<TItem, TOut> map, Action<TItem, TOut> consume, int parallelism = 0)
    {
        if (parallelism == 1)
        {
            foreach (var item in items) consume(item, map(item));
            return;
        }
        (TItem Item, Task<TOut> Work)? pending = null;
        foreach (var item in items)
        {
            var work = Task.Run(() => map(item));
            if (pending is var (before, done)) consume(before, done.GetAwaiter().GetResult());
            pending = (item, work);
        }
        if (pending is var (last, lastWork)) consume(last, lastWork.GetAwaiter().GetResult());
    }
}
