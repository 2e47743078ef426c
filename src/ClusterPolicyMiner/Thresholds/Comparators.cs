using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Thresholds;

/// <summary>A comparator phrase as written and the operator it means.</summary>
internal readonly record struct Comparator(string Phrase, string Op);

/// <summary>The comparator of one number: what it means, the reference of a relative rule
/// (高于全省平均水平2个百分点), and where its phrase starts in the text.</summary>
internal sealed record ComparatorMatch(Comparator Comparator, string? Reference, int PhraseStart);

/// <summary>Comparator semantics of Chinese legal usage (民法典 第一千二百五十九条, see DESIGN.md), read with the
/// tables of reading.yaml: a comparator before the number (possibly with fillers and a reference between, as in
/// 超过人民币20亿元, 约为百分之十, 高于全省平均水平2个百分点), else one after it (5家以上, 3个或者以上); an inclusive
/// marker (（含）, （含5%）, （不含）) moves the bound in or out. A document may redefine 以上/以下 for itself.</summary>
internal sealed partial class Comparators
{
    private const int MaxSkips = 3;

    private readonly ReadingLexicon _lexicon;
    private readonly bool _aboveExcludes;
    private readonly bool _belowExcludes;

    private Comparators(ReadingLexicon lexicon, bool aboveExcludes, bool belowExcludes)
    {
        _lexicon = lexicon;
        _aboveExcludes = aboveExcludes;
        _belowExcludes = belowExcludes;
    }

    /// <summary>Reads the document's own definition of 以上/以下 (本办法所称以上包括本数, …以下不含本数) and
    /// reports each one found as a ComparatorRedefined diagnostic quoting it.</summary>
    public static Comparators ForDocument(string text, string? documentId, List<Diagnostic> diagnostics, ReadingLexicon lexicon)
    {
        bool above = false, below = false;
        foreach (Match m in Redefinition().Matches(text))
        {
            var excludes = m.Groups["verb"].Value.StartsWith('不');
            var words = new[] { m.Groups["a"].Value, m.Groups["b"].Value }.Where(w => w.Length > 0).ToList();
            if (words.Contains("以上")) above = excludes;
            if (words.Contains("以下")) below = excludes;
            var meaning = string.Join("; ", words.Select(w => $"{w} {(excludes ? "excludes" : "includes")} the bound"));
            diagnostics.Add(new Diagnostic(DiagnosticCode.ComparatorRedefined, documentId, m.Index,
                $"「{m.Value}」: {meaning}"));
        }
        return new Comparators(lexicon, above, below);
    }

    /// <summary>The comparator of the number at [start, end) in the clause [clauseStart, clauseEnd).
    /// 内 after a duration (15个工作日内) and 前 after a date (3月30日前) are deadlines, read as &lt;=.
    /// A reference with no comparator (是全国平均的1.5倍) reads as =.</summary>
    public ComparatorMatch? Find(string text, int clauseStart, int start, int end, int clauseEnd, bool isTime)
    {
        var beforeText = text[clauseStart..start];
        var before = beforeText.Replace(" ", "");
        var after = text[end..clauseEnd].Replace(" ", "");
        var (inclusive, afterMarker) = Inclusive(after);
        string? reference = null;

        for (var skip = 0; skip <= MaxSkips; skip++)
        {
            // 比全国平均水平高出2个百分点: a comparison around a reference, read before the table (whose 高出 alone
            // would lose the reference) when its reference is one of the lexicon's, after it otherwise (比例最少).
            if (Than(before, referenceOnly: true) is { } around) return around;
            foreach (var c in _lexicon.Before)
                if (before.EndsWith(c.Phrase, StringComparison.Ordinal))
                    return new ComparatorMatch(Adjust(c, inclusive), reference, clauseStart + PhraseIndex(beforeText, c.Phrase));
            if (Than(before, referenceOnly: false) is { } than) return than;
            if (reference is null && _lexicon.ReferenceAtEnd.Match(before) is { Success: true } r)
            {
                reference = r.Groups["ref"].Value;
                before = before[..r.Index];
                continue;
            }
            var filler = _lexicon.Fillers.FirstOrDefault(f => before.EndsWith(f, StringComparison.Ordinal));
            if (filler is null) break;
            before = before[..^filler.Length];
        }

        var rest = after[afterMarker..];
        foreach (var c in _lexicon.After)
            if (rest.StartsWith(c.Phrase, StringComparison.Ordinal))
            {
                var (later, _) = Inclusive(rest[c.Phrase.Length..]);
                return new ComparatorMatch(Adjust(Apply(c), inclusive ?? later), reference, end);
            }
        if (isTime && (after.StartsWith('内') || after.StartsWith('前')))
            return new ComparatorMatch(new Comparator(after[..1], "<="), reference, end);
        return reference is null ? null : new ComparatorMatch(new Comparator("", "="), reference, start);

        ComparatorMatch? Than(string words, bool referenceOnly)
        {
            if (ThanPattern().Match(words) is not { Success: true } m) return null;
            var against = m.Groups["ref"].Value;
            if (referenceOnly && !_lexicon.ReferenceAtEnd.IsMatch(against)) return null;
            var dir = m.Groups["dir"].Value;
            // The phrase is the comparator word as written (高, 高出), as 高于 is in 高于全省平均水平2个百分点;
            // 比 introduces the reference, and the phrase's span starts there.
            return new ComparatorMatch(Adjust(new Comparator(dir, dir is "低" or "少" ? "<" : ">"), inclusive),
                against, clauseStart + PhraseIndex(beforeText, "比"));
        }
    }

    /// <summary>（含）, （含5%）: true; （不含）: false; null when the text does not start with such a marker.
    /// The second value is the marker's length.</summary>
    private (bool? Inclusive, int Length) Inclusive(string after)
    {
        var m = _lexicon.Inclusive.Match(after);
        return m.Success && m.Index == 0 ? (!m.Groups["not"].Success, m.Length) : (null, 0);
    }

    private static Comparator Adjust(Comparator c, bool? inclusive) => (c.Op, inclusive) switch
    {
        (">", true) => c with { Op = ">=" },
        ("<", true) => c with { Op = "<=" },
        (">=", false) => c with { Op = ">" },
        ("<=", false) => c with { Op = "<" },
        _ => c,
    };

    private static int PhraseIndex(string beforeText, string phrase)
    {
        var i = beforeText.LastIndexOf(phrase, StringComparison.Ordinal);
        return i >= 0 ? i : Math.Max(0, beforeText.LastIndexOf(phrase[0]));
    }

    private Comparator Apply(Comparator c) => c.Op switch
    {
        ">=" when _aboveExcludes && c.Phrase.EndsWith("以上", StringComparison.Ordinal) => c with { Op = ">" },
        "<=" when _belowExcludes && c.Phrase.EndsWith("以下", StringComparison.Ordinal) => c with { Op = "<" },
        _ => c,
    };

    /// <summary>比全省平均水平高3个百分点: a comparison written around its reference.</summary>
    [GeneratedRegex(@"比(?<ref>[^，,；;。]{2,16}?)(?<dir>高出|高|低|多|少)$")]
    private static partial Regex ThanPattern();

    [GeneratedRegex(@"本(?:办法|细则|实施细则|规定|通知|标准|条例|意见)(?:中)?所称(?:的)?[""“‘]?(?<a>以上|以下)[""”’]?(?:[、和及与]?[""“‘]?(?<b>以上|以下)[""”’]?)?[，,]?(?:均|都)?(?<verb>包括|包含|含|不包括|不包含|不含)本数")]
    private static partial Regex Redefinition();
}
