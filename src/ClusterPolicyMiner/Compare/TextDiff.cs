using DiffPlex;
using DiffPlex.Chunkers;

namespace ClusterPolicyMiner.Compare;

/// <summary>Kind of a piece of an inline diff.</summary>
public enum SegmentKind { Equal, Deleted, Inserted }

/// <summary>A run of text that is common to both versions, only in the old one, or only in the new one.</summary>
public sealed record DiffSegment(SegmentKind Kind, string Text);

/// <summary>Character-level inline diff through DiffPlex. Characters are the right unit for Chinese, which
/// has no spaces between words; adjacent pieces of the same kind are merged into runs. ASCII and full-width
/// forms of the same punctuation mark (, and ，, ( and （) count as equal: pages differ in which they type,
/// and that is not a change of wording. Equal runs are shown as the new text writes them.</summary>
internal static class TextDiff
{
    public static IReadOnlyList<DiffSegment> Inline(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(Fold(before), Fold(after), false, false, CharacterChunker.Instance);
        var segments = new List<DiffSegment>();
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            var equal = block.DeleteStartA - a;
            Add(segments, SegmentKind.Equal, after, b, equal);
            Add(segments, SegmentKind.Deleted, before, block.DeleteStartA, block.DeleteCountA);
            Add(segments, SegmentKind.Inserted, after, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        Add(segments, SegmentKind.Equal, after, b, after.Length - b);
        return segments;
    }

    /// <summary>One character for one: ASCII punctuation to its full-width form, so offsets stay put.</summary>
    private static string Fold(string text) => string.Create(text.Length, text, static (span, t) =>
    {
        for (var i = 0; i < t.Length; i++)
            span[i] = t[i] switch
            {
                ',' => '，', ';' => '；', ':' => '：', '(' => '（', ')' => '）', '!' => '！', '?' => '？',
                var c => c,
            };
    });

    public static bool HasChanges(IReadOnlyList<DiffSegment> segments) => segments.Any(s => s.Kind != SegmentKind.Equal);

    private static void Add(List<DiffSegment> segments, SegmentKind kind, string source, int start, int count)
    {
        if (count <= 0) return;
        var text = source.Substring(start, count);
        if (segments.Count > 0 && segments[^1].Kind == kind)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new DiffSegment(kind, text));
    }
}
