using System.Text;
using ClusterPolicyMiner.Normalize.OpenCC;
using ClusterPolicyMiner.Tests.Normalize;

namespace ClusterPolicyMiner.Benchmarks.Normalize;

/// <summary>The benchmark corpus: the five seeds and about 3 MB of the lawrefbook-local Markdown files
/// (read in ordinal path order) from $CPM_SHARED, every second file turned traditional with
/// <c>opencc -c s2t.json</c> when it is installed, else with TSCharacters read backwards.</summary>
internal static class NormalizeCorpus
{
    private const int TargetBytes = 3 * 1024 * 1024;
    private static readonly Lazy<IReadOnlyList<string>> Cached = new(Build);

    /// <summary>The documents; built once per process.</summary>
    public static IReadOnlyList<string> Documents => Cached.Value;

    /// <summary>All documents as one text, as the opencc command and the converter see them.</summary>
    public static string Joined => string.Join("\n", Documents);

    public static long Utf8Bytes => Encoding.UTF8.GetByteCount(Joined);

    public static string Shared => Environment.GetEnvironmentVariable("CPM_SHARED") is { Length: > 0 } s && Directory.Exists(s)
        ? s
        : throw new InvalidOperationException(
            "NormalizeBenchmarks skipped: CPM_SHARED is not set; run with --shared ../shared (make bench does)");

    private static IReadOnlyList<string> Build()
    {
        var shared = Shared;
        var documents = Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToList();
        var bytes = documents.Sum(d => Encoding.UTF8.GetByteCount(d));
        var lawFiles = Directory.GetFiles(Path.Combine(shared, "peer-suites", "lawrefbook-local"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);
        var toTraditional = ToTraditional();
        var n = 0;
        foreach (var file in lawFiles)
        {
            if (bytes >= TargetBytes) break;
            var text = File.ReadAllText(file);
            bytes += Encoding.UTF8.GetByteCount(text);
            documents.Add(n++ % 2 == 0 ? toTraditional(text) : text);
        }
        return documents;
    }

    private static Func<string, string> ToTraditional()
    {
        if (OpenCcCommand.IsInstalled) return text => OpenCcCommand.Convert("s2t", text);
        var entries = OpenCcDictionaryFile.ReversedEntries(
            File.ReadAllText(Path.Combine(Shared, "data", "opencc", "TSCharacters.txt")));
        var reversed = OpenCcDictionary.Build(entries);
        return text =>
        {
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var length = reversed.MatchPrefix(text.AsSpan(i), out var value);
                if (length == 0) sb.Append(text[i]);
                else { sb.Append(value); i += length - 1; }
            }
            return sb.ToString();
        };
    }
}
