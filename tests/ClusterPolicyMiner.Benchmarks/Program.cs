using BenchmarkDotNet.Running;

// `make bench` passes --shared DIR; the benchmarks read their corpora from it through CPM_SHARED,
// which BenchmarkDotNet's child processes inherit.
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--shared" && i + 1 < args.Length)
        Environment.SetEnvironmentVariable("CPM_SHARED", Path.GetFullPath(args[++i]));
    else
        rest.Add(args[i]);
}
if (rest.Count == 0) rest.AddRange(["--filter", "*"]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest]);
