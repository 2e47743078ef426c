using System.Text;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Acquire;

/// <summary>What the first bytes say: the format, whether the bytes are binary, and whether NULs in alternate
/// positions make UTF-16 without a BOM a candidate.</summary>
internal sealed record SniffResult(DocumentFormat Format, string? BinaryReason, IReadOnlyList<string> Utf16Candidates);

/// <summary>Sniffs the format from the bytes, not the file name: %PDF- header, HTML markup, else text.</summary>
internal static class FormatSniffer
{
    private const int HtmlWindow = 4096;

    // Markup that opens a page or a fragment; each is followed by whitespace, '>' or '/' to count.
    private static readonly string[] HtmlMarkers =
        ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p", "<table", "<br", "<script", "<!--"];

    private static readonly (byte[] Magic, string Name)[] BinaryMagics =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "an ELF executable"),
        ([(byte)'G', (byte)'I', (byte)'F', (byte)'8'], "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "a ZIP archive (e.g. .docx, .xlsx)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an OLE document (e.g. .doc, .xls)"),
    ];

    public static SniffResult Sniff(byte[] bytes)
    {
        if (IsPdf(bytes)) return new SniffResult(DocumentFormat.Pdf, null, []);

        var bom = CharsetEvidence.Bom(bytes);
        var format = LooksLikeHtml(bytes) ? DocumentFormat.Html : DocumentFormat.Txt;
        if (bom is not null) return new SniffResult(format, null, []);   // a BOM declares text

        foreach (var (magic, name) in BinaryMagics)
            if (bytes.AsSpan().StartsWith(magic))
                return new SniffResult(format, $"the bytes are {name}", []);

        var utf16 = Utf16ByNulParity(bytes);
        if (utf16.Count > 0) return new SniffResult(format, null, utf16);
        return new SniffResult(format, BinaryReason(bytes), []);
    }

    /// <summary>%PDF- at the start, after optional whitespace or a UTF-8 BOM.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var i = 0;
        while (i < bytes.Length && i < 1024 && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C)
            i++;
        return bytes[i..].StartsWith("%PDF-"u8);
    }

    /// <summary>A complete PDF ends with %%EOF (followed at most by a line end or a little padding).</summary>
    public static bool HasPdfEnd(ReadOnlySpan<byte> bytes) =>
        bytes[Math.Max(0, bytes.Length - 1024)..].LastIndexOf("%%EOF"u8) >= 0;

    /// <summary>Markup in the first 4 KB, case-insensitive. NULs are dropped so that UTF-16 markup reads too.</summary>
    public static bool LooksLikeHtml(byte[] bytes)
    {
        var window = bytes.AsSpan(0, Math.Min(bytes.Length, HtmlWindow * 2));
        var ascii = new StringBuilder(window.Length);
        foreach (var b in window)
            if (b != 0) ascii.Append(b < 0x80 ? char.ToLowerInvariant((char)b) : ' ');
        var head = ascii.Length > HtmlWindow ? ascii.ToString(0, HtmlWindow) : ascii.ToString();
        foreach (var marker in HtmlMarkers)
        {
            for (var at = head.IndexOf(marker, StringComparison.Ordinal); at >= 0;
                 at = head.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                var end = at + marker.Length;
                if (marker == "<!--" || end >= head.Length || head[end] is ' ' or '>' or '/' or '\t' or '\r' or '\n')
                    return true;
            }
        }
        return false;
    }

    /// <summary>An HTML document that opens &lt;html&gt; but never closes it was probably cut off.</summary>
    public static bool LooksCutOffHtml(string text) =>
        text.Contains("<html", StringComparison.OrdinalIgnoreCase)
        && !text.Contains("</html", StringComparison.OrdinalIgnoreCase);

    /// <summary>NULs mostly at odd offsets (UTF-16LE: the high byte of ASCII characters) or at even ones
    /// (UTF-16BE). Chinese characters rarely have a NUL byte (一, U+4E00, does), so even a mostly Chinese text
    /// shows the pattern in its digits, punctuation and line ends. Both byte orders are returned, the likelier
    /// first; the detector tells them apart by what they decode to.</summary>
    private static IReadOnlyList<string> Utf16ByNulParity(byte[] bytes)
    {
        int even = 0, odd = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == 0) { if ((i & 1) == 0) even++; else odd++; }
        var nuls = even + odd;
        if (nuls < 4 || bytes.Length % 2 != 0) return [];
        if (odd >= nuls * 0.7) return ["utf-16le", "utf-16be"];
        if (even >= nuls * 0.7) return ["utf-16be", "utf-16le"];
        return [];
    }

    /// <summary>Why the bytes are not text: NULs, or more than 1% control characters other than
    /// tab, line feed, carriage return, form feed, vertical tab and escape.</summary>
    private static string? BinaryReason(byte[] bytes)
    {
        int nul = 0, control = 0;
        foreach (var b in bytes)
        {
            if (b == 0) nul++;
            else if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C or 0x0B or 0x1B)) control++;
            else if (b == 0x7F) control++;
        }
        if (nul > 0) return $"{nul} NUL byte(s) in a file that is neither PDF nor UTF-16";
        if (control * 100L > bytes.Length)
            return $"{control} control character(s) in {bytes.Length} bytes";
        return null;
    }
}
