using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>What <c>cpm run</c> writes into <c>extracted/</c>, as relative path → content, so that the
/// caller can write it, compare it or test it. Same models in, same bytes out.</summary>
public static class ExtractedTree
{
    /// <summary>Per-document files: <c>&lt;stem&gt;.txt</c> (clean text) and <c>&lt;stem&gt;.json</c>
    /// (the model). A stem shared by several sources falls back to the whole file name for each.</summary>
    public static SortedDictionary<string, string> PerDocument(IReadOnlyList<PolicyDocument> docs)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (doc, stem) in Stems(docs))
        {
            if (doc.Diagnostics.Any(d => d.IsError)) continue;
            files[stem + ".txt"] = doc.Text.EndsWith('\n') ? doc.Text : doc.Text + "\n";
            files[stem + ".json"] = PolicyJson.Write(doc);
        }
        return files;
    }

    /// <summary>The output stem of every document: its file name without extension, unless two share it.</summary>
    public static IEnumerable<(PolicyDocument Doc, string Stem)> Stems(IReadOnlyList<PolicyDocument> docs)
    {
        var names = docs.Select(d => Path.GetFileName(d.Source.Replace('\\', '/'))).ToList();
        var stems = names.Select(Path.GetFileNameWithoutExtension).ToList();
        var shared = stems.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        for (var i = 0; i < docs.Count; i++)
            yield return (docs[i], shared.Contains(stems[i]!) ? names[i] : stems[i]!);
    }

    /// <summary>The manifest of an output folder: the relative paths of the files cpm wrote there. Only files
    /// listed in it are ever replaced or removed by a later run; a non-empty folder without one is refused.</summary>
    public const string ManifestName = ".cpm-manifest";

    private const string ManifestHeader = "# files written by cpm run; cpm replaces or removes only the files listed here";

    /// <summary>The manifest's text: a header line, then one relative path (forward slashes) per line, in ordinal order.</summary>
    public static string Manifest(IEnumerable<string> relativePaths) =>
        string.Concat(new[] { ManifestHeader }.Concat(relativePaths.Select(p => p.Replace('\\', '/'))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).Select(l => l + "\n"));

    /// <summary>The paths a manifest lists; blank lines, comments and paths that climb out of the folder
    /// (absolute, or with a <c>..</c> segment) are ignored.</summary>
    public static IReadOnlyList<string> ReadManifest(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#') && IsInside(l))];

    /// <summary>True for a relative path that stays inside its folder.</summary>
    public static bool IsInside(string relativePath) =>
        !relativePath.StartsWith('/') && !Path.IsPathRooted(relativePath)
        && relativePath.Split('/', '\\').All(s => s.Length > 0 && s != "." && s != "..");
}
