using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>Runs the seeds in corpus/ through the whole pipeline, and says which earlier stages they need.</summary>
public static class SeedPipeline
{
    public static PolicyDocument Process(string file)
    {
        var path = Path.Combine(TestPaths.Corpus, file);
        return new DocumentPipeline(new()).Process(new RawDocument(path, File.ReadAllBytes(path)));
    }

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

    /// <summary>True once the Normalize stage converts traditional characters and drops pinyin marks.</summary>
    public static bool NormalizeHasLanded { get; } = Normalizer.Normalize("區(qū)域").Text == "区域";

    /// <summary>True once the Clean stage reads the site's date line into PageInfo.</summary>
    public static bool CleanHasLanded { get; } = ProbeClean();

    private static bool ProbeClean()
    {
        const string text = "来源:高新院 日期:2023-08-17 点击:\n第一条 本办法自印发之日起施行。\n";
        var decoded = new DecodedDocument("probe", "probe.txt", DocumentFormat.Txt, "utf-8", "bom", text, []);
        return Cleaner.Clean(new NormalizedDocument(decoded, text, [], [])).Page.Published is not null;
    }
}

/// <summary>A seed test that needs the Normalize and/or Clean stages: skipped with a message until they land.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute(bool needsNormalize = false, bool needsClean = false)
    {
        if (needsNormalize && !SeedPipeline.NormalizeHasLanded)
            Skip = "needs the Normalize stage (T→S, pinyin marks), still a placeholder on this branch";
        else if (needsClean && !SeedPipeline.CleanHasLanded)
            Skip = "needs the Clean stage (repeated body, site date line), still a placeholder on this branch";
    }
}
