using System.Security.Cryptography;

namespace ClusterPolicyMiner.Pipeline;

/// <summary>The version of the processing a stored model was made with. A re-run skips a document whose
/// bytes and version are already stored, and re-processes it when either changed. The version is a code
/// constant, the build of the library (its module version id, which a deterministic build keeps equal for
/// equal code, so that a change to any stage re-processes without anybody remembering to bump the
/// constant) and a hash of the data the stages read (the metric taxonomy, the OpenCC dictionaries, the
/// charset tables: every embedded resource), so editing the taxonomy re-processes every document, which is
/// what it affects.</summary>
public static class PipelineVersion
{
    /// <summary>Bump when any stage's output changes for the same input.</summary>
    public const string Code = "1";

    private static readonly Lazy<string> Computed = new(() =>
        Code + ":" + typeof(PipelineVersion).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12] + ":" + DataHash());

    public static string Current => Computed.Value;

    private static string DataHash()
    {
        var assembly = typeof(PipelineVersion).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer)) > 0) hash.AppendData(buffer.AsSpan(0, n));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
