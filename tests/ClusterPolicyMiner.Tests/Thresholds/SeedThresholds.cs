using System.Globalization;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Thresholds;

/// <summary>The thresholds of the five seed notices (../shared/seeds), written by reading the notices by
/// hand. A row is "metric op value unit qualifiers group" (TextValue in place of the value for dates).</summary>
internal static class SeedThresholds
{
    public sealed record Seed(string File, string[] Criteria, string[] Procedural);

    public static readonly Seed Qinghai = new("000_2019e127c8ad9956.txt",
    [
        "area_km2 <= 100 km2 soft -",
        "output_3y_each >= 2000000000 CNY each-of-last-3-years -",
        "sme_output_share >= 50 % none -",
        "leading_industry_share > 50 % none -",
        "output_growth_annual > 5 % annual-average -",
        "champion_or_little_giant_count >= 1 count none g1",
        "specialized_sme_count >= 6 count none g1",
        "rd_growth_annual > 5 % annual-average -",
        "patent_growth_annual >= 5 % annual-average -",
        "patents_per_10k >= 5 count none -",
        "iip_adoption_rate >= 8 % none -",
    ],
    [
        "publicity_working_days = 5 working_days none -",
        "cluster_validity_years = 3 years none -",
        "annual_report_deadline <= 03-30 date none -",
        "change_report_working_days <= 15 working_days none -",
        "appeal_working_days <= 15 working_days none -",
        "appeal_reply_working_days <= 30 working_days none -",
        "policy_validity_years = 2 years none -",
    ]);

    public static readonly Seed Shaanxi = new("001_727fdc4980adaefc.txt",
    [
        "area_km2 <= 100 km2 soft -",
        "output_3y_each >= 3000000000 CNY each-of-last-3-years -",
        "sme_output_share > 70 % none -",
        "leading_industry_share > 70 % none -",
        "output_growth_annual > 8 % annual-average -",
        "champion_or_little_giant_count >= 1 count none g1",
        "specialized_sme_count >= 8 count none g1",
        "rd_growth_annual > 8 % annual-average -",
        "patent_growth_annual >= 10 % annual-average -",
        "patents_per_10k >= 12 count none -",
        "iip_adoption_rate >= 15 % none -",
    ],
    [
        "target_cluster_count ~ 50 count none -",
        "cluster_validity_years = 3 years none -",
        "annual_report_deadline <= 03-31 date none -",
        "policy_validity_years = 2 years none -",
    ]);

    public static readonly Seed Beijing = new("002_b63a53434ac97778.txt",
    [
        "area_km2 <= 100 km2 soft -",
        "output_3y_each >= 4000000000 CNY each-of-last-3-years -",
        "sme_output_share > 70 % none -",
        "output_growth_annual > 10 % annual-average -",
        "leading_industry_share > 70 % none -",
        "champion_or_little_giant_count >= 1 count none g1",
        "specialized_sme_count >= 10 count none g1",
        "rd_growth_annual > 10 % annual-average -",
        "patent_growth_annual >= 15 % annual-average -",
        "patents_per_10k >= 15 count none -",
        "iip_adoption_rate >= 15 % none -",
    ],
    [
        "target_cluster_count ~ 20 count none -",
        "cluster_validity_years = 3 years none -",
        "annual_report_deadline <= 03-31 date none -",
        "policy_validity_years = 3 years none -",
    ]);

    public static readonly Seed Shanghai = new("003_6769325d555de9eb.txt",
    [
        "area_km2 <= 100 km2 soft -",
        "output_3y_each >= 3000000000 CNY each-of-last-3-years -",
        "sme_output_share >= 50 % none -",
        "leading_industry_share >= 50 % none -",
        "output_growth_annual >= 10 % annual-average -",
        "champion_or_little_giant_count >= 1 count none g1",
        "specialized_sme_count >= 10 count none g1",
        "rd_growth_annual >= 5 % annual-average -",
        "innovation_platform_count >= 1 count none -",
        "standards_count >= 2 count none -",
        "patent_growth_annual >= 15 % annual-average -",
        "patents_per_10k >= 15 count none -",
        "iip_adoption_rate >= 10 % none -",
    ],
    [
        "submission_deadline <= 05-15 date none -",
        "cluster_validity_years = 3 years none -",
    ]);

    public static readonly Seed Shanxi = new("004_b8ffbd3c4df9ba99.txt",
    [],
    [
        "recommendation_quota <= 3 count none -",
        "submission_deadline <= 2025-05-31 date none -",
    ]);

    public static readonly Seed[] All = [Qinghai, Shaanxi, Beijing, Shanghai, Shanxi];

    public static string Row(Threshold t) => string.Join(' ',
        t.Metric, t.Op, t.TextValue ?? t.Value?.ToString(CultureInfo.InvariantCulture) ?? "null", t.Unit,
        t.Qualifiers.Count == 0 ? "none" : string.Join(',', t.Qualifiers), t.Group ?? "-");
}
