using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Support;

/// <summary>Small hand-made models for tests of the stages after structure.</summary>
public static class Models
{
    public static PolicyDocument Document(RawDocument raw, string text, IReadOnlyList<OutlineNode>? outline = null,
        PolicyMetadata? metadata = null, IReadOnlyList<Threshold>? thresholds = null) =>
        new(raw.Id, raw.Source, DocumentFormat.Txt, "utf-8", "statistics", metadata ?? PolicyMetadata.Empty, text,
            ["t2s"], outline ?? [], thresholds ?? [], [], []);

    public static OutlineNode Article(int number, string path, int start, int end, params OutlineNode[] children) =>
        new(OutlineKind.Article, number, null, path, start, end, children);
}
