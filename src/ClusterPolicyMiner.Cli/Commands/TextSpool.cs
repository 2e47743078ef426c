using System.Runtime.InteropServices;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Two passes over a text that can be read only once: the first pass copies what it reads to a
/// temporary file (the characters' UTF-16 code units as they are, so that nothing is re-encoded), the second
/// reads that file; the file is deleted when the passes end, or fail.</summary>
internal static class TextSpool
{
    public static void TwoPasses(StreamingNormalizer normalizer, TextReader input, TextWriter output)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cpm-normalize-{Guid.NewGuid():N}.tmp");
        using var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose);
        var facts = normalizer.Gather(Copied(StreamingNormalizer.Chunks(input), spool));
        spool.Position = 0;
        normalizer.Write(StreamingNormalizer.Chunks(new SpoolReader(spool)), facts, output);
        output.Flush();
    }

    private static IEnumerable<string> Copied(IEnumerable<string> chunks, Stream spool)
    {
        foreach (var chunk in chunks)
        {
            spool.Write(MemoryMarshal.AsBytes(chunk.AsSpan()));
            yield return chunk;
        }
    }

    /// <summary>Reads back the code units <see cref="Copied"/> wrote.</summary>
    private sealed class SpoolReader(Stream spool) : TextReader
    {
        public override int Read(Span<char> buffer) =>
            spool.ReadAtLeast(MemoryMarshal.AsBytes(buffer), buffer.Length * 2, throwOnEndOfStream: false) / 2;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }
}
