using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ClusterPolicyMiner.Emit;

/// <summary>Writes a JSON tree as YAML through YamlDotNet's emitter: strings double-quoted (so that dates,
/// numbers-as-text and 是/否 never change type), numbers, booleans and null plain.</summary>
internal static class YamlFromJson
{
    public static string Write(JsonNode node, string? headerComment = null)
    {
        var writer = new StringWriter { NewLine = "\n" };
        if (headerComment is not null) writer.Write("# " + headerComment + "\n");
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Node(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Node(IEmitter e, JsonNode? node)
    {
        switch (node)
        {
            case null:
                e.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject o:
                e.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (k, v) in o)
                {
                    e.Emit(new Scalar(null, null, k, ScalarStyle.Plain, true, false));
                    Node(e, v);
                }
                e.Emit(new MappingEnd());
                break;
            case JsonArray a:
                e.Emit(new SequenceStart(null, null, true, a.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in a) Node(e, item);
                e.Emit(new SequenceEnd());
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                e.Emit(new Scalar(null, null, v.GetValue<string>(), ScalarStyle.DoubleQuoted, false, true));
                break;
            default:
                e.Emit(new Scalar(null, null, node.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }
}
