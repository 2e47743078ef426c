using System.Text;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.Acquire;

public class EncodingEvidenceTests
{
    // Sentences of the seeds, one simplified and one traditional, short enough that both GB18030 and Big5
    // may read the other's bytes without a single invalid sequence.
    private const string Simplified = "第十九条 本办法发布之日起实施，有效期三年。集群近三年中小企业研发经费年均增长高于10%。";
    private const string Traditional = "集群有效期為三年，有效期滿後，由市經濟信息化委組織開展復核工作。";

    [Fact]
    public void AUtf8ByteOrderMarkDecidesAndIsNotPartOfTheText()
    {
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Simplified)];
        var d = Acq.Decode(bytes, httpCharset: "big5");
        Assert.Equal(("utf-8", "bom"), (d.Encoding, d.EncodingRule));
        Assert.Equal(Simplified, d.Text);
    }

    [Fact]
    public void AUtf16LittleEndianByteOrderMarkDecides()
    {
        var d = Acq.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Traditional)]);
        Assert.Equal(("utf-16le", "bom"), (d.Encoding, d.EncodingRule));
        Assert.Equal(Traditional, d.Text);
        Assert.Empty(d.Diagnostics);
    }

    [Fact]
    public void Utf16WithoutAByteOrderMarkIsFoundByItsNulBytesInAlternatePositions()
    {
        var text = "第一条 (一) 2023年6月26日\n第二条 15%\n";
        var d = Acq.Decode(Encoding.Unicode.GetBytes(text));
        Assert.Equal(("utf-16le", "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Equal(text, d.Text);
        var be = Acq.Decode(Encoding.BigEndianUnicode.GetBytes(text));
        Assert.Equal(("utf-16be", text), (be.Encoding, be.Text));
    }

    [Fact]
    public void TheHttpCharsetComesBeforeTheMetaCharsetWhenBothDecodeTheBytes()
    {
        var page = "<html><head><meta charset=\"gb2312\"></head><body><p>" + Traditional + "</p></body></html>";
        var d = Acq.Decode(Acq.Big5.GetBytes(page), httpCharset: "Big5");
        Assert.Equal(("big5", "http"), (d.Encoding, d.EncodingRule));
        Assert.Contains(Traditional, d.Text);
    }

    [Fact]
    public void AnAsciiPageTakesTheHttpCharsetOverTheMetaCharset()
    {
        var page = "<html><head><meta charset=\"gb2312\"></head><body><p>2023-08-17</p></body></html>"u8.ToArray();
        var d = Acq.Decode(page, httpCharset: "big5");
        Assert.Equal(("big5", "http"), (d.Encoding, d.EncodingRule));
        Assert.Equal(("gb18030", "meta"), (Acq.Decode(page).Encoding, Acq.Decode(page).EncodingRule));
    }

    [Fact]
    public void AGbkPageWithMetaCharsetGb2312IsDecodedAsGb18030ByTheMetaRule()
    {
        var d = Acq.Decode(Acq.Corpus("beijing-2023-measures-draft.portal.gbk.html"));
        Assert.Equal((DocumentFormat.Html, "gb18030", "meta"), (d.Format, d.Encoding, d.EncodingRule));
        Assert.Empty(d.Diagnostics);
    }

    [Fact]
    public void ABig5PageWithAnHttpEquivContentTypeIsDecodedAsBig5ByTheMetaRule()
    {
        var d = Acq.Decode(Acq.Corpus("shanghai-2024-application-notice.portal.big5.html"));
        Assert.Equal((DocumentFormat.Html, "big5", "meta"), (d.Format, d.Encoding, d.EncodingRule));
        Assert.Empty(d.Diagnostics);
    }

    [Theory]
    [InlineData(936, Simplified, "gb18030")]
    [InlineData(936, Traditional, "gb18030")]
    [InlineData(950, Traditional, "big5")]
    [InlineData(950, Simplified + "於", "big5")]   // a simplified text has characters Big5 lacks: keep those it has
    [InlineData(65001, Simplified, "utf-8")]
    [InlineData(65001, Traditional, "utf-8")]
    public void WithoutDeclarationsByteStatisticsTellGbkFromBig5FromUtf8(int codePage, string text, string expected)
    {
        var encoding = Acq.Dropping(codePage);
        var bytes = encoding.GetBytes(text);
        var d = Acq.Decode(bytes);
        Assert.Equal((expected, "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Equal(encoding.GetString(bytes), d.Text);
    }

    [Fact]
    public void GbkAndBig5BytesReadEachOtherWithoutErrorsSoCommonCharactersDecide()
    {
        // The premise of the statistics: GB18030 decodes these Big5 bytes with no invalid sequence at all.
        var big5 = Acq.Big5.GetBytes(Traditional);
        Assert.DoesNotContain('\uFFFD', Encoding.GetEncoding(54936).GetString(big5));
        Assert.Equal("big5", Acq.Decode(big5).Encoding);
    }

    [Fact]
    public void TheFixturesWithoutTheirMetaAreDecodedByStatistics()
    {
        var gbk = Acq.ReplaceAscii(Acq.Corpus("beijing-2023-measures-draft.portal.gbk.html"), "charset=\"gb2312\"", "x=\"\"");
        var big5 = Acq.ReplaceAscii(Acq.Corpus("shanghai-2024-application-notice.portal.big5.html"), "; charset=big5", "");
        Assert.Equal(("gb18030", "statistics"), (Acq.Decode(gbk).Encoding, Acq.Decode(gbk).EncodingRule));
        Assert.Equal(("big5", "statistics"), (Acq.Decode(big5).Encoding, Acq.Decode(big5).EncodingRule));
    }

    [Fact]
    public void AMetaCharsetThatLiesWithInvalidSequencesIsOverriddenByStatisticsWithANote()
    {
        var lying = Acq.ReplaceAscii(Acq.Corpus("beijing-2023-measures-draft.portal.gbk.html"), "charset=\"gb2312\"", "charset=\"big5\"");
        var d = Acq.Decode(lying);
        Assert.Equal(("gb18030", "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Contains("第十九条本办法发布之日起实施,有效期三年。", d.Text);
        var note = Assert.Single(d.Diagnostics);
        Assert.Equal(DiagnosticCode.Note, note.Code);
        Assert.Contains("declared charset 'big5' (meta) decodes with", note.Message);
    }

    [Fact]
    public void AMetaCharsetThatLiesWithoutInvalidSequencesIsOverriddenByCommonCharacters()
    {
        // GB18030 reads every Big5 byte pair as some character, so only what the characters are can tell.
        var lying = Acq.ReplaceAscii(Acq.Corpus("shanghai-2024-application-notice.portal.big5.html"), "charset=big5", "charset=gb2312");
        var d = Acq.Decode(lying);
        Assert.Equal(("big5", "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Contains("(聯系人:吳春霞 23117616)", d.Text);
        Assert.StartsWith("declared charset 'gb2312' (meta)", Assert.Single(d.Diagnostics).Message);
    }

    [Fact]
    public void AShortBig5PageDeclaringGb2312IsToldByItsCharactersAlone()
    {
        // Phrases of seed 003 whose Big5 bytes are all ordinary GB18030 pairs (most Big5 text also hits
        // GB18030's user-defined rows, which count as invalid).
        const string phrases = "集群設立運營管理機構,組織專家評審,發展目標清晰,質量和環境污染等事故";
        var page = Acq.Big5.GetBytes("<html><head><meta charset=\"gb2312\"></head><body><p>" + phrases + "</p></body></html>");
        var asGb18030 = Encoding.GetEncoding(54936).GetString(page);
        Assert.DoesNotContain(asGb18030, c => c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF');
        var d = Acq.Decode(page);
        Assert.Equal(("big5", "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Contains("decodes to rare characters", Assert.Single(d.Diagnostics).Message);
    }

    [Fact]
    public void AUtf8PageDeclaringGb2312IsReadAsUtf8()
    {
        var page = Encoding.UTF8.GetBytes("<html><head><meta charset=\"gb2312\"></head><body><p>" + Simplified + "</p></body></html>");
        var d = Acq.Decode(page);
        Assert.Equal(("utf-8", "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Contains(Simplified, d.Text);
    }

    [Fact]
    public void AnUnknownCharsetLabelIsIgnoredWithANote()
    {
        var d = Acq.Decode(Encoding.UTF8.GetBytes(Simplified), httpCharset: "klingon-8");
        Assert.Equal(("utf-8", "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Contains(d.Diagnostics, x => x.Code == DiagnosticCode.Note && x.Message.Contains("klingon-8"));
    }

    [Fact]
    public void AFewInvalidSequencesAreReplacedAndReportedWithTheirCount()
    {
        var bytes = (byte[])[.. Encoding.UTF8.GetBytes(Simplified + Simplified + Simplified), 0xC3, .. "x"u8];
        var d = Acq.Decode(bytes);
        Assert.Equal("utf-8", d.Encoding);
        var diag = Assert.Single(d.Diagnostics);
        Assert.Equal(DiagnosticCode.InvalidSequences, diag.Code);
        Assert.StartsWith("1 invalid utf-8 sequence", diag.Message);
        Assert.Equal(d.Text.IndexOf('\uFFFD'), diag.Offset);
    }

    [Fact]
    public void InputsLargerThanTheSampleAreDecidedTheSameWayAndDecodedWhole()
    {
        // About 360 KB: past the 256 KB sample in which every candidate is tried first.
        var big5Body = Acq.ReplaceAscii(Acq.Corpus("shanghai-2024-application-notice.portal.big5.html"), "; charset=big5", "");
        var big5 = Repeat(big5Body, 50);
        var d = Acq.Decode(big5);
        Assert.Equal(("big5", "statistics"), (d.Encoding, d.EncodingRule));
        Assert.Equal(50, d.Text.Split("(聯系人:吳春霞 23117616)").Length - 1);

        var lying = Acq.ReplaceAscii(Acq.Corpus("beijing-2023-measures-draft.portal.gbk.html"), "charset=\"gb2312\"", "charset=\"utf-8\"");
        var gbk = Repeat(lying, 30);
        var g = Acq.Decode(gbk);
        Assert.Equal(("gb18030", "statistics"), (g.Encoding, g.EncodingRule));
        Assert.Contains("decodes with at least", Assert.Single(g.Diagnostics).Message);
        Assert.Equal(30, g.Text.Split("第十九条本办法发布之日起实施").Length - 1);
    }

    private static byte[] Repeat(byte[] bytes, int times) => Enumerable.Repeat(bytes, times).SelectMany(b => b).ToArray();
}

public class CommonHanziTests
{
    [Fact]
    public void ItsWhiteSpaceTestAgreesWithTheRuntimesOnEveryCharacterPastAscii()
    {
        var disagree = Enumerable.Range(0x80, 0x10000 - 0x80).Select(i => (char)i)
            .Where(ch => ClusterPolicyMiner.Acquire.CommonHanzi.IsWhiteSpace(ch) != char.IsWhiteSpace(ch))
            .Select(ch => $"U+{(int)ch:X4}").ToList();
        Assert.Empty(disagree);
    }
}
