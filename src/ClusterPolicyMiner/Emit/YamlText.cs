using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterPolicyMiner.Emit;

/// <summary>The YAML of <see cref="YamlFromJson"/> written directly for the trees of the rule and history files,
/// without YamlDotNet's emitter (two thirds of <c>cpm rules</c>' work at 10,000 documents). It writes only what
/// it knows YamlDotNet writes byte for byte: block mappings with plain identifier or date keys, block
/// sequences, <c>[]</c>, plain numbers, booleans and null, and double-quoted strings of printable characters
/// (with <c>\"</c> and <c>\\</c>). A tree holding anything else (another key, a control or astral character,
/// an empty mapping, a sequence in a sequence) is written by <see cref="YamlFromJson"/> as before.</summary>
internal static class YamlText
{
    public static string Write(JsonNode node, string? headerComment = null) =>
        Direct(node, headerComment) ?? YamlFromJson.Write(node, headerComment);

    /// <summary>The YAML written directly, or null when the tree holds something left to YamlDotNet.</summary>
    internal static string? Direct(JsonNode node, string? headerComment = null)
    {
        var sb = new StringBuilder(4096);
        if (headerComment is not null) sb.Append("# ").Append(headerComment).Append('\n');
        return node is JsonObject { Count: > 0 } o && Mapping(sb, o, 0, inline: false) ? sb.ToString() : null;
    }

    private static bool Mapping(StringBuilder sb, JsonObject o, int indent, bool inline)
    {
        var first = true;
        foreach (var (key, value) in o)
        {
            if (!(first && inline)) sb.Append(' ', indent);
            first = false;
            if (!PlainKey(key)) return false;
            sb.Append(key).Append(':');
            switch (value)
            {
                case JsonObject { Count: 0 }:
                    return false;
                case JsonObject child:
                    sb.Append('\n');
                    if (!Mapping(sb, child, indent + 2, inline: false)) return false;
                    break;
                case JsonArray { Count: 0 }:
                    sb.Append(" []\n");
                    break;
                case JsonArray items:
                    sb.Append('\n');
                    if (!Sequence(sb, items, indent)) return false;
                    break;
                default:
                    sb.Append(' ');
                    if (!Scalar(sb, value)) return false;
                    sb.Append('\n');
                    break;
            }
        }
        return true;
    }

    private static bool Sequence(StringBuilder sb, JsonArray a, int indent)
    {
        foreach (var item in a)
        {
            sb.Append(' ', indent).Append("- ");
            switch (item)
            {
                case JsonObject { Count: > 0 } o:
                    if (!Mapping(sb, o, indent + 2, inline: true)) return false;
                    break;
                case JsonObject or JsonArray:
                    return false;
                default:
                    if (!Scalar(sb, item)) return false;
                    sb.Append('\n');
                    break;
            }
        }
        return true;
    }

    private static bool Scalar(StringBuilder sb, JsonNode? node)
    {
        if (node is null)
        {
            sb.Append("null");
            return true;
        }
        var v = (JsonValue)node;
        if (v.GetValueKind() == JsonValueKind.String) return Quoted(sb, v.GetValue<string>());
        var plain = node.ToJsonString();
        if (!PlainValue(plain)) return false;
        sb.Append(plain);
        return true;
    }

    private static bool Quoted(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (Printable(c)) sb.Append(c);
            else return false;
        }
        sb.Append('"');
        return true;
    }

    /// <summary>Characters YamlDotNet writes as they are inside double quotes; others it escapes.</summary>
    private static bool Printable(char c) =>
        c is (>= ' ' and <= '~') or (>= '\u00A1' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD')
        && c is not ('\u2028' or '\u2029' or '\uFEFF');

    /// <summary>Keys YamlDotNet writes plain: identifiers of ASCII letters, digits and '_', and dates.</summary>
    private static bool PlainKey(string k)
    {
        if (k.Length == 10 && k[4] == '-' && k[7] == '-')
            return k.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);
        return k.Length > 0 && char.IsAsciiLetter(k[0]) && k.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && k is not ("null" or "true" or "false" or "Null" or "NULL" or "True" or "TRUE" or "False" or "FALSE" or "y" or "n" or "yes" or "no" or "on" or "off");
    }

    /// <summary>A JSON number, true or false as written by <see cref="JsonNode.ToJsonString"/>.</summary>
    private static bool PlainValue(string s) =>
        s is "true" or "false"
        || (s.Length > 0 && (char.IsAsciiDigit(s[0]) || (s[0] == '-' && s.Length > 1 && char.IsAsciiDigit(s[1])))
            && s.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E'));
}
