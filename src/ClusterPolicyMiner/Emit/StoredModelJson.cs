using System.Text;
using System.Text.Json;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>A model's JSON contract as the store keeps it (the bytes of <see cref="PolicyJson.Write"/>), read only
/// as far as the per-document outputs need: its text, its whole metadata and whether it failed, and the JSON itself
/// under the source it is shown with. <see cref="PolicyJson.Write"/> of <see cref="PolicyJson.Read"/> gives back the
/// JSON it read (a test holds it to every model of corpus/), so the <c>.json</c> output of a stored model is its
/// stored bytes: parsing the model and writing it again (two thirds of the outputs' time) gave nothing new.</summary>
/// <param name="Text">The model's text, as <see cref="PolicyJson.Read"/> gives it.</param>
/// <param name="Metadata">The model's whole metadata, as <see cref="PolicyJson.Read"/> gives it.</param>
/// <param name="Failed">Whether a diagnostic of the model is an error (its outputs are then not written).</param>
/// <param name="Utf8">The JSON: what <see cref="PolicyJson.Write"/> gives of the model under the source asked for.</param>
public sealed record StoredModelJson(string Text, PolicyMetadata Metadata, bool Failed, ReadOnlyMemory<byte> Utf8)
{
    /// <summary>The JSON as text, the string <see cref="PolicyJson.Write"/> gives of the model.</summary>
    public string Json => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Reads a JSON contract written by <see cref="PolicyJson.Write"/> with its source set to
    /// <paramref name="source"/>. Only the part up to the diagnostics is read: the outline and the requirements,
    /// most of a model, are neither parsed nor built. Null when the JSON is not laid out as that writer lays it
    /// (fields in its order), or names a diagnostic code this build does not know: the caller then reads the model.</summary>
    public static StoredModelJson? Read(ReadOnlyMemory<byte> json, string source)
    {
        var r = new Utf8JsonReader(json.Span);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return null;
        (int Start, int End, string Value)? stored = null;
        var metadataEnd = -1;
        string? text = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName && r.CurrentDepth == 1)
        {
            if (r.ValueTextEquals("source"u8))
            {
                if (!r.Read() || r.TokenType != JsonTokenType.String) return null;
                stored = ((int)r.TokenStartIndex, (int)r.BytesConsumed, r.GetString()!);
            }
            else if (r.ValueTextEquals("cites"u8))
            {
                // The metadata's last field: the JSON up to here, closed, is the identity and metadata alone.
                if (!r.Read() || r.TokenType != JsonTokenType.StartArray || stored is null) return null;
                r.Skip();
                metadataEnd = (int)r.BytesConsumed;
            }
            else if (r.ValueTextEquals("text"u8))
            {
                if (!r.Read() || r.TokenType != JsonTokenType.String || metadataEnd < 0) return null;
                text = r.GetString();
            }
            else if (r.ValueTextEquals("diagnostics"u8))
            {
                if (text is null || ReadFailed(ref r) is not { } failed) return null;
                return new StoredModelJson(text, HeadMetadata(json, metadataEnd), failed, WithSource(json, stored!.Value, source));
            }
            else if (!r.Read() || !r.TrySkip())
                return null;
        }
        return null;
    }

    /// <summary>Whether any diagnostic of the array the reader is at is an error; null when a code is unknown.</summary>
    private static bool? ReadFailed(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray) return null;
        var failed = false;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) return null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = r.ValueTextEquals("code"u8);
                if (!r.Read() || !r.TrySkip()) return null;
                if (!isCode) continue;
                if (r.TokenType != JsonTokenType.String || !Enum.TryParse<DiagnosticCode>(r.GetString(), out var code)) return null;
                failed |= new Diagnostic(code, null, null, "").IsError;
            }
            if (r.TokenType != JsonTokenType.EndObject) return null;
        }
        return failed;
    }

    /// <summary>The metadata of the JSON's head (up to the end of <c>cites</c>), closed as an object and read by
    /// the reader of the whole model's metadata.</summary>
    private static PolicyMetadata HeadMetadata(ReadOnlyMemory<byte> json, int end)
    {
        var head = new byte[end + 1];
        json.Span[..end].CopyTo(head);
        head[end] = (byte)'}';
        return PolicyJson.ReadMetadata(head).Metadata;
    }

    /// <summary>The JSON with the stored source's string replaced by <paramref name="source"/>, escaped by the
    /// writer's own options: a JSON string's bytes depend on its value alone, so this is what the writer gives of
    /// the model with that source. The same bytes when the source is the stored one.</summary>
    private static ReadOnlyMemory<byte> WithSource(ReadOnlyMemory<byte> json, (int Start, int End, string Value) stored, string source)
    {
        if (stored.Value == source) return json;
        var value = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(value, PolicyJson.Writer(indented: false)))
            w.WriteStringValue(source);
        return (byte[])[.. json.Span[..stored.Start], .. value.WrittenSpan, .. json.Span[stored.End..]];
    }
}
