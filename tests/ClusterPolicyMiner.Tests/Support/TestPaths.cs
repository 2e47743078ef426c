namespace ClusterPolicyMiner.Tests.Support;

/// <summary>Where the repository and the shared folder beside it are.</summary>
public static class TestPaths
{
    /// <summary>The folder holding ClusterPolicyMiner.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder (seeds, peer suites): $CPM_SHARED, else ../shared beside the repository;
    /// null when absent, and tests that need it are skipped with a message.</summary>
    public static string? Shared { get; } = FindShared();

    public static string Corpus => Path.Combine(RepoRoot, "corpus");

    public static string TestData => Path.Combine(RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Data");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClusterPolicyMiner.sln")))
                return dir.FullName;
        throw new InvalidOperationException("ClusterPolicyMiner.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("CPM_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }
}

/// <summary>A fact that needs ../shared; skipped with a clear message where it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (TestPaths.Shared is null)
            Skip = "../shared (or $CPM_SHARED) is absent: this test reads the full peer suites from it";
    }
}

/// <summary>A fact that needs a command on PATH; skipped with a message naming the package otherwise.</summary>
public sealed class RequiresCommandFactAttribute : FactAttribute
{
    public RequiresCommandFactAttribute(string command, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, command)));
        if (!found) Skip = $"'{command}' is not installed (apt-get install {package})";
    }
}
