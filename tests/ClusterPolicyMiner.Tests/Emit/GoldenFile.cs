using System.Text;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Emit;

/// <summary>Compares output with Emit/Golden/NAME.EXT; on a difference writes NAME.actual.EXT beside it
/// (git-ignored), so the regression is a diff to read (and, once reviewed, the new expected file).</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Emit", "Golden", name);
        var expected = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        var actualPath = Path.ChangeExtension(path, ".actual" + Path.GetExtension(path));
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }
        File.WriteAllText(actualPath, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"golden file {name} is missing; wrote {Path.GetFileName(actualPath)}: review it and rename it"
            : $"output differs from golden file {name}; wrote {Path.GetFileName(actualPath)} beside it");
    }
}
