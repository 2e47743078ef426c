using System.Globalization;
using System.Text;
using ClusterPolicyMiner.Acquire;

namespace ClusterPolicyMiner.Tests.Acquire;

/// <summary>Paragraphs rebuilt from word boxes in the shape pdftotext -bbox-layout writes them: an A4 page,
/// text block from x=80 to x=520, lines 20 high, 2-character first-line indent.</summary>
public sealed class PdfLayoutTests
{
    /// <summary>A line: its left edge, its right edge, and words as (start, end, text) offsets from the left.</summary>
    private sealed record L(double X0, double X1, params (double, double, string)[] Words);

    private static string Xhtml(params L[][] pages)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
            <head><title>t</title></head><body><doc>
            """);
        foreach (var page in pages)
        {
            sb.Append("<page width=\"595\" height=\"842\"><flow><block>");
            var y = 60.0;
            foreach (var line in page)
            {
                sb.Append($"<line xMin=\"{F(line.X0)}\" yMin=\"{F(y)}\" xMax=\"{F(line.X1)}\" yMax=\"{F(y + 20)}\">");
                foreach (var (a, b, text) in line.Words)
                    sb.Append($"<word xMin=\"{F(line.X0 + a)}\" yMin=\"{F(y)}\" xMax=\"{F(line.X0 + b)}\" yMax=\"{F(y + 20)}\">{text}</word>");
                sb.Append("</line>");
                y += 26;
            }
            sb.Append("</block></flow></page>");
        }
        return sb.Append("</doc></body></html>").ToString();
    }

    private static L Full(string text) => new(80, 520, (0, 440, text));

    [Fact]
    public void WrappedLinesJoinAndAnIndentOrAShortLineEndsTheParagraph()
    {
        var text = PdfLayout.ToText(Xhtml([
            new L(110, 520, (0, 410, "第一条为促进中小企业")),
            Full("高质量发展，制定本办法。第二句"),
            new L(80, 300, (0, 220, "到此为止。")),
            new L(110, 520, (0, 410, "第二条本办法自印发之日起")),
            new L(80, 200, (0, 120, "施行")),
            new L(80, 180, (0, 100, "另起一段")),
        ]));
        Assert.Equal("第一条为促进中小企业高质量发展，制定本办法。第二句到此为止。\n第二条本办法自印发之日起施行\n另起一段\n\f", text);
    }

    [Fact]
    public void CentredAndRightAlignedLinesStandAlone()
    {
        var text = PdfLayout.ToText(Xhtml([
            new L(246, 355, (0, 109, "第二章培育要求")),
            Full("第五条各级中小企业主管部门重点围绕"),
            Full("以下方面开展工作。"),
            Full("正文继续。"),
            new L(374, 492, (0, 118, "青海省工业和信息化厅")),
            Full("再一行"),
        ]));
        Assert.StartsWith("第二章培育要求\n第五条各级中小企业主管部门重点围绕以下方面开展工作。正文继续。\n青海省工业和信息化厅\n", text);
    }

    [Fact]
    public void ATitleWrappedOverTwoCentredLinesIsOneParagraphButTheHeadingUnderItIsNot()
    {
        // The title's first line fills the block; the second and the heading are short and centred.
        var xhtml = Xhtml([
            new L(90, 510, (0, 420, "陕西省促进中小企业特色产业集群发展实施办法")),
            new L(260, 340, (0, 80, "（暂行）")),
            new L(256, 344, (0, 88, "第一章 总则")),
            Full("第一条 正文。"),
        ]);
        Assert.StartsWith("陕西省促进中小企业特色产业集群发展实施办法（暂行）\n第一章 总则\n", PdfLayout.ToText(xhtml));
    }

    [Fact]
    public void AFullLineEndingASentenceDoesNotSwallowAnAttachmentListOrArticle()
    {
        var text = PdfLayout.ToText(Xhtml([
            new L(110, 520, (0, 410, "第十九条本细则自2023年6月27日起实施，有效期2年。")),
            new L(80, 114, (0, 34, "附件:")),
            Full("第二十条下一条。"),
        ]));
        Assert.Equal("第十九条本细则自2023年6月27日起实施，有效期2年。\n附件:\n第二十条下一条。\n\f", text);
    }

    [Fact]
    public void AGapBesideADigitIsSpacingUnlessItIsWide()
    {
        // 2023 年 6 月: gaps of 3 on a line 20 high (0.15) are the layout engine's, not spaces; 第四条 省: 4.5 is
        // a typed space between two Chinese words; 张永杰    0351: a gap of 8 (0.4) is a space beside a digit.
        var text = PdfLayout.ToText(Xhtml(
            [new L(374, 492, (0, 33, "2023"), (36, 51, "年"), (54, 62, "6"), (65, 80, "月"))],
            [new L(110, 300, (0, 45, "第四条"), (49.5, 190, "省工业和信息化厅"))],
            [new L(110, 300, (0, 45, "张永杰"), (53, 120, "0351-3046281"))]));
        Assert.Equal("2023年6月\n\f第四条 省工业和信息化厅\n\f张永杰 0351-3046281\n\f", text);
    }

    [Fact]
    public void ANumberWrappedInsideItselfJoinsWithoutASpaceButLatinWordsGetTheirSpaceBack()
    {
        var text = PdfLayout.ToText(Xhtml([
            Full("工信部企业〔2"),
            new L(80, 300, (0, 220, "022〕119号")),
            Full("the Ministry of Industry and"),
            new L(80, 300, (0, 220, "Information Technology")),
        ]));
        Assert.Equal("工信部企业〔2022〕119号\nthe Ministry of Industry and Information Technology\n\f", text);
    }

    [Fact]
    public void EveryPageEndsWithAFormFeedAndAPageBreakIsLeftToTheCleaner()
    {
        var text = PdfLayout.ToText(Xhtml([Full("第三条坚持政府引导和市场主导相结")], [Full("合。")]));
        Assert.Equal("第三条坚持政府引导和市场主导相结\n\f合。\n\f", text);
    }

    [Fact]
    public void PlainTextIsNotTakenForWordBoxes()
    {
        Assert.False(PdfLayout.IsBoundingBoxXhtml("第一条 <html> 不在开头\f"));
        Assert.True(PdfLayout.IsBoundingBoxXhtml(Xhtml([Full("x")])));
        Assert.Throws<System.Xml.XmlException>(() => PdfLayout.ToText("<!DOCTYPE html><html><page><line>"));
    }
}
