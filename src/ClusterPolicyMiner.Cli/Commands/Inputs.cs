using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Reads the files named on the command line (folders recursively) into raw documents.</summary>
internal static class Inputs
{
    private static readonly HashSet<string> Taken = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".html", ".htm", ".pdf", "" };

    public static (List<RawDocument> Raw, List<InputFailure> Failed) Read(IEnumerable<string> paths)
    {
        var raw = new List<RawDocument>();
        var failed = new List<InputFailure>();
        foreach (var path in Expand(paths))
        {
            var source = Relative(path);
            try
            {
                raw.Add(new RawDocument(source, File.ReadAllBytes(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add(new InputFailure(source, "cannot read: " + ex.Message));
            }
        }
        return (raw, failed);
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                             .Where(f => !Path.GetFileName(f).StartsWith('.') && Taken.Contains(Path.GetExtension(f)))
                             .Order(StringComparer.Ordinal))
                    yield return f;
            }
            else
            {
                yield return p;
            }
        }
    }

    /// <summary>Sources are recorded as the user named them (folders joined with the file's path below
    /// them), with forward slashes, so that the same run from the repository root gives the same bytes on
    /// any machine.</summary>
    public static string Relative(string path) => path.Replace(Path.DirectorySeparatorChar, '/');
}
