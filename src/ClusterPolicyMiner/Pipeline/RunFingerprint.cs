using System.Security.Cryptography;
using System.Text;
using ClusterPolicyMiner.Clean;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>What the outputs of a run are made from: the pipeline version, the build of the code that
/// writes them, every input (id, source, status, in order) and the duplicate groups. When a re-run's
/// fingerprint equals the last run's and the files it wrote are all still there with their lengths,
/// nothing can differ, and the outputs are not rebuilt.</summary>
public static class RunFingerprint
{
    public static string Of(IReadOnlyList<IngestResult> results, IReadOnlyList<DuplicateGroup> groups)
    {
        var text = new StringBuilder();
        text.Append(PipelineVersion.Current).Append('\n')
            .Append(typeof(RunFingerprint).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var r in results)
            text.Append(r.Id).Append('\t').Append(r.Source).Append('\t').Append(r.Status == IngestResult.Failed ? "error" : "ok").Append('\n');
        foreach (var g in groups)
            text.Append(g.CanonicalId).Append('\t').AppendJoin(',', g.MemberIds).Append('\t')
                .Append(g.MinSimilarity.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>True when every recorded file is in <paramref name="root"/> with its recorded length.</summary>
    public static bool FilesIntact(string root, IReadOnlyDictionary<string, long> files) =>
        files.Count > 0 && files.All(kv => new FileInfo(Path.Combine(root, kv.Key)) is { Exists: true } f && f.Length == kv.Value);
}
