using ClusterPolicyMiner.Numbers;

namespace ClusterPolicyMiner.Tests.Numbers;

public sealed class NumberOutOfRangeTests
{
    [Theory]
    [InlineData("九千九百九十九万亿亿亿亿亿")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("99999999999999999999999999999999亿元")]
    [InlineData("万万万万万万万万分之五")]
    [InlineData("100000000000000000000元")]
    public void ANumberTooLargeOrTooLongIsAnOutOfRangeMentionAndNeverAnException(string text)
    {
        var mentions = ChineseNumberRecognizer.Recognize("产值不低于" + text + "。");
        Assert.Contains(mentions, m => m.Kind == NumberKind.OutOfRange && m.Value is null);
    }

    [Theory]
    [InlineData("1.2万亿元", "1200000000000")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    public void ALargeButPlausibleNumberIsStillRead(string text, string value)
    {
        var m = Assert.Single(ChineseNumberRecognizer.Recognize(text));
        Assert.Equal(value, m.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("廿五个工作日", "25")]
    [InlineData("卅个工作日", "30")]
    [InlineData("三成", "30")]
    [InlineData("2元5角8分", "2.58")]
    public void TwentiesThirtiesTenthsAndJiaoFenAreRead(string text, string value)
    {
        var m = Assert.Single(ChineseNumberRecognizer.Recognize(text));
        Assert.Equal(value, m.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("500余亿元", "余")]
    [InlineData("五百多家", "多")]
    [InlineData("几十家", "几")]
    [InlineData("十几个", "几")]
    public void AnOpenAmountKeepsItsMark(string text, string open)
    {
        var m = Assert.Single(ChineseNumberRecognizer.Recognize(text));
        Assert.Equal(open, m.Open);
    }
}
