using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Emit;

/// <summary>The JSON contract of <c>cpm extract --json</c> (DESIGN.md): camelCase, ISO dates, null for
/// unknown, fields in a fixed order so that identical models give identical bytes. Reads back what it writes.
/// Spans: the model holds UTF-16 offsets (C# string indices, what every stage computes with); the contract
/// counts code points of <c>text</c>. The conversion happens here, in both directions, with
/// <see cref="CodePointOffsets"/>, so no stage has to think about surrogate pairs. A diagnostic's
/// <c>offset</c> is not a span of <c>text</c> (the decoder and the cleaner report offsets into their own
/// input) and is written as the stage reported it.</summary>
public static class PolicyJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Options for other writers that want the same readable, stable output.</summary>
    public static JsonWriterOptions Writer(bool indented = true) => WriterOptions with { Indented = indented };

    public static string Write(PolicyDocument doc, bool indented = true) => Encoding.UTF8.GetString(WriteUtf8(doc, indented));

    /// <summary>The bytes of <see cref="Write"/> in UTF-8, written as such (what the store compresses): no
    /// string of the JSON is made and encoded again. Lines end in <c>\n</c> on every platform.</summary>
    public static byte[] WriteUtf8(PolicyDocument doc, bool indented = true)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(256, doc.Text.Length * 4));
        using (var w = new Utf8JsonWriter(buffer, Writer(indented) with { NewLine = "\n" }))
            WriteDocument(w, doc);
        if (indented) System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteDocument(Utf8JsonWriter w, PolicyDocument doc)
    {
        var m = doc.Metadata;
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        w.WriteString("source", doc.Source);
        w.WriteString("format", FormatName(doc.Format));
        w.WriteString("encoding", doc.Encoding);
        w.WriteString("encodingRule", doc.EncodingRule);
        w.WriteString("jurisdiction", m.Jurisdiction);
        w.WriteString("issuer", m.Issuer);
        w.WriteString("title", m.Title);
        w.WriteString("docNumber", m.DocNumber);
        w.WriteString("kind", m.Kind);
        w.WriteString("status", m.Status);
        w.WriteString("programme", m.Programme);
        w.WriteString("level", m.Level);
        WriteDate(w, "issued", m.Issued);
        WriteDate(w, "published", m.Published);
        WriteDate(w, "effective", m.Effective);
        WriteDate(w, "expires", m.Expires);
        w.WriteString("effectiveRule", m.EffectiveRule);
        w.WriteString("expiresRule", m.ExpiresRule);
        WriteInt(w, "validityYears", m.ValidityYears);
        WriteInt(w, "editionYear", m.EditionYear);
        w.WriteStartArray("cites");
        foreach (var c in m.Cites)
        {
            w.WriteStartObject();
            w.WriteString("title", c.Title);
            w.WriteString("docNumber", c.DocNumber);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("text", doc.Text);
        w.WriteStartArray("normalizations");
        foreach (var n in doc.Normalizations) w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in doc.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code.ToString());
            WriteInt(w, "offset", d.Offset);
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var spans = new CodePointOffsets(doc.Text);
        w.WriteStartArray("outline");
        foreach (var node in doc.Outline) WriteNode(w, node, spans);
        w.WriteEndArray();
        WriteThresholds(w, "thresholds", doc.Thresholds, spans);
        WriteThresholds(w, "procedural", doc.Procedural, spans);
        w.WriteEndObject();
    }

    public static string FormatName(DocumentFormat f) => f switch
    {
        DocumentFormat.Html => "html",
        DocumentFormat.Pdf => "pdf",
        _ => "txt",
    };

    public static string KindName(OutlineKind k) => k.ToString().ToLowerInvariant();

    /// <summary>A decimal without trailing zeros, in invariant culture (50.0 → 50).</summary>
    public static string Number(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static void WriteNode(Utf8JsonWriter w, OutlineNode n, CodePointOffsets spans)
    {
        w.WriteStartObject();
        w.WriteString("kind", KindName(n.Kind));
        w.WriteNumber("number", n.Number);
        w.WriteString("title", n.Title);
        w.WriteString("path", n.Path);
        w.WriteNumber("start", spans.ToCodePoints(n.Start));
        w.WriteNumber("end", spans.ToCodePoints(n.End));
        w.WriteStartArray("children");
        foreach (var c in n.Children) WriteNode(w, c, spans);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Thresholds with their source spans in code points of the text <paramref name="spans"/> was built on.</summary>
    public static void WriteThresholds(Utf8JsonWriter w, string name, IReadOnlyList<Threshold> list, CodePointOffsets spans)
    {
        w.WriteStartArray(name);
        foreach (var t in list) WriteThreshold(w, t, spans);
        w.WriteEndArray();
    }

    public static void WriteThreshold(Utf8JsonWriter w, Threshold t, CodePointOffsets spans)
    {
        w.WriteStartObject();
        w.WriteString("metric", t.Metric);
        w.WriteString("label", t.Label);
        w.WriteString("op", t.Op);
        if (t.Value is { } v) w.WriteRawValueProperty("value", Number(v));
        else if (t.TextValue is { } tv) w.WriteString("value", tv);
        else w.WriteNull("value");
        w.WriteString("unit", t.Unit);
        w.WriteString("phrase", t.Phrase);
        w.WriteStartArray("qualifiers");
        foreach (var q in t.Qualifiers) w.WriteStringValue(q);
        w.WriteEndArray();
        w.WriteString("group", t.Group);
        w.WriteStartArray("conditions");
        foreach (var c in t.Conditions) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteString("reference", t.Reference);
        w.WriteString("exclusion", t.Exclusion);
        w.WriteString("unitWritten", t.UnitWritten);
        w.WriteString("programme", t.Programme);
        w.WriteStartObject("source");
        w.WriteString("path", t.Source.Path);
        w.WriteString("quote", t.Source.Quote);
        w.WriteNumber("start", spans.ToCodePoints(t.Source.Start));
        w.WriteNumber("end", spans.ToCodePoints(t.Source.End));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRawValueProperty(this Utf8JsonWriter w, string name, string raw)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(raw);
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } v) w.WriteString(name, IsoDate.Of(v));
        else w.WriteNull(name);
    }

    private static void WriteInt(Utf8JsonWriter w, string name, int? i)
    {
        if (i is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>Reads a document written by <see cref="Write"/>.</summary>
    public static PolicyDocument Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        var spans = new CodePointOffsets(Str(r, "text") ?? "");
        var meta = Metadata(r);
        return new PolicyDocument(
            Str(r, "id")!, Str(r, "source")!, ParseFormat(Str(r, "format")), Str(r, "encoding") ?? "",
            Str(r, "encodingRule") ?? "", meta, Str(r, "text") ?? "",
            [.. r.GetProperty("normalizations").EnumerateArray().Select(e => e.GetString()!)],
            [.. r.GetProperty("outline").EnumerateArray().Select(e => ReadNode(e, spans))],
            [.. r.GetProperty("thresholds").EnumerateArray().Select(e => ReadThreshold(e, spans))],
            [.. r.GetProperty("procedural").EnumerateArray().Select(e => ReadThreshold(e, spans))],
            [.. r.GetProperty("diagnostics").EnumerateArray().Select(d => new Diagnostic(
                Enum.Parse<DiagnosticCode>(Str(d, "code")!), Str(r, "id"), Int(d, "offset"), Str(d, "message") ?? ""))]);
    }

    /// <summary>Reads only the identity and metadata of a document written by <see cref="Write"/>: a model
    /// without text, outline, requirements or diagnostics, much cheaper than <see cref="Read"/>.</summary>
    public static PolicyDocument ReadMetadata(ReadOnlyMemory<byte> utf8Json)
    {
        using var doc = JsonDocument.Parse(utf8Json);
        var r = doc.RootElement;
        return new PolicyDocument(Str(r, "id")!, Str(r, "source")!, ParseFormat(Str(r, "format")), Str(r, "encoding") ?? "",
            Str(r, "encodingRule") ?? "", Metadata(r), "", [], [], [], [], []);
    }

    private static PolicyMetadata Metadata(JsonElement r) => new(
        Str(r, "jurisdiction"), Str(r, "issuer"), Str(r, "title"), Str(r, "docNumber"), Str(r, "kind"),
        Str(r, "status"), Date(r, "issued"), Date(r, "published"), Date(r, "effective"), Date(r, "expires"),
        Int(r, "validityYears"), Int(r, "editionYear"),
        [.. r.GetProperty("cites").EnumerateArray().Select(c => new Citation(Str(c, "title")!, Str(c, "docNumber")))],
        Str(r, "programme"), Str(r, "level"), Str(r, "effectiveRule"), Str(r, "expiresRule"));

    public static DocumentFormat ParseFormat(string? s) => s switch
    {
        "html" => DocumentFormat.Html,
        "pdf" => DocumentFormat.Pdf,
        _ => DocumentFormat.Txt,
    };

    private static OutlineNode ReadNode(JsonElement e, CodePointOffsets spans) => new(
        Enum.Parse<OutlineKind>(Str(e, "kind")!, ignoreCase: true), e.GetProperty("number").GetInt32(),
        Str(e, "title"), Str(e, "path")!, Utf16(e, "start", spans), Utf16(e, "end", spans),
        [.. e.GetProperty("children").EnumerateArray().Select(c => ReadNode(c, spans))]);

    private static int Utf16(JsonElement e, string name, CodePointOffsets spans) =>
        spans.ToUtf16(e.GetProperty(name).GetInt32());

    /// <summary>A threshold whose source span counts code points of the text <paramref name="spans"/> was built on.</summary>
    public static Threshold ReadThreshold(JsonElement e, CodePointOffsets spans)
    {
        var value = e.GetProperty("value");
        var s = e.GetProperty("source");
        return new Threshold(
            Str(e, "metric")!, Str(e, "label") ?? "", Str(e, "op")!,
            value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null,
            Str(e, "unit") ?? "", Str(e, "phrase") ?? "",
            [.. e.GetProperty("qualifiers").EnumerateArray().Select(q => q.GetString()!)],
            Str(e, "group"),
            new SourceRef(Str(s, "path") ?? "", Str(s, "quote") ?? "", Utf16(s, "start", spans), Utf16(s, "end", spans)),
            value.ValueKind == JsonValueKind.String ? value.GetString() : null,
            e.TryGetProperty("conditions", out var conditions) ? [.. conditions.EnumerateArray().Select(c => c.GetString()!)] : [],
            Str(e, "reference"), Str(e, "exclusion"), Str(e, "unitWritten"), Str(e, "programme"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static DateOnly? Date(JsonElement e, string name) =>
        Str(e, name) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
