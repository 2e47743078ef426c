using System.Text;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Reads a text stream in large chunks that end at a line break (or at the end of the stream), so a
/// per-chunk conversion equals the conversion of the whole: no dictionary phrase spans a line break. A line
/// longer than a chunk is read whole before it is handed on.</summary>
internal static class TextChunks
{
    public const int DefaultSize = 1 << 20;

    public static IEnumerable<string> Read(TextReader input, int size = DefaultSize)
    {
        var buffer = new char[size];
        var pending = new StringBuilder();
        int n;
        while ((n = input.ReadBlock(buffer, 0, buffer.Length)) > 0)
        {
            var cut = Array.LastIndexOf(buffer, '\n', n - 1);
            if (cut < 0)
            {
                pending.Append(buffer, 0, n);
                continue;
            }
            pending.Append(buffer, 0, cut + 1);
            yield return pending.ToString();
            pending.Clear();
            pending.Append(buffer, cut + 1, n - cut - 1);
        }
        if (pending.Length > 0) yield return pending.ToString();
    }
}
