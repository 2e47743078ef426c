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
}
