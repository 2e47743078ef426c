using BenchmarkDotNet.Running;

// `make bench` passes --shared DIR; the benchmarks read their corpora from it through CPM_SHARED,
// which BenchmarkDotNet's child processes inherit. --pages DIR names the HTML pages of ExtractionBenchmarks
// (CPM_PAGES; bench/scale.sh leaves them in .cpm/bench-scale/pages).
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--shared" && i + 1 < args.Length)
        Environment.SetEnvironmentVariable("CPM_SHARED", Path.GetFullPath(args[++i]));
    else if (args[i] == "--pages" && i + 1 < args.Length)
        Environment.SetEnvironmentVariable("CPM_PAGES", Path.GetFullPath(args[++i]));
    else
        rest.Add(args[i]);
}
if (rest.Count == 0) rest.AddRange(["--filter", "*"]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest]);
