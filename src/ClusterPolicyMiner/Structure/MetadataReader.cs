using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Structure;

/// <summary>Reads the metadata of a notice from its wrapper, its text and the page's date line.
/// A field with no evidence is null and reported with MetadataUnknown: never a guess.</summary>
internal static partial class MetadataReader
{
    /// <summary>Words that make a line before the first heading a measure's title.</summary>
    private static readonly string[] MeasureKinds =
        ["实施细则", "实施办法", "管理办法", "暂行办法", "实施方案", "工作方案", "办法", "细则", "条例", "规定", "方案", "认定标准", "指南"];

    public static (PolicyMetadata, IReadOnlyList<Diagnostic>) Read(
        string text, PageInfo page, NoticeWrapper wrapper, IReadOnlyList<OutlineNode> outline)
    {
        var firstNode = outline.Count > 0 ? outline[0].Start : text.Length;
        var head = text[..firstNode];
        var measureTitle = wrapper.MeasureTitle ?? TitleLineBefore(text, firstNode);
        var title = measureTitle ?? wrapper.NoticeTitle ?? page.Headline;

        var cms = page.Cms;
        var issuer = wrapper.Issuer ?? cms?.Issuer
            ?? (InterpreterRegex().Match(text) is { Success: true } interp ? interp.Groups["org"].Value : null);
        var located = Jurisdictions.Locate(issuer);
        var jurisdiction = located?.Jurisdiction ?? Jurisdictions.FromName(cms?.Issuer) ?? Jurisdictions.FromName(title)
            ?? Jurisdictions.FromName(page.Site) ?? Jurisdictions.OnlyOneNamedIn(head.Length > 0 ? head : text)
            ?? Jurisdictions.ProvinceOfPlacesIn(title) ?? Jurisdictions.ProvinceOfPlacesIn(page.Site);
        var docNumber = OwnDocNumber(head) ?? cms?.DocNumber;
        var kind = DocumentKinds.Of(title, wrapper.NoticeTitle, text);
        var status = (title ?? "").Contains("征求意见稿") || head.Contains("征求意见稿") ? "draft" : "final";
        var issued = wrapper.Signed ?? cms?.Issued;
        var programme = Programmes.FirstNamedIn(title) ?? Programmes.FirstNamedIn(wrapper.NoticeTitle) ?? Programmes.FirstNamedIn(text);

        var dates = DocumentDates.Read(text, issued, status == "draft");
        var edition = EditionYear(title ?? "") ?? EditionYear(Opening(text));
        var cites = CitationReader.Read(text, [measureTitle, wrapper.NoticeTitle, title]);

        var metadata = new PolicyMetadata(jurisdiction, issuer, title, docNumber, kind, status, issued,
            page.Published ?? cms?.Published, dates.Effective, dates.Expires, dates.ValidityYears, edition, cites, programme, located?.Level)
        { EffectiveRule = dates.EffectiveRule, ExpiresRule = dates.ExpiresRule };
        return (metadata, Unknowns(metadata));
    }

    private static IReadOnlyList<Diagnostic> Unknowns(PolicyMetadata m)
    {
        var unknown = new List<Diagnostic>();
        void Check(object? value, string field, string why)
        {
            if (value is null) unknown.Add(new Diagnostic(DiagnosticCode.MetadataUnknown, null, null, $"{field}: {why}"));
        }
        Check(m.Jurisdiction, "jurisdiction", "no province or national body in the issuer, title or opening");
        Check(m.Issuer, "issuer", "no issuer before the title, in the signature or in 由…负责解释");
        Check(m.Title, "title", "no notice title, measure title or page headline");
        Check(m.DocNumber, "docNumber", "no 发文字号 before the body");
        Check(m.Kind, "kind", "the title names no known kind");
        Check(m.Issued, "issued", "no signature date or 成文日期");
        Check(m.Published, "published", "the page has no date line");
        Check(m.Effective, "effective", "no 自…起施行, or it refers to an unknown issue date");
        Check(m.ValidityYears, "validity", "no 有效期N年 for the document itself");
        Check(m.Expires, "expires", "needs the effective date and the validity");
        Check(m.EditionYear, "editionYear", "no N年度 in the title or opening");
        return unknown;
    }

    private static int? EditionYear(string s) => EditionRegex().Match(s) is { Success: true } m
        ? int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>The first few hundred characters, where a notice states its year and purpose.</summary>
    private static string Opening(string text) => text[..Math.Min(text.Length, 600)];

    /// <summary>A measure printed without a notice: the line (or space-separated token) just before its
    /// first heading, when it reads as a title (no sentence punctuation).</summary>
    private static string? TitleLineBefore(string text, int firstNode)
    {
        var end = firstNode;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && text[start - 1] != '\n' && !(HeadingScanner.IsInlineSpace(text[start - 1]) && IsSingleLine(text))) start--;
        var line = text[start..end].Trim();
        return line.Length is >= 4 and <= 80 && !SentencePunctuationRegex().IsMatch(line) && MeasureKinds.Any(line.Contains)
            ? line
            : null;
    }

    private static bool IsSingleLine(string text) => !text.AsSpan(0, Math.Min(text.Length, 2000)).Contains('\n');

    /// <summary>The document's own 发文字号: the first number before the body that does not follow a 《title》.</summary>
    private static string? OwnDocNumber(string head)
    {
        foreach (Match m in CitationReader.DocNumberRegex().Matches(head))
        {
            var before = head[..m.Index].TrimEnd(' ', '\u3000', '(', '（');
            if (before.EndsWith('》')) continue;
            return CitationReader.NormalizeDocNumber(m.Value);
        }
        return null;
    }

    [GeneratedRegex(@"(?<year>[12]\d{3})\s*年度")]
    private static partial Regex EditionRegex();

    [GeneratedRegex(@"本(?:实施细则|实施办法|管理办法|办法|细则|规定|通知|方案)由(?<org>[\p{IsCJKUnifiedIdeographs}]{2,30}?)负责解释")]
    private static partial Regex InterpreterRegex();

    [GeneratedRegex(@"[。，；！？,;]")]
    private static partial Regex SentencePunctuationRegex();
}
