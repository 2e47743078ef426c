using System.Diagnostics;
using ClusterPolicyMiner.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Tests.Reliability;

/// <summary>A child <c>cpm run</c> killed with SIGKILL at seeded random points: the store stays intact, and
/// a re-run completes with nothing lost and the same output as an undisturbed run.</summary>
public class KillTests
{
    private static string Cpm => Path.Combine(AppContext.BaseDirectory, "cpm.dll");

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Cpm);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static int RunToEnd(params string[] args)
    {
        using var p = Start(args);
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    private static Dictionary<string, string> Tree(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);

    [Fact]
    public void ARunKilledAtRandomPointsLosesNothingAndARerunCompletes()
    {
        if (OperatingSystem.IsWindows() || !File.Exists(Cpm)) return;
        using var dir = new TempFolder();
        var corpus = dir.File("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var f in Directory.GetFiles(TestPaths.Corpus).Where(f => f.EndsWith(".txt") || f.EndsWith(".html") || f.EndsWith(".pdf")))
            File.Copy(f, Path.Combine(corpus, Path.GetFileName(f)));
        // A few more notices so the run has more steps to be killed between.
        for (var i = 0; i < 20; i++)
            File.WriteAllText(Path.Combine(corpus, $"extra-{i:00}.txt"),
                $"关于印发第{i}号办法的通知\n第一条 为促进中小企业特色产业集群发展，制定本办法。\n第二条 集群主导产业产值不低于{i + 5}亿元。\n");

        // The undisturbed run, for comparison; its length places the kill points, so that a faster build still
        // has its runs killed while they work (fixed points in milliseconds came after a whole run's end).
        var timer = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd("run", "--corpus", corpus, "--out-dir", dir.File("expected"), "--db", dir.File("expected.db")));
        var full = (int)timer.ElapsedMilliseconds;

        var db = dir.File("s.db");
        var output = dir.File("out");
        var rng = new Random(9);
        var kills = 0;
        for (var round = 0; round < 6; round++)
        {
            using var p = Start("run", "--corpus", corpus, "--out-dir", output, "--db", db);
            Thread.Sleep(rng.Next(Math.Min(150, full / 10), Math.Max(full * 9 / 10, 200)));
            if (!p.HasExited)
            {
                p.Kill();
                kills++;
            }
            p.WaitForExit();
            if (File.Exists(db)) Assert.Equal("ok", IntegrityCheck(db));
        }
        Assert.True(kills > 0, "no run was killed: the runs ended before any kill point");

        Assert.Equal(0, RunToEnd("run", "--corpus", corpus, "--out-dir", output, "--db", db));
        Assert.Equal("ok", IntegrityCheck(db));
        var (expected, actual) = (Tree(dir.File("expected")), Tree(output));
        var differing = expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(k => !expected.TryGetValue(k, out var e) || !actual.TryGetValue(k, out var a) || e != a).ToList();
        Assert.True(differing.Count == 0, $"after {kills} kills the re-run's output differs in: {string.Join(", ", differing)}");
        Assert.DoesNotContain(Directory.GetFiles(output, "*.cpm-tmp", SearchOption.AllDirectories), _ => true);
        Assert.Equal(Count(dir.File("expected.db")), Count(db));
    }

    [Fact]
    public async Task SigtermDuringFetchStopsAfterTheCurrentUrlAndSaysWhatWasDone()
    {
        if (OperatingSystem.IsWindows() || !File.Exists(Cpm)) return;
        await using var server = LocalHttpServer.Start();
        foreach (var i in Enumerable.Range(0, 4))
        {
            var body = System.Text.Encoding.UTF8.GetBytes($"第一条 为促进中小企业发展，制定第{i}号办法。\n");
            server.Map($"/n{i}.txt", _ => new ServedResponse(200, body, "text/plain; charset=utf-8", Delay: TimeSpan.FromSeconds(1.5)));
        }
        using var dir = new TempFolder();
        var db = dir.File("s.db");
        using var p = Start(["fetch", .. Enumerable.Range(0, 4).Select(i => server.Url($"/n{i}.txt").AbsoluteUri),
            "--db", db, "--delay", "0", "--allow-private"]);
        var first = await p.StandardOutput.ReadLineAsync();
        Assert.StartsWith("new", first);
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])) kill.WaitForExit();
        var rest = await p.StandardOutput.ReadToEndAsync();
        var err = await p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.Equal(130, p.ExitCode);
        var done = 1 + rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(done < 4, rest);
        Assert.Equal($"cpm: interrupted: {done} of 4 URLs done (0 failed), {4 - done} not fetched", err.Trim());
        Assert.Equal("ok", IntegrityCheck(db));
        Assert.True(done == Count(db), $"{done} printed, {Count(db)} stored: {first} | {rest}");
    }

    private static string IntegrityCheck(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }

    private static long Count(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM documents";
        return (long)cmd.ExecuteScalar()!;
    }
}
