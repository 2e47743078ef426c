using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

public sealed class ChineseNumeralTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十一", 21)]
    [InlineData("九十九", 99)]
    [InlineData("一百", 100)]
    [InlineData("一百零五", 105)]
    [InlineData("一百一十", 110)]
    [InlineData("两百三十四", 234)]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    public void HeadingNumeralsAreRead(string text, int expected) =>
        Assert.Equal(expected, ChineseNumeral.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("二三")]
    [InlineData("十百")]
    [InlineData("第")]
    public void MalformedNumeralsAreNull(string text) => Assert.Null(ChineseNumeral.Parse(text));
}
