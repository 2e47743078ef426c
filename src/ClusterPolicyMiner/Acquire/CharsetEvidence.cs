using System.Text;
using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Acquire;

/// <summary>The values of <see cref="Model.DecodedDocument.EncodingRule"/>: which evidence decided.</summary>
internal static class EncodingRules
{
    public const string Bom = "bom", Http = "http", Meta = "meta", Statistics = "statistics", Pdf = "pdf";
}

/// <summary>A charset named by the HTTP header or the page itself, with the rule that names it.</summary>
internal sealed record DeclaredCharset(string Label, string Rule);

/// <summary>An encoding the detector can try: its canonical name and its code page.</summary>
internal sealed record Candidate(string Name, int CodePage);

/// <summary>Reads the evidence a document carries about its encoding: a byte-order mark, a meta charset,
/// and maps charset labels to the encodings actually used (GB2312 and GBK are decoded as GB18030).</summary>
internal static partial class CharsetEvidence
{
    public static readonly Candidate Utf8 = new("utf-8", 65001);
    public static readonly Candidate Gb18030 = new("gb18030", 54936);
    public static readonly Candidate Big5 = new("big5", 950);
    public static readonly Candidate Utf16Le = new("utf-16le", 1200);
    public static readonly Candidate Utf16Be = new("utf-16be", 1201);
    public static readonly Candidate Utf32Le = new("utf-32le", 12000);
    public static readonly Candidate Utf32Be = new("utf-32be", 12001);

    /// <summary>The byte-order mark at the start and its length; the UTF-32LE mark is tested before UTF-16LE's,
    /// which it begins with.</summary>
    public static (Candidate Encoding, int Length)? Bom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Utf8, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (Utf32Le, 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (Utf32Be, 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Utf16Le, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Utf16Be, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33])) return (Gb18030, 4);
        return null;
    }

    /// <summary>The charset of &lt;meta charset&gt; or &lt;meta http-equiv="Content-Type" content="…;
    /// charset=…"&gt; in the first 4 KB, read as ASCII (both forms are ASCII in every encoding a page may use
    /// that is not UTF-16, and UTF-16 pages carry a BOM or are found by their NULs).</summary>
    public static string? MetaCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["cs"].Value : null;
    }

    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?<cs>[A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    /// <summary>The encoding a label stands for, following what browsers do: the GB family is GB18030,
    /// Big5 and its Hong Kong and Windows variants are code page 950, Latin-1 labels are windows-1252.
    /// Null for a label nothing here knows.</summary>
    public static Candidate? FromLabel(string label)
    {
        var key = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (key)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8": return Utf8;
            case "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "ms936" or "windows-936" or "euc-cn"
                or "x-euc-cn" or "csgb2312" or "gb_2312-80" or "gb_2312" or "iso-ir-58" or "chinese" or "csiso58gb231280":
                return Gb18030;
            case "big5" or "big-5" or "big5-hkscs" or "cp950" or "ms950" or "windows-950" or "x-x-big5" or "csbig5"
                or "cn-big5":
                return Big5;
            case "utf-16" or "utf-16le" or "unicode": return Utf16Le;
            case "utf-16be": return Utf16Be;
            case "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "windows-1252" or "cp1252":
                return new Candidate("windows-1252", 1252);
        }
        try
        {
            var encoding = Encoding.GetEncoding(key);
            return new Candidate(encoding.WebName, encoding.CodePage);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
