using System.IO.Compression;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>Reads a response body, undoing gzip/deflate/br itself (so the limit applies to the
/// decompressed bytes, whatever the handler does) and stopping one byte past the limit.</summary>
internal static class BodyReader
{
    /// <summary>The body, and whether it went past <paramref name="maxBytes"/> (then it is cut there).</summary>
    public static async Task<(byte[] Body, bool Exceeded)> ReadAsync(
        HttpContent content, long maxBytes, CancellationToken cancel)
    {
        var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        // Content-Encoding lists codings in the order they were applied: undo them last first.
        foreach (var coding in content.Headers.ContentEncoding.Reverse())
            stream = Decoder(coding.Trim().ToLowerInvariant(), stream);

        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false);
                if (read == 0) return (buffer.ToArray(), false);
                var room = maxBytes - buffer.Length;
                if (read > room)
                {
                    buffer.Write(chunk, 0, (int)Math.Max(0, room));
                    return (buffer.ToArray(), true);
                }
                buffer.Write(chunk, 0, read);
            }
        }
    }

    private static Stream Decoder(string coding, Stream inner) => coding switch
    {
        "gzip" or "x-gzip" => new GZipStream(inner, CompressionMode.Decompress),
        // HTTP "deflate" is the zlib format (RFC 9110 §8.4.1.2).
        "deflate" => new ZLibStream(inner, CompressionMode.Decompress),
        "br" => new BrotliStream(inner, CompressionMode.Decompress),
        "identity" or "" => inner,
        _ => throw new InvalidDataException($"unsupported Content-Encoding '{coding}'"),
    };
}
