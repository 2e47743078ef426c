using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>Runs one stage on one document so that whatever happens inside it stays that document's problem:
/// an exception becomes a <see cref="DiagnosticCode.StageFailed"/> diagnostic naming the stage and the cause,
/// and a stage still running when its time budget is spent becomes <see cref="DiagnosticCode.BudgetExceeded"/>
/// (the stage's thread is abandoned and the batch goes on).</summary>
public static class StageGuard
{
    /// <summary>The stage's result, or null with the diagnostic that says why there is none.</summary>
    public static (T? Value, Diagnostic? Failure) Run<T>(string stage, string? documentId, TimeSpan budget, Func<T> work)
        where T : class
    {
        if (budget == Timeout.InfiniteTimeSpan) return Catch(stage, documentId, work);
        var task = Task.Factory.StartNew(() => Catch(stage, documentId, work), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (task.Wait(budget)) return task.Result;
        return (null, new Diagnostic(DiagnosticCode.BudgetExceeded, documentId, null,
            $"stage {stage} ran past its budget of {budget.TotalSeconds:0.###} s; the document was not processed further"));
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
