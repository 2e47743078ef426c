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
            foreach (var f in FilesOf(doc, stem))
                files[f.RelativePath] = f.Content;
        return files;
    }

    /// <summary>The files of one document under its stem: none for a failed document.</summary>
    public static IEnumerable<EmittedFile> FilesOf(PolicyDocument doc, string stem) =>
        doc.Diagnostics.Any(d => d.IsError) ? [] : FilesOf(stem, doc.Text, () => PolicyJson.Write(doc));

    /// <summary>The files of a document that did not fail, from its text and its JSON contract (made when the
    /// file is reached): a model's, or the one the store keeps of it (<see cref="StoredModelJson"/>).</summary>
    public static IEnumerable<EmittedFile> FilesOf(string stem, string text, Func<string> json)
    {
        yield return new EmittedFile(stem + ".txt", text.EndsWith('\n') ? text : text + "\n");
        yield return new EmittedFile(stem + ".json", json());
    }

    /// <summary>The output stem of every document: its file name without extension, unless two share it.</summary>
    public static IEnumerable<(PolicyDocument Doc, string Stem)> Stems(IReadOnlyList<PolicyDocument> docs) =>
        Stems(docs, d => d.Source);

    /// <summary>The output stem of every item by its source: its file name without extension, unless two share it.</summary>
    public static IEnumerable<(T Item, string Stem)> Stems<T>(IReadOnlyList<T> items, Func<T, string> sourceOf)
    {
        var names = items.Select(d => Path.GetFileName(sourceOf(d).Replace('\\', '/'))).ToList();
        var stems = names.Select(Path.GetFileNameWithoutExtension).ToList();
        var shared = stems.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        for (var i = 0; i < items.Count; i++)
            yield return (items[i], shared.Contains(stems[i]!) ? names[i] : stems[i]!);
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
