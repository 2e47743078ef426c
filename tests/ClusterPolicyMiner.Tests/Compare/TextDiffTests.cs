using ClusterPolicyMiner.Compare;

namespace ClusterPolicyMiner.Tests.Compare;

public sealed class TextDiffTests
{
    [Fact]
    public void ChangedCharactersAreDeletedAndInsertedRunsBetweenEqualRuns()
    {
        Assert.Equal(
            [new DiffSegment(SegmentKind.Equal, "产值年均增速"), new DiffSegment(SegmentKind.Deleted, "高于"),
             new DiffSegment(SegmentKind.Equal, "5%"), new DiffSegment(SegmentKind.Inserted, "以上"),
             new DiffSegment(SegmentKind.Equal, "。")],
            TextDiff.Inline("产值年均增速高于5%。", "产值年均增速5%以上。"));
    }

    [Fact]
    public void AsciiAndFullWidthFormsOfAPunctuationMarkAreNoChangeAndShowAsTheNewTextWritesThem()
    {
        var segments = TextDiff.Inline("集群(以下简称集群),是定位在县级区划范围内", "集群（以下简称集群），系定位在县级区划范围内");
        Assert.Equal(
            [new DiffSegment(SegmentKind.Equal, "集群（以下简称集群），"), new DiffSegment(SegmentKind.Deleted, "是"),
             new DiffSegment(SegmentKind.Inserted, "系"), new DiffSegment(SegmentKind.Equal, "定位在县级区划范围内")],
            segments);
        Assert.False(TextDiff.HasChanges(TextDiff.Inline("一、二;三:(四)", "一、二；三：（四）")));
    }
}
