using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>What the rule files, histories and coverage read of a document, kept by the store beside the model
/// so that <c>cpm rules</c> never decompresses or parses a model: its identity, whole metadata and requirements,
/// without text, outline, normalisations or diagnostics. It is a model with an empty text whose requirement
/// spans already count code points (the contract's unit), so that <see cref="RuleJson"/>, which converts
/// spans through the text, writes the same numbers from it as from the whole model.</summary>
public static class RuleSummary
{
    /// <summary>The summary of a whole model.</summary>
    public static PolicyDocument Of(PolicyDocument doc)
    {
        var spans = new CodePointOffsets(doc.Text);
        Threshold InCodePoints(Threshold t) => t with
        {
            Source = t.Source with { Start = spans.ToCodePoints(t.Source.Start), End = spans.ToCodePoints(t.Source.End) },
        };
        return doc with
        {
            Text = "", Outline = [], Normalizations = [], Diagnostics = [],
            Thresholds = [.. doc.Thresholds.Select(InCodePoints)],
            Procedural = [.. doc.Procedural.Select(InCodePoints)],
        };
    }

    /// <summary>The summary as the store keeps it: the model's JSON contract of <see cref="Of"/>, unindented.</summary>
    public static string Write(PolicyDocument doc) => PolicyJson.Write(Of(doc), indented: false);

    /// <summary><see cref="Write"/> in UTF-8 bytes (what the store compresses).</summary>
    public static byte[] WriteUtf8(PolicyDocument doc) => PolicyJson.WriteUtf8(Of(doc), indented: false);

    /// <summary>The summary of a model kept as its JSON contract (a store written before summaries existed).</summary>
    public static string FromModelJson(string modelJson) => Write(PolicyJson.Read(modelJson));

    /// <summary>Reads a summary written by <see cref="Write"/>: its text is empty, its spans count code points.</summary>
    public static PolicyDocument Read(string json) => PolicyJson.Read(json);
}
