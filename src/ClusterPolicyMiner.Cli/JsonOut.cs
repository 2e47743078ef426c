using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ClusterPolicyMiner.Cli;

/// <summary>How every <c>--json</c> output is written: camelCase names, enums as camelCase strings, dates as
/// YYYY-MM-DD, Chinese kept as written, one object per command (or one per line for streams). The metadata of
/// the types comes from <see cref="CliJson"/> (generated at build time), so a type missing there fails in every build.</summary>
internal static class JsonOut
{
    private static readonly JsonSerializerOptions Indented = Make(indented: true);
    private static readonly JsonSerializerOptions Line = Make(indented: false);

    private static JsonSerializerOptions Make(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            IndentSize = 2,
            NewLine = "\n",
            TypeInfoResolver = CliJson.Default,
        };
        foreach (var c in CliJson.EnumConverters) options.Converters.Add(c);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>One indented JSON document followed by a newline.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Info<T>(Indented)) + "\n";

    /// <summary>One value on one line (JSON Lines).</summary>
    public static string Line1<T>(T value) => JsonSerializer.Serialize(value, Info<T>(Line));

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <summary>A failure that ends a command, on one line: <c>{"error": {"code": N, "message": "..."}}</c>, where
    /// N is the exit code (2 usage, 3 store or file system, 70 internal, 130 interrupted) and the message is the
    /// one of the stderr line without its <c>cpm: </c> prefix. One line, so it also ends a JSON Lines stream.</summary>
    public static string Error(string message, int exitCode) => Line1(new ErrorView(new ErrorBody(exitCode, message))) + "\n";
}
