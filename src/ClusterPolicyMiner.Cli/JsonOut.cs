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

    /// <summary>A failure that ends a command, on one line: <c>{"error": {"code": N, "message": "..."}}</c>, where
    /// N is the exit code (2 usage, 3 store or file system, 70 internal, 130 interrupted) and the message is the
    /// one of the stderr line without its <c>cpm: </c> prefix. One line, so it also ends a JSON Lines stream.</summary>
    public static string Error(string message, int exitCode) => Line1(new { error = new { code = exitCode, message } }) + "\n";
}
