using ClusterPolicyMiner.Tests.Support;
using Xunit.Abstractions;

namespace ClusterPolicyMiner.Tests.Numbers;

public sealed class RecognizersTextSuiteTests(ITestOutputHelper output)
{
    private static readonly string[] Models = ["NumberModel", "PercentModel", "OrdinalModel", "CurrencyModel", "DimensionModel"];

    [SharedFact]
    public void AtLeastNinetyFivePercentOfTheInScopePeerCasesMatch()
    {
        var dir = Path.Combine(TestPaths.Shared!, "peer-suites", "recognizers-text-chinese");
        var outcomes = Models.SelectMany(m => RecognizersTextSuite.Run(m, File.ReadAllText(Path.Combine(dir, m + ".json")))).ToList();
        var inScope = outcomes.Where(o => o.OutOfScope is null).ToList();
        var passed = inScope.Count(o => o.Passed);
        foreach (var group in outcomes.Where(o => o.OutOfScope is not null).GroupBy(o => o.OutOfScope))
            output.WriteLine($"out of scope ({group.Count()}): {group.Key}");
        foreach (var o in inScope.Where(o => !o.Passed))
            output.WriteLine($"FAIL {o.Model} {o.Input}: {o.Detail}");
        var rate = 100.0 * passed / inScope.Count;
        output.WriteLine($"Recognizers-Text Chinese: {passed}/{inScope.Count} in-scope cases match ({rate:F1}%), {outcomes.Count - inScope.Count} out of scope");
        foreach (var m in Models)
        {
            var mine = inScope.Where(o => o.Model == m).ToList();
            output.WriteLine($"  {m}: {mine.Count(o => o.Passed)}/{mine.Count}");
        }
        Assert.True(rate >= 95.0, $"{passed}/{inScope.Count} = {rate:F1}% of in-scope cases match; target 95%");
    }
}
