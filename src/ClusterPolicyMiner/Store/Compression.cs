using System.IO.Compression;
using System.Text;

namespace ClusterPolicyMiner.Store;

/// <summary>Brotli for what the store keeps but rarely reads (raw bytes, the processed model). A fixed
/// quality and window, so the same input gives the same stored bytes. Quality 1: over a 1,000-document corpus
/// it packs raw bytes 2.61× and models 4.42× in 0.20 s, against 2.85× and 4.89× in 0.44 s at quality 3 (a
/// twentieth of a run's CPU for a twentieth more store, which stays well under three times the raw corpus).</summary>
internal static class Compression
{
    private const int Quality = 1, Window = 22;

    public static byte[] Pack(ReadOnlySpan<byte> data)
    {
        // The worst case is a little more than the input: a pooled buffer, not a fresh zeroed array per call.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(data.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(data, buffer, out var written, Quality, Window))
                throw new InvalidOperationException("brotli: compression failed");
            return buffer[..written];
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] Unpack(byte[] packed)
    {
        // Most of what is kept unpacks to 3-8 times its size: one try into a pooled buffer of 8 times, which
        // the result is copied out of once; the stream for the rest.
        var guess = (int)Math.Min(Array.MaxLength, Math.Max(1024L, packed.Length * 8L));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(guess);
        try
        {
            if (BrotliDecoder.TryDecompress(packed, buffer, out var written) && written < buffer.Length)
                return buffer[..written];
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        using var input = new MemoryStream(packed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(packed.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }

    public static byte[] PackText(string text) => Pack(Encoding.UTF8.GetBytes(text));

    public static string UnpackText(byte[] packed) => Encoding.UTF8.GetString(Unpack(packed));

    /// <summary>A stored model's JSON: its <c>model</c> column unpacked, or <c>model_json</c> for a row written
    /// before schema 3 (when <c>model</c> is null).</summary>
    public static string ModelJson(byte[]? model, string modelJson) => model is null ? modelJson : UnpackText(model);
}
