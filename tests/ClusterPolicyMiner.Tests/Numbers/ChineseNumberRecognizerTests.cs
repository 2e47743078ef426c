using System.Text.Json;
using ClusterPolicyMiner.Numbers;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Numbers;

public sealed class ChineseNumberRecognizerTests
{
    /// <summary>recognizers-text-sample.json: 44 cases copied from the Recognizers-Text Chinese specs
    /// (MIT licence, microsoft/Recognizers-Text at commit 90e968ea), so the check runs without ../shared.</summary>
    [Fact]
    public void TheCopiedRecognizersTextSampleMatchesWithoutTheSharedFolder()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Numbers", "recognizers-text-sample.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var outcomes = doc.RootElement.EnumerateObject()
            .SelectMany(model => RecognizersTextSuite.Run(model.Name, model.Value.GetRawText())).ToList();
        Assert.All(outcomes, o => Assert.True(o.OutOfScope is null && o.Passed, $"{o.Model} {o.Input}: {o.Detail}"));
    }

    [Theory]
    [InlineData("第十九条", NumberKind.Ordinal, "19", null)]
    [InlineData("第一批", NumberKind.Ordinal, "1", null)]
    [InlineData("二〇三五年", NumberKind.Year, "2035", "2035")]
    [InlineData("2023年6月26日", NumberKind.Date, null, "2023-06-26")]
    [InlineData("每年3月30日前", NumberKind.Date, null, "03-30")]
    [InlineData("15个工作日", NumberKind.Duration, "15", null)]
    [InlineData("三年", NumberKind.Duration, "3", null)]
    [InlineData("20亿元", NumberKind.Money, "2000000000", null)]
    [InlineData("1.2万亿", NumberKind.Decimal, "1200000000000", null)]
    [InlineData("5个百分点", NumberKind.Percent, "5", null)]
    [InlineData("三分之一", NumberKind.Fraction, "0.3333333333333333333333333333", null)]
    [InlineData("壹佰伍拾", NumberKind.Integer, "150", null)]
    public void EachFormIsToldApart(string text, NumberKind kind, string? value, string? date)
    {
        var m = Assert.Single(ChineseNumberRecognizer.Recognize(text));
        Assert.Equal(kind, m.Kind);
        Assert.Equal(value, m.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(date, m.DateText);
    }

    [Theory]
    [InlineData("3至5家", "3", "5", "家")]
    [InlineData("10%—20%", "10", "20", "%")]
    public void TwoQuantitiesJoinedByAConnectorAreOneRange(string text, string lower, string upper, string unit)
    {
        var m = Assert.Single(ChineseNumberRecognizer.Recognize(text));
        Assert.Equal((NumberKind.Range, lower, upper, unit), (m.Kind, m.Value!.Value.ToString(), m.Upper!.Value.ToString(), m.Unit));
    }

    [Fact]
    public void SpansPointIntoTheOriginalTextEvenWhenSpacesInsideTheNumeralWereDropped()
    {
        const string text = "于2025 年5月31日前报送，占比５０％以上";
        foreach (var m in ChineseNumberRecognizer.Recognize(text))
            Assert.Equal(m.Text, text[m.Start..m.End]);
        Assert.Contains(ChineseNumberRecognizer.Recognize(text), m => m.Text == "2025 年5月31日" && m.DateText == "2025-05-31");
    }
}
