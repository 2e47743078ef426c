using ClusterPolicyMiner.Acquire;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Reads the files named on the command line (folders recursively, in ordinal order) into raw
/// documents; what cannot be read is a failure for that file, what is not a document is skipped.</summary>
internal static class Inputs
{
    public static (List<RawDocument> Raw, List<InputFailure> Failed) Read(IEnumerable<string> paths, long maxBytes = 64L * 1024 * 1024)
    {
        var raw = new List<RawDocument>();
        var failed = new List<InputFailure>();
        foreach (var input in FileSource.Enumerate(paths))
        {
            if (input.IsSkipped) continue;
            var read = FileSource.Read(input.Path, maxBytes);
            if (read.Document is { } doc)
                raw.Add(doc with { Source = Slashes(doc.Source) });
            else
                failed.Add(new InputFailure(Slashes(input.Path), read.Failure?.Message ?? "cannot read"));
        }
        return (raw, failed);
    }

    /// <summary>The same inputs read lazily, one file at a time, so that a caller which keeps only what it
    /// needs (the ingestor keeps the bytes of documents it must process) never holds the whole corpus.
    /// What cannot be read is added to <paramref name="failed"/> as the enumeration passes it.</summary>
    public static IEnumerable<RawDocument> Stream(IEnumerable<string> paths, List<InputFailure> failed, long maxBytes = 64L * 1024 * 1024)
    {
        foreach (var input in FileSource.Enumerate(paths))
        {
            if (input.IsSkipped) continue;
            var read = FileSource.Read(input.Path, maxBytes);
            if (read.Document is { } doc)
                yield return doc with { Source = Slashes(doc.Source) };
            else
                failed.Add(new InputFailure(Slashes(input.Path), read.Failure?.Message ?? "cannot read"));
        }
    }

    /// <summary>How many documents <see cref="Stream"/> will offer (a listing, nothing read): the progress total.</summary>
    public static int Count(IEnumerable<string> paths) => FileSource.Enumerate(paths).Count(i => !i.IsSkipped);

    /// <summary>Sources are recorded as the user named them, with forward slashes, so that the same run
    /// from the repository root gives the same bytes on any machine.</summary>
    private static string Slashes(string path) => path.Replace(Path.DirectorySeparatorChar, '/');
}
