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
}
