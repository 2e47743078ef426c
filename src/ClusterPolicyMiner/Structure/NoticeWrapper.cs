using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Structure;

/// <summary>The notice around a measure: its title (关于印发《…》的通知, or any 关于…的通知), the title of
/// the measure it carries, the issuer named before 关于 or in the signature, and the signature date.</summary>
/// <param name="Cuts">Offsets where the outline must close every node: the signature.</param>
internal sealed partial record NoticeWrapper(
    string? NoticeTitle,
    string? MeasureTitle,
    string? Issuer,
    DateOnly? Signed,
    IReadOnlyList<int> Cuts)
{
    /// <summary>How far into the text the notice title is looked for.</summary>
    private const int HeadLength = 1500;

    /// <summary>How many last lines are searched for a date standing alone as the signature.</summary>
    private const int TailLines = 4;

    private const string OrgSuffix = "(?:厅|局|委员会|委|人民政府|政府|办公厅|办公室|部|院|中心|协会|领导小组)";

    public static NoticeWrapper Read(string text)
    {
        var head = text[..Math.Min(text.Length, HeadLength)];
        string? noticeTitle = null, measureTitle = null, issuer = null;
        if (NoticeTitleRegex().Match(head) is { Success: true } t)
        {
            noticeTitle = Squeeze(t.Groups["title"].Value);
            var inner = PublishedMeasureRegex().Match(noticeTitle);
            if (inner.Success) measureTitle = inner.Groups["measure"].Value;
            var org = Squeeze(t.Groups["org"].Value);
            // 某市经信局转发省经信厅关于…的通知: the issuer is the one forwarding.
            if (org.IndexOf("转发", StringComparison.Ordinal) is var fwd and > 0) org = org[..fwd];
            issuer = OrgRegex().IsMatch(org) ? org : IssuerBefore(text, t.Index);
        }

        var (signed, signer, signatureStart) = Signature(text);
        issuer ??= signer;
        return new NoticeWrapper(noticeTitle, measureTitle, issuer, signed,
            signatureStart is { } s ? [s] : []);
    }

    /// <summary>Whitespace inside a title comes from line wrapping and PDF spacing: drop it.</summary>
    internal static string Squeeze(string s) => WhitespaceRegex().Replace(s, "");

    /// <summary>The organisation on the line (or, on a single line, the token) just before the title.</summary>
    private static string? IssuerBefore(string text, int at)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        var token = text[start..end];
        return OrgRegex().IsMatch(token) ? token : null;
    }

    /// <summary>The signature: a date standing alone (own line, or between spaces on a single-line text)
    /// right after an organisation's name. Returns the date, the organisation and where the signature starts.</summary>
    private static (DateOnly?, string?, int?) Signature(string text)
    {
        foreach (Match m in StandaloneDateRegex().Matches(text))
        {
            if (DateReader.ToDate(m) is not { } date) continue;
            var end = m.Index;
            while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
            var start = end;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
            var org = text[start..end];
            if (OrgRegex().IsMatch(org)) return (date, org, start);
        }
        // A signature run inline at the end of a paragraph: …特此通知。吉林省工业和信息化厅2023年7月24日
        foreach (Match m in InlineSignatureRegex().Matches(text))
            if (DateReader.ToDate(m) is { } date && OrgRegex().IsMatch(m.Groups["org"].Value))
                return (date, m.Groups["org"].Value, m.Groups["org"].Index);
        if (SignedDateRegex().Match(text) is { Success: true } s && DateReader.ToDate(s) is { } signed)
            return (signed, null, null);
        // A date alone on one of the last lines, after a sentence: the signature without the issuer's name.
        var lines = text.TrimEnd().Split('\n');
        for (var i = lines.Length - 1; i >= Math.Max(1, lines.Length - TailLines); i--)
            if (StandaloneDateRegex().Match(lines[i].Trim()) is { Success: true } d && d.Length == lines[i].Trim().Length
                && lines[i - 1].TrimEnd().EndsWith('。') && DateReader.ToDate(d) is { } tail)
                return (tail, null, null);
        return (null, null, null);
    }

    [GeneratedRegex(@"(?<=^|\s)(?<title>(?<org>[^\s。，,；;：:《》]{0,40}?)关于[^。；;：:！？]{2,160}?的(?:通知|公告|通告|决定|意见|批复|函))")]
    private static partial Regex NoticeTitleRegex();

    [GeneratedRegex(@"关于(?:印发|发布|公布|转发)《(?<measure>[^《》]+)》的(?:通知|公告|通告)")]
    private static partial Regex PublishedMeasureRegex();

    [GeneratedRegex("^[\\p{IsCJKUnifiedIdeographs}（）()]{2,40}" + OrgSuffix + "$")]
    private static partial Regex OrgRegex();

    [GeneratedRegex(@"(?<=^|\s)" + DateReader.Pattern + @"(?=\s|$)")]
    private static partial Regex StandaloneDateRegex();

    [GeneratedRegex(@"[。！]\s*(?<org>[\p{IsCJKUnifiedIdeographs}（）()]{2,40}?" + OrgSuffix + @")\s*" + DateReader.Pattern + @"(?=\s|$|（)")]
    private static partial Regex InlineSignatureRegex();

    [GeneratedRegex(@"成文日期\s*[:：]\s*" + DateReader.Pattern)]
    private static partial Regex SignedDateRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
