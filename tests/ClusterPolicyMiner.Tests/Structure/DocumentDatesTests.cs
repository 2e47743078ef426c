using ClusterPolicyMiner.Structure;

namespace ClusterPolicyMiner.Tests.Structure;

/// <summary>Effective and expiry dates only from the document's own words; a derived date names its rule.</summary>
public sealed class DocumentDatesTests
{
    private static readonly DateOnly Issued = new(2023, 6, 26);

    // text | draft | effective | effective rule starts with | expires | expires rule starts with | validity years
    [Theory]
    [InlineData("第十九条 本实施细则自2023年6月27日起实施,有效期2年。", false, "2023-06-27", null, "2025-06-26", "有效期2年: = effective (2023-06-27) + 2 years", 2)]
    [InlineData("第二十条 本办法自印发之日起施行,有效期三年。", false, "2023-06-26", "自印发之日起施行: = issued (2023-06-26)", "2026-06-25", "有效期三年: = effective (2023-06-26) + 3 years", 3)]
    [InlineData("本通知自发布之日起实施。", false, "2023-06-26", "自发布之日起实施: = issued", null, null, null)]
    [InlineData("本办法自2024年1月1日起施行,有效期至2026年12月31日。", false, "2024-01-01", null, "2026-12-31", null, null)]
    [InlineData("第十九条本办法发布之日起实施,有效期三年", true, null, null, null, null, 3)]
    [InlineData("第十四条 集群有效期为三年。第十九条 本办法自2023年5月1日起施行。", false, "2023-05-01", null, null, null, null)]
    [InlineData("第十五条 特色产业集群有效期为三年,有效期满后复核。", false, null, null, null, null, null)]
    [InlineData("本细则自2023年6月27日起实施。本细则有效期为五年。", false, "2023-06-27", null, "2028-06-26", "有效期为五年", 5)]
    public void DatesComeOnlyFromTheDocumentsOwnWords(string text, bool draft, string? effective, string? effectiveRule,
        string? expires, string? expiresRule, int? years)
    {
        var d = DocumentDates.Read(text, Issued, draft);
        Assert.Equal(effective, d.Effective?.ToString("yyyy-MM-dd"));
        Assert.Equal(expires, d.Expires?.ToString("yyyy-MM-dd"));
        Assert.Equal(years, d.ValidityYears);
        if (effectiveRule is null) Assert.Null(d.EffectiveRule); else Assert.StartsWith(effectiveRule, d.EffectiveRule);
        if (expiresRule is null) Assert.Null(d.ExpiresRule); else Assert.StartsWith(expiresRule, d.ExpiresRule);
    }

    [Fact]
    public void WithoutAnIssueDateOnIssueGivesNoEffectiveDate()
    {
        var d = DocumentDates.Read("本办法自印发之日起施行,有效期2年。", null, draft: false);
        Assert.Null(d.Effective);
        Assert.Null(d.Expires);
        Assert.Equal(2, d.ValidityYears);
    }
}
