using System.Text;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Converts one chunk of text; the result may live in the converter's buffers until the next call.</summary>
internal delegate ReadOnlySpan<char> ChunkConversion(ReadOnlySpan<char> chunk);

/// <summary>Streams text through a conversion in large chunks that end at a line break (or at the end of the
/// stream), so a per-chunk conversion equals the conversion of the whole: no dictionary phrase spans a line
/// break. A line longer than a chunk is read whole before it is handed on. The buffers are reused from chunk
/// to chunk: memory is a few times the chunk size (or the longest line), whatever the length of the input.</summary>
internal static class TextChunks
{
    public const int DefaultSize = 1 << 18;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>UTF-8 bytes in, UTF-8 bytes out, as the console's UTF-8 reader and writer would: a byte order
    /// mark passes through as a character, malformed bytes become U+FFFD.</summary>
    public static void Convert(Stream input, Stream output, ChunkConversion convert, int size = DefaultSize)
    {
        var decoder = Utf8.GetDecoder();
        var encoder = Utf8.GetEncoder();
        var bytes = new byte[size];
        var chars = new char[Utf8.GetMaxCharCount(size)];
        var encoded = Array.Empty<byte>();
        var held = 0; // characters after the last line break, carried into the next chunk
        while (true)
        {
            var n = input.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            var end = n < bytes.Length;
            if (chars.Length - held < Utf8.GetMaxCharCount(n)) Array.Resize(ref chars, 2 * (held + Utf8.GetMaxCharCount(n)));
            var total = held + decoder.GetChars(bytes, 0, n, chars, held, flush: end);
            var cut = end ? total : chars.AsSpan(0, total).LastIndexOf('\n') + 1;
            if (cut > 0)
            {
                var converted = convert(chars.AsSpan(0, cut));
                if (encoded.Length < Utf8.GetMaxByteCount(converted.Length)) encoded = new byte[Utf8.GetMaxByteCount(converted.Length)];
                output.Write(encoded, 0, encoder.GetBytes(converted, encoded, flush: end));
                chars.AsSpan(cut, total - cut).CopyTo(chars);
            }
            held = total - cut;
            if (end) break;
        }
        output.Flush();
    }

    /// <summary>The same over a reader and a writer (the tests' strings, or a console that is not UTF-8).</summary>
    public static void Convert(TextReader input, TextWriter output, ChunkConversion convert, int size = DefaultSize)
    {
        var chars = new char[size];
        var held = 0;
        while (true)
        {
            if (chars.Length - held < size) Array.Resize(ref chars, 2 * (held + size));
            var n = input.ReadBlock(chars, held, size);
            var end = n < size;
            var total = held + n;
            var cut = end ? total : chars.AsSpan(0, total).LastIndexOf('\n') + 1;
            if (cut > 0)
            {
                output.Write(convert(chars.AsSpan(0, cut)));
                chars.AsSpan(cut, total - cut).CopyTo(chars);
            }
            held = total - cut;
            if (end) break;
        }
        output.Flush();
    }
}
