using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Tests.Normalize;

/// <summary>The normalisation rules, one row each: input, expected text, and the normalisations that fire.
/// Every row is also normalised a second time, which must change nothing.</summary>
public sealed class NormalizerSpecTests
{
    public static TheoryData<string, string, string> Rows() => new()
    {
        // pinyin-annotations: marks after characters go, with repeats; real parentheses stay.
        { "各區(qū)中小企業(yè)主管部門(mén)", "各区中小企业主管部门\n", "pinyin-annotations,t2s" },
        { "區(qū)(qū)域", "区域\n", "pinyin-annotations,t2s" },
        { "(一)各市(州)(以下简称集群)(2023)办法(暂行)", "(一)各市(州)(以下简称集群)(2023)办法(暂行)\n", "" },
        { "见附表(a)和(de)", "见附表(a)和(de)\n", "" },
        { "发展（fā）", "发展\n", "pinyin-annotations" },
        { "区 (qū) 域，业(yè) (yè)\n(yè)务", "区域，业务\n", "pinyin-annotations,cjk-spacing" },
        // t2s, with the phrase before the characters.
        { "特色產業集群", "特色产业集群\n", "t2s" },
        // width: letters, digits and number symbols half-width; CJK punctuation stays full-width.
        { "ＡＢＣ１２３，５０％。（一）：；", "ABC123，50%。（一）：；\n", "width" },
        // doc-number-brackets.
        { "陕工信发[2023]89号", "陕工信发〔2023〕89号\n", "doc-number-brackets" },
        { "晋企发【2023】35号、沪经信规范［2024］1号", "晋企发〔2023〕35号、沪经信规范〔2024〕1号\n", "doc-number-brackets" },
        { "工信部企业(2022)119号", "工信部企业〔2022〕119号\n", "doc-number-brackets" },
        { "工信部企业〔2022〕119号", "工信部企业〔2022〕119号\n", "" },
        { "截至(2023)年底", "截至(2023)年底\n", "" },
        // special-spaces and line-whitespace.
        { "\u3000\u3000第一条为促进\u00A0发展", "第一条为促进发展\n", "special-spaces,line-whitespace,cjk-spacing" },
        { "  第一章总则\r\n \r\n  第一条为\r\n", "第一章总则\n\n第一条为\n", "line-whitespace" },
        { "甲\n\n\n\n乙\n\n", "甲\n\n乙\n", "line-whitespace" },
        { "第一页\f第二页", "第一页\n\f\n第二页\n", "" },
        // cjk-spacing.
        { "特色 化", "特色化\n", "cjk-spacing" },
        { "特色產 業集群", "特色产业集群\n", "cjk-spacing,t2s" },
        { "成效显著、 产业链", "成效显著、产业链\n", "cjk-spacing" },
        { "一律不予受理 。", "一律不予受理。\n", "cjk-spacing" },
        { "申报材料( 一 式5份)", "申报材料(一式5份)\n", "cjk-spacing" },
        { "名称标注 “XX县", "名称标注“XX县\n", "cjk-spacing" },
        { "如发现虚假申报的, 一经查实", "如发现虚假申报的,一经查实\n", "cjk-spacing" },
        { "第 5 条", "第5条\n", "cjk-spacing,number-unit-spacing" },
        { "第一章  总  则", "第一章 总则\n", "line-whitespace,cjk-spacing" },
        { "第一条  按照", "第一条 按照\n", "line-whitespace" },
        { "第一條  按照", "第一条 按照\n", "line-whitespace,t2s" },
        { "来源:高新院 achie.org 日期:2023-08-17", "来源:高新院 achie.org 日期:2023-08-17\n", "" },
        { "张永杰 0351-3046281", "张永杰 0351-3046281\n", "" },
        { "1. 按照自愿申报原则", "1. 按照自愿申报原则\n", "" },
        // number-unit-spacing.
        { "40 亿元", "40亿元\n", "number-unit-spacing" },
        { "于2025 年5月31日前", "于2025年5月31日前\n", "number-unit-spacing" },
        { "占比50 %以上，光盘2 份", "占比50%以上，光盘2份\n", "number-unit-spacing" },
        { "２０２５ 年", "2025年\n", "width,number-unit-spacing" },
        // wrapped-lines: a title wrapped inside 《》 and a clause cut after a comma are joined.
        { "关于印发《陕西省促进中小企业特色\n产业集群发展实施办法（暂行）》的通知", "关于印发《陕西省促进中小企业特色产业集群发展实施办法（暂行）》的通知\n", "wrapped-lines" },
        { "为促进中小企业发展，\n提升专业化水平。", "为促进中小企业发展，提升专业化水平。\n", "wrapped-lines" },
        // ... but not after a sentence end, before a blank line or before a structural marker.
        { "制定本办法。\n第二条 本办法", "制定本办法。\n第二条 本办法\n", "" },
        { "开展以下工作，\n（一）提升", "开展以下工作，\n（一）提升\n", "" },
        { "包括以下方面，\n一、申报", "包括以下方面，\n一、申报\n", "" },
        { "附件：《申报表\n附件2", "附件：《申报表\n附件2\n", "" },
        { "印发《办法\n\n产业集群", "印发《办法\n\n产业集群\n", "" },
        { "关于组织开展申报的通知\n来源:高新院", "关于组织开展申报的通知\n来源:高新院\n", "" },
        // flattened-paragraphs: a long line whose paragraphs were joined by single spaces is split again.
        { Flattened, FlattenedExpected, "flattened-paragraphs" },
        // CharactersOnly is not used here; empty and blank inputs.
        { "", "", "" },
        { " \n\u3000\n", "", "special-spaces,line-whitespace" },
    };

