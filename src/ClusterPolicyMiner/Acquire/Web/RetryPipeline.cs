using Polly;
using Polly.Retry;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>The Polly pipeline that retries transient answers (429, 5xx, timeouts) with exponential
/// backoff or the server's Retry-After, keeping the sum of the waits under
/// <see cref="FetchOptions.MaxTotalRetryWait"/>. Waits run on the injected clock.</summary>
internal static class RetryPipeline
{
    private static readonly ResiliencePropertyKey<TimeSpan> Waited = new("cpm.retry.waited");

    public static ResiliencePipeline<Attempt> Build(FetchOptions options, TimeProvider time)
    {
        if (options.MaxRetries <= 0) return ResiliencePipeline<Attempt>.Empty;
        return new ResiliencePipelineBuilder<Attempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { IsTransient: true } attempt
                    && WaitedSoFar(args.Context) + NextWait(options, attempt, args.AttemptNumber) <= options.MaxTotalRetryWait),
                DelayGenerator = args =>
                {
                    var wait = NextWait(options, args.Outcome.Result!, args.AttemptNumber);
                    args.Context.Properties.Set(Waited, WaitedSoFar(args.Context) + wait);
                    return ValueTask.FromResult<TimeSpan?>(wait);
                },
            })
            .Build();
    }

    /// <summary>Whether the server asked for a longer wait than the budget has left.</summary>
    public static bool RetryAfterBeyondBudget(FetchOptions options, Attempt attempt, TimeSpan waited) =>
        attempt.RetryAfter is { } after && waited + after > options.MaxTotalRetryWait;

    public static TimeSpan WaitedSoFar(ResilienceContext context) =>
        context.Properties.GetValue(Waited, TimeSpan.Zero);

    private static TimeSpan NextWait(FetchOptions options, Attempt attempt, int attemptNumber) =>
        attempt.RetryAfter ?? options.BaseRetryDelay * Math.Pow(2, Math.Min(attemptNumber, 16));
}
