using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Tests.Clean;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Thresholds;

/// <summary>Hard-wrapped text (pdftotext without -layout, text copied from a PDF) and text without line breaks
/// give the thresholds of the text as written: the project's own hard-wrapped notices in HardWrapped/, and the
/// seeds' clean text wrapped at several widths and with every line break removed.</summary>
public sealed class HardWrappedTextTests
{
    private static readonly string Folder =
        Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Thresholds", "HardWrapped");

    /// <summary>Each seed through the pipeline once for all its variants.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PolicyDocument> Originals = new();

    private static PolicyDocument Original(string file) => Originals.GetOrAdd(file, CorpusPipeline.Process);

    private static PolicyDocument Process(string name, string text) =>
        new DocumentPipeline(new()).Process(new RawDocument(name, System.Text.Encoding.UTF8.GetBytes(text)));

    public static TheoryData<string, string[]> OwnTexts => new()
    {
        { "standard-w56.txt", [
            "area_km2 <= 80 km2 soft -", "output_3y_each >= 1500000000 CNY each-of-last-3-years -",
            "sme_output_share >= 60 % none -", "leading_industry_share > 55 % none -",
            "output_growth_annual >= 5 % annual-average -", "champion_or_little_giant_count >= 1 count none g1",
            "specialized_sme_count >= 6 count none g1", "rd_growth_annual > 6 % annual-average -",
            "patent_growth_annual >= 8 % annual-average -", "patents_per_10k >= 4 count none -",
            "iip_adoption_rate >= 10 % none -"] },
        { "measures-w47.txt", [
            "area_km2 <= 120 km2 soft -", "output_3y_each >= 1000000000 CNY each-of-last-3-years -",
            "sme_output_share >= 60 % none -", "leading_industry_share >= 50 % none -",
            "output_growth_annual >= 6 % annual-average -", "specialized_sme_count >= 5 count none -",
            "cluster_validity_years = 3 years none -", "change_report_working_days <= 15 working_days none -",
            "policy_validity_years = 5 years none -"] },
        { "notice-w64-headers.txt", [
            "area_km2 <= 50 km2 soft -", "output_3y_each >= 800000000 CNY each-of-last-3-years -",
            "sme_output_share >= 50 % none -", "output_growth_annual > 1 % annual-average,relative -",
            "revenue_annual >= 500000000 CNY none -", "recommendation_quota <= 2 count none -",
            "submission_deadline <= 2025-06-20 date none -", "publicity_working_days = 5 working_days none -"] },
        { "conditions-w56-broken-numbers.txt", [
            "area_km2 <= 30 km2 soft -", "unknown >= 50 % none -", "output_growth_annual > 5 % annual-average -",
            "sme_output_share >= 70 % none -", "specialized_sme_count >= 3 count none -", "iip_adoption_rate >= 6 % none -",
            "patents_per_10k >= 2 count none -", "patent_growth_annual >= 3 % annual-average -",
            "rd_growth_annual > 4 % annual-average -", "recommendation_quota <= 1 count none -"] },
    };

    [Theory]
    [MemberData(nameof(OwnTexts))]
    public void AHardWrappedNoticeIsReadAsIfItsLinesWereWhole(string file, string[] expected)
    {
        var doc = Process(file, File.ReadAllText(Path.Combine(Folder, file)));

        Assert.Equal(expected, doc.Thresholds.Concat(doc.Procedural).Select(SeedThresholds.Row));
        Assert.DoesNotContain("工业和信息化局文件", doc.Text);
        Assert.DoesNotContain("- 1 -", doc.Text);
    }

    [Fact]
    public void WordsAndNumbersBrokenAtTheMarginAreJoinedBeforeClausesAreSplit()
    {
        var doc = Process("t.txt", File.ReadAllText(Path.Combine(Folder, "conditions-w56-broken-numbers.txt")));

        Assert.Contains("30平方公里，", doc.Text);
        Assert.Contains("企业总产值50%以上", doc.Text);
        Assert.Contains("高于5%，", doc.Text);
        Assert.Contains("研发经费年均增长高于4%。", doc.Text);
    }

    [Fact]
    public void ARunningHeaderOnEveryPdfPageGoesAndTheParagraphItCutIsJoined()
    {
        const string pages =
            "某某省工业和信息化厅文件\n某某省中小企业特色产业集群认定标准\n一、集群占地面积一般不超过100平方公里，近三年产值均在\n— 1 —\n\f"
            + "某某省工业和信息化厅文件\n20亿元以上，中小企业产值占集群总产值比例不低于50%。\n二、集群内拥有专精特新中小企业不少于5家。\n— 2 —\n\f"
            + "某某省工业和信息化厅文件\n三、工业互联网平台应用普及率不低于8%。\n— 3 —\n\f";
        var clean = Cleaner.Clean(CleanTestSupport.Normalized(pages, DocumentFormat.Pdf, "t.pdf"));

        Assert.DoesNotContain("工业和信息化厅文件", clean.Text);
        Assert.DoesNotContain("— 2 —", clean.Text);
        Assert.Contains("近三年产值均在20亿元以上", clean.Text);
    }

