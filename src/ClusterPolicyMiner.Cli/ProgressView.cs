using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace ClusterPolicyMiner.Cli;

/// <summary>A progress bar on standard error for long work (counts, rate, ETA), shown only on a terminal:
/// never when standard error is redirected, with <c>--json</c>, under CI (the CI variable set), or when
/// the command writes to other streams than the console's (tests).</summary>
internal static class ProgressView
{
    /// <summary>Reports (done, total) units of work.</summary>
    public delegate void Report(int done, int total);

    public static bool Enabled(CliContext ctx, bool json) =>
        !json && ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static T Run<T>(CliContext ctx, bool json, string label, Func<Report, T> work) =>
        RunAsync(ctx, json, label, r => Task.FromResult(work(r))).GetAwaiter().GetResult();

    public static async Task<T> RunAsync<T>(CliContext ctx, bool json, string label, Func<Report, Task<T>> work)
    {
        if (!Enabled(ctx, json)) return await work((_, _) => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var clock = Stopwatch.StartNew();
        var lockObject = new object();
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async p =>
            {
                var task = p.AddTask(label, maxValue: 1);
                return await work((done, total) =>
                {
                    lock (lockObject)
                    {
                        var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                        task.MaxValue = Math.Max(1, total);
                        task.Value = Math.Min(done, Math.Max(1, total));
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{label} {done}/{total} ({rate:0.0}/s)");
                    }
                });
            });
    }
}
