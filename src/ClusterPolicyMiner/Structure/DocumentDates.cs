using System.Globalization;
using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Structure;

/// <summary>When a document takes effect and when it expires, only from what its own text says.</summary>
/// <param name="EffectiveRule">How Effective was derived when it is not written as a date (自印发之日起: = issued); null when read as written or unknown.</param>
/// <param name="ExpiresRule">How Expires was derived (有效期2年: = effective + 2 years − 1 day); null when read as written or unknown.</param>
internal sealed record DocumentDateFacts(
    DateOnly? Effective, string? EffectiveRule, DateOnly? Expires, string? ExpiresRule, int? ValidityYears);

/// <summary>Reads 自2023年6月27日起施行, 自印发之日起施行, 有效期至2025年12月31日 and 有效期N年 of the document
/// itself. The validity of a recognised cluster (集群有效期为三年) is a threshold (cluster_validity_years), never
/// the document's expiry; a draft's 自发布之日起 refers to an issue that has not happened, so it gives nothing.</summary>
internal static partial class DocumentDates
{
    public static DocumentDateFacts Read(string text, DateOnly? issued, bool draft)
    {
        DateOnly? effective = null;
        string? effectiveRule = null, effectiveSentence = null;
        if (EffectiveDateRegex().Match(text) is { Success: true } m)
        {
            effective = DateReader.ToDate(DateReader.DateRegex().Match(m.Value));
            effectiveSentence = SentenceAround(text, m.Index);
        }
        else if (EffectiveOnIssueRegex().Match(text) is { Success: true } r)
        {
            effectiveSentence = SentenceAround(text, r.Index);
            if (!draft && issued is { } i)
            {
                effective = i;
                effectiveRule = $"{NoticeWrapper.Squeeze(r.Value)}: = issued ({Iso(i)})";
            }
        }

        var (validity, until, validityPhrase) = Validity(text, effectiveSentence);
        if (until is { } u) return new DocumentDateFacts(effective, effectiveRule, u, null, validity);
        if (validity is { } years && effective is { } e)
            return new DocumentDateFacts(effective, effectiveRule, e.AddYears(years).AddDays(-1),
                $"{validityPhrase}: = effective ({Iso(e)}) + {years} years − 1 day", validity);
        return new DocumentDateFacts(effective, effectiveRule, null, null, validity);
    }

    /// <summary>The document's own validity in years or its end date: in the sentence that says when it takes
    /// effect, or in one that begins with 本办法/本细则/本通知.</summary>
    private static (int? Years, DateOnly? Until, string? Phrase) Validity(string text, string? effectiveSentence)
    {
        var sentences = new List<string>();
        if (effectiveSentence is not null) sentences.Add(effectiveSentence);
        sentences.AddRange(OwnValiditySentenceRegex().Matches(text).Select(x => x.Value));
        foreach (var s in sentences)
        {
            if (ClusterValidityRegex().IsMatch(s)) continue;
            if (ValidityUntilRegex().Match(s) is { Success: true } u)
                return (null, DateReader.ToDate(DateReader.DateRegex().Match(u.Value)), null);
            if (ValidityYearsRegex().Match(s) is { Success: true } y && ChineseNumeral.Parse(y.Groups["n"].Value) is { } years and > 0)
                return (years, null, NoticeWrapper.Squeeze(y.Value));
        }
        return (null, null, null);
    }

    private static string SentenceAround(string text, int at)
    {
        var start = text.LastIndexOfAny(['。', '；', '\n'], Math.Max(0, at - 1)) + 1;
        var end = text.IndexOfAny(['。', '；', '\n'], at);
        return text[start..(end < 0 ? text.Length : end)];
    }


    private static string Iso(DateOnly d) => IsoDate.Of(d);

    [GeneratedRegex(@"自\s*" + DateReader.Pattern + @"\s*起\s*(?:施行|实施|执行|生效)")]
    private static partial Regex EffectiveDateRegex();

    [GeneratedRegex(@"自?\s*(?:印发|发布|公布|颁布)\s*之日起\s*(?:施行|实施|执行|生效)")]
    private static partial Regex EffectiveOnIssueRegex();

    [GeneratedRegex(@"有效期(?:为|是)?\s*(?<n>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*年")]
    private static partial Regex ValidityYearsRegex();

    [GeneratedRegex(@"有效期(?:至|到)\s*" + DateReader.Pattern)]
    private static partial Regex ValidityUntilRegex();

    /// <summary>A recognised cluster's term (集群有效期, 认定有效期, 称号有效期): not the document's.</summary>
    [GeneratedRegex(@"(?:集群|认定|称号|资格)(?:的)?有效期")]
    private static partial Regex ClusterValidityRegex();

    [GeneratedRegex(@"本(?:实施细则|实施办法|管理办法|办法|细则|规定|通知|方案|意见)[^。；\n]{0,40}有效期[^。；\n]{0,30}")]
    private static partial Regex OwnValiditySentenceRegex();
}
