using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Clean;

/// <summary>Normalised documents built from a string, for stage-level tests of Clean.</summary>
internal static class CleanTestSupport
{
    public static NormalizedDocument Normalized(string text, DocumentFormat format = DocumentFormat.Txt,
        string source = "test.txt")
    {
        var decoded = new DecodedDocument("test", source, format, "utf-8", "test", text, []);
        var n = Normalizer.Normalize(text, format == DocumentFormat.Html ? new() { CharactersOnly = true } : new());
        return new NormalizedDocument(decoded, n.Text, n.Fired, []);
    }
}