    private static readonly string Sentence = "为促进中小企业高质量发展，提升中小企业产业集群专业化、特色化、集群化发展水平，制定本实施细则。";

    private static string Flattened => "关于印发细则的通知 各市(州)工信局: " + Sentence + " 青海省工业和信息化厅 2023年6月26日 第一章 总则 第一条 "
        + Sentence + " 第二条 " + Sentence + " 第三条 " + Sentence + " 附件: 1. 认定标准 see appendix A";

    private static string FlattenedExpected => "关于印发细则的通知\n各市(州)工信局:\n" + Sentence + "\n青海省工业和信息化厅\n2023年6月26日\n第一章 总则\n第一条 "
        + Sentence + "\n第二条 " + Sentence + "\n第三条 " + Sentence + "\n附件:\n1. 认定标准\nsee appendix A\n";

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachRuleGivesItsExpectedTextAndNamesItself(string input, string expected, string fired)
    {
        var result = Normalizer.Normalize(input);
        Assert.Equal(expected, result.Text);
        Assert.Equal(fired, string.Join(",", result.Fired));
        Assert.Equal(expected, Normalizer.Normalize(result.Text).Text);
        Assert.Empty(Normalizer.Normalize(result.Text).Fired);
    }

    [Fact]
    public void CharactersOnlyLeavesSpacesAndLineBreaksOfMarkupAsTheyAre()
    {
        var markup = "<p class=\"a\">  各區(qū)\n  特色 化 ＡＢ１ 陕工信发[2023]89号</p>\r\n";
        var result = Normalizer.Normalize(markup, new NormalizeOptions { CharactersOnly = true });
        Assert.Equal("<p class=\"a\">  各区\n  特色 化 AB1 陕工信发〔2023〕89号</p>\r\n", result.Text);
        Assert.Equal(["width", "pinyin-annotations", "t2s", "doc-number-brackets"], result.Fired);
    }

    [Fact]
    public void TheOpenCcConfigOptionChoosesTheVariantTableAndNamesIt()
    {
        var result = Normalizer.Normalize("衞生", new NormalizeOptions { OpenCcConfig = "hk2s" });
        Assert.Equal("卫生\n", result.Text);
        Assert.Equal(["hk2s"], result.Fired);
    }

    [Fact]
    public void ConvertingUntilStableMakesOpenCcsTwoStepChainIdempotent()
    {
        // TSCharacters maps 薴 to 苧 and 苧 to 苎; one OpenCC pass stops at 苧.
        Assert.Equal("苧", OpenCcConverter.Get("t2s").Convert("薴"));
        Assert.Equal("苎\n", Normalizer.Normalize("薴").Text);
    }
}
