using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>Runs one stage on one document so that whatever happens inside it stays that document's problem:
/// an exception becomes a <see cref="DiagnosticCode.StageFailed"/> diagnostic naming the stage and the cause,
/// and a stage still running when its time budget is spent becomes <see cref="DiagnosticCode.BudgetExceeded"/>
/// (the stage's worker thread is abandoned to it and the batch goes on).</summary>
public static class StageGuard
{
    /// <summary>The stage's result, or null with the diagnostic that says why there is none.</summary>
    public static (T? Value, Diagnostic? Failure) Run<T>(string stage, string? documentId, TimeSpan budget, Func<T> work)
        where T : class
    {
        if (budget == Timeout.InfiniteTimeSpan) return Catch(stage, documentId, work);
        // Each calling thread hands its stages to a worker thread of its own and waits up to the budget; a new
        // thread per stage cost more than some stages (thread start-up was a sixth of a run's samples).
        var worker = _worker ??= new Worker();
        (T? Value, Diagnostic? Failure) result = default;
        // Not disposed when the budget runs out: the abandoned stage still sets it when it ends.
        var done = new ManualResetEventSlim();
        worker.Post(() =>
        {
            result = Catch(stage, documentId, work);
            done.Set();
        });
        if (done.Wait(budget))
        {
            done.Dispose();
            return result;
        }
        // The stage is still running: its worker is abandoned to it (it ends once the stage does) and the
        // next stage of this thread gets a new one.
        _worker = null;
        worker.Retire();
        return (null, new Diagnostic(DiagnosticCode.BudgetExceeded, documentId, null,
            $"stage {stage} ran past its budget of {budget.TotalSeconds:0.###} s; the document was not processed further"));
    }

    [ThreadStatic]
    private static Worker? _worker;

    /// <summary>A background thread running what it is posted, one item at a time.</summary>
    private sealed class Worker
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Action> _queue = new();

        public Worker() =>
            new Thread(() =>
            {
                foreach (var item in _queue.GetConsumingEnumerable()) item();
            }) { IsBackground = true, Name = "cpm stage" }.Start();

        public void Post(Action item) => _queue.Add(item);

        public void Retire() => _queue.CompleteAdding();
    }

    private static (T? Value, Diagnostic? Failure) Catch<T>(string stage, string? documentId, Func<T> work) where T : class
    {
        try
        {
            return (work(), null);
        }
        catch (Exception e)
        {
            return (null, Failed(stage, documentId, e));
        }
    }

    /// <summary>The one-line diagnostic for an exception in a stage: the stage, the exception's kind and message.</summary>
    public static Diagnostic Failed(string stage, string? documentId, Exception e)
    {
        var inner = e is AggregateException { InnerException: { } i } ? i : e;
        var message = inner.Message.ReplaceLineEndings(" ");
        if (message.Length > 200) message = message[..200] + "…";
        return new Diagnostic(DiagnosticCode.StageFailed, documentId, null, $"stage {stage} failed: {inner.GetType().Name}: {message}");
    }
}