    public static TheoryData<string, string, int> SeedVariants
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach (var (file, seed) in Seeds)
                foreach (var width in new[] { 0, 44, 52, 60, 68, 76, 90 })
                    data.Add(file, seed, width);
            return data;
        }
    }

    private static readonly (string File, string Seed)[] Seeds =
    [
        ("qinghai-2023-implementing-rules.txt", nameof(SeedThresholds.Qinghai)),
        ("shaanxi-2023-implementing-measures.txt", nameof(SeedThresholds.Shaanxi)),
        ("beijing-2023-measures-draft.txt", nameof(SeedThresholds.Beijing)),
        ("shanghai-2024-application-notice.zh-hant.txt", nameof(SeedThresholds.Shanghai)),
        ("shanxi-2025-application-notice.zh-hant.txt", nameof(SeedThresholds.Shanxi)),
    ];

    /// <summary>Width 0 is the layout-less variant: every line break of the clean text removed. Its outline
    /// paths depend on the structure stage reading articles without line breaks, so only the thresholds are
    /// compared there; a hard-wrapped variant must give back the clean text itself, hence the same paths.</summary>
    [Theory]
    [MemberData(nameof(SeedVariants))]
    public void ASeedHardWrappedOrWithoutLineBreaksGivesTheSeedsThresholdsExactly(string file, string seed, int width)
    {
        var expected = (SeedThresholds.Seed)typeof(SeedThresholds).GetField(seed)!.GetValue(null)!;
        var original = Original(file);
        var variant = width == 0 ? original.Text.Replace("\n", "") : Wrap(original.Text, width);

        var doc = Process(file, variant);

        Assert.Equal(expected.Criteria, doc.Thresholds.Select(SeedThresholds.Row));
        Assert.Equal(expected.Procedural, doc.Procedural.Select(SeedThresholds.Row));
        if (width == 0) return;
        Assert.Equal(original.Text, doc.Text);
        Assert.Equal(original.Thresholds.Select(t => t.Source), doc.Thresholds.Select(t => t.Source));
    }

    /// <summary>The corpus PDFs through pdftotext without -layout, as a user copying their text gets them:
    /// printed lines broken inside words and numbers, first-line indents dropped, a running header and a page
    /// number on every page, spaces around digits.</summary>
    [RequiresCommandFact("pdftotext", "poppler-utils")]
    public void ThePlainPdftotextTextOfTheCorpusPdfsGivesTheSeedsThresholds()
    {
        foreach (var (pdf, seed) in new[]
                 {
                     ("qinghai-2023-implementing-rules.libreoffice.pdf", SeedThresholds.Qinghai),
                     ("shaanxi-2023-implementing-measures.libreoffice.pdf", SeedThresholds.Shaanxi),
                 })
        {
            var psi = new System.Diagnostics.ProcessStartInfo("pdftotext", ["-enc", "UTF-8", Path.Combine(TestPaths.Corpus, pdf), "-"])
                { RedirectStandardOutput = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            using var process = System.Diagnostics.Process.Start(psi)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            var doc = Process(pdf + ".txt", text);

            Assert.Equal(seed.Criteria, doc.Thresholds.Select(SeedThresholds.Row));
            Assert.Equal(seed.Procedural, doc.Procedural.Select(SeedThresholds.Row));
            Assert.DoesNotContain(doc.Diagnostics, d => d.Code == DiagnosticCode.StageFailed);
        }
    }

    [Theory]
    [MemberData(nameof(SeedVariants))]
    public void NormalisingAHardWrappedTextTwiceChangesNothingMore(string file, string seed, int width)
    {
        _ = seed;
        var text = Original(file).Text;
        var once = Normalizer.Normalize(width == 0 ? text.Replace("\n", "") : Wrap(text, width)).Text;
        Assert.Equal(once, Normalizer.Normalize(once).Text);
    }

    /// <summary>Breaks every paragraph where the next character would pass <paramref name="width"/> columns
    /// (an ideograph or full-width form counting two), inside words and numbers alike, as a PDF's lines do.</summary>
    internal static string Wrap(string text, int width)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var paragraph in text.TrimEnd('\n').Split('\n'))
        {
            var columns = 0;
            foreach (var c in paragraph)
            {
                var w = c >= '\u2E80' && c <= '\uA4CF' || c >= '\uFF00' && c <= '\uFF60' || c >= '\uFE30' && c <= '\uFE4F' ? 2 : 1;
                if (columns + w > width) { sb.Append('\n'); columns = 0; }
                sb.Append(c);
                columns += w;
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
