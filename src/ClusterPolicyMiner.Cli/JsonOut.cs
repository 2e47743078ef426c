using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterPolicyMiner.Cli;

/// <summary>How every <c>--json</c> output is written: camelCase names, enums as camelCase strings, dates as
/// YYYY-MM-DD, Chinese kept as written, one object per command (or one per line for streams).</summary>
internal static class JsonOut
{
    private static readonly JsonSerializerOptions Indented = Make(indented: true);
    private static readonly JsonSerializerOptions Line = Make(indented: false);

    private static JsonSerializerOptions Make(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>One indented JSON document followed by a newline.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Indented) + "\n";

    /// <summary>One value on one line (JSON Lines).</summary>
    public static string Line1<T>(T value) => JsonSerializer.Serialize(value, Line);

    /// <summary>A failure in the shape every command uses for one: <c>{"error": "...", "exitCode": N}</c>.</summary>
    public static string Error(string message, int exitCode) => Write(new { error = message, exitCode });
}
