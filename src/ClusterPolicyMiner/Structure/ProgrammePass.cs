using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Structure;

/// <summary>A post-pass over the extracted criteria: each criterion belongs to the programme of its passage.
/// The passage's programme is the one named in the criterion's own sentence, else in the nearest heading-like
/// line before it (a short line: 二、先进制造业集群), else the document's. Only criteria of the SME
/// characteristic cluster programme (or of a document that names no programme) keep their canonical metric;
/// a criterion of another programme gets metric "unknown" with its label kept and its <c>Programme</c> set
/// when it differs from the document's (null means the document's, as the model says).</summary>
public static class ProgrammePass
{
    /// <summary>Heading-like lines are at most this long.</summary>
    private const int HeadingLength = 40;

    public static IReadOnlyList<Threshold> Apply(string text, PolicyMetadata metadata, IReadOnlyList<Threshold> criteria)
    {
        if (criteria.Count == 0) return criteria;
        var mentions = Programmes.Mentions(text);
        return [.. criteria.Select(t => Assign(t, PassageProgramme(text, mentions, t.Source.Start) ?? metadata.Programme, metadata.Programme))];
    }

    private static Threshold Assign(Threshold t, string? programme, string? documentProgramme)
    {
        var own = programme == documentProgramme ? null : programme;
        if (programme is null or Programmes.SmeCluster) return own is null ? t : t with { Programme = own };
        return t with { Metric = "unknown", Programme = own };
    }

    private static string? PassageProgramme(string text, IReadOnlyList<(int Start, int End, string Programme)> mentions, int at)
    {
        at = Math.Clamp(at, 0, text.Length);
        var sentenceStart = text.LastIndexOfAny(['。', '；', '\n'], Math.Max(0, at - 1)) + 1;
        var sentenceEnd = text.IndexOfAny(['。', '；', '\n'], at) is var e and >= 0 ? e : text.Length;
        foreach (var m in mentions)
            if (m.Start >= sentenceStart && m.End <= sentenceEnd) return m.Programme;
        foreach (var m in mentions.Reverse())
        {
            if (m.Start >= sentenceStart) continue;
            var lineStart = text.LastIndexOf('\n', Math.Max(0, m.Start - 1)) + 1;
            var lineEnd = text.IndexOf('\n', m.Start) is var le and >= 0 ? le : text.Length;
            if (lineEnd - lineStart <= HeadingLength) return m.Programme;
        }
        return null;
    }
}
