using DiffPlex;
using DiffPlex.Chunkers;

namespace ClusterPolicyMiner.Compare;

/// <summary>Kind of a piece of an inline diff.</summary>
public enum SegmentKind { Equal, Deleted, Inserted }

/// <summary>A run of text that is common to both versions, only in the old one, or only in the new one.</summary>
public sealed record DiffSegment(SegmentKind Kind, string Text);

/// <summary>Character-level inline diff through DiffPlex. Characters are the right unit for Chinese, which
/// has no spaces between words; adjacent pieces of the same kind are merged into runs.</summary>
internal static class TextDiff
{
    public static IReadOnlyList<DiffSegment> Inline(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, false, false, CharacterChunker.Instance);
        var segments = new List<DiffSegment>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(segments, SegmentKind.Equal, result.PiecesOld, a, block.DeleteStartA - a);
            Add(segments, SegmentKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(segments, SegmentKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, SegmentKind.Equal, result.PiecesOld, a, result.PiecesOld.Count - a);
        return segments;
    }

    public static bool HasChanges(IReadOnlyList<DiffSegment> segments) => segments.Any(s => s.Kind != SegmentKind.Equal);

    private static void Add(List<DiffSegment> segments, SegmentKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0) return;
        var text = string.Concat(pieces.Skip(start).Take(count));
        if (segments.Count > 0 && segments[^1].Kind == kind)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new DiffSegment(kind, text));
    }
}
