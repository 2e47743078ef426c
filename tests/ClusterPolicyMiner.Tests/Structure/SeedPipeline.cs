using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>The seeds in corpus/ through the whole pipeline, and their outlines as the golden files hold them.</summary>
public static class SeedPipeline
{
    public static PolicyDocument Process(string file) => CorpusPipeline.Process(file);

    public static IEnumerable<OutlineNode> Nodes(PolicyDocument doc, OutlineKind kind) =>
        LawRefBook.Flatten(doc.Outline).Where(n => n.Kind == kind);

    /// <summary>The outline as the golden files hold it: indented camelCase JSON, Chinese left readable.</summary>
    public static string OutlineJson(IReadOnlyList<OutlineNode> outline) =>
        JsonSerializer.Serialize(outline, new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        }).ReplaceLineEndings("\n") + "\n";
}
