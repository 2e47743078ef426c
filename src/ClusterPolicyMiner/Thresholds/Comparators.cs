using System.Text.RegularExpressions;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Thresholds;

/// <summary>A comparator phrase as written and the operator it means.</summary>
internal readonly record struct Comparator(string Phrase, string Op);

/// <summary>Comparator semantics of Chinese legal usage (民法典 第一千二百五十九条, see DESIGN.md): 以上, 以下,
/// 以内, 不超过, 不少于, 不低于, 不高于, 至少 include the bound; 高于, 低于, 超过, 不满, 不足, 少于, 多于 exclude it;
/// 左右 and 约 are approximate. A document may redefine 以上/以下 for itself.</summary>
internal sealed partial class Comparators
{
    // Longest first, so that 不超过 is not read as 超过.
    private static readonly Comparator[] Before =
    [
        new("不少于", ">="), new("不低于", ">="), new("不小于", ">="), new("不超过", "<="), new("不高于", "<="),
        new("不多于", "<="), new("不大于", "<="), new("至少", ">="), new("高于", ">"), new("低于", "<"),
        new("超过", ">"), new("多于", ">"), new("少于", "<"), new("大于", ">"), new("小于", "<"),
        new("不满", "<"), new("不足", "<"), new("约", "~"),
    ];

    private static readonly Comparator[] After =
    [
        new("及以上", ">="), new("及以下", "<="), new("以上", ">="), new("以下", "<="), new("以内", "<="),
        new("之内", "<="), new("左右", "~"),
    ];

    private readonly bool _aboveExcludes;
    private readonly bool _belowExcludes;

    private Comparators(bool aboveExcludes, bool belowExcludes)
    {
        _aboveExcludes = aboveExcludes;
        _belowExcludes = belowExcludes;
    }

    /// <summary>Reads the document's own definition of 以上/以下 (本办法所称以上包括本数, …以下不含本数) and
    /// reports each one found as a ComparatorRedefined diagnostic quoting it.</summary>
    public static Comparators ForDocument(string text, string? documentId, List<Diagnostic> diagnostics)
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
        return new Comparators(above, below);
    }

    /// <summary>The comparator written just before [start) or just after [end) a number in the clause.
    /// 内 after a duration (15个工作日内) and 前 after a date (3月30日前) are deadlines, read as &lt;=.</summary>
    public Comparator? Find(string text, int clauseStart, int start, int end, int clauseEnd, bool isTime)
    {
        var before = text.AsSpan(clauseStart, start - clauseStart).TrimEnd();
        foreach (var c in Before)
            if (before.EndsWith(c.Phrase, StringComparison.Ordinal)) return c;
        var after = text.AsSpan(end, clauseEnd - end).TrimStart();
        foreach (var c in After)
            if (after.StartsWith(c.Phrase, StringComparison.Ordinal)) return Apply(c);
        if (isTime && (after.StartsWith("内") || after.StartsWith("前"))) return new Comparator(after[..1].ToString(), "<=");
        return null;
    }

    private Comparator Apply(Comparator c) => c.Phrase switch
    {
        "以上" or "及以上" when _aboveExcludes => c with { Op = ">" },
        "以下" or "及以下" when _belowExcludes => c with { Op = "<" },
        _ => c,
    };

    [GeneratedRegex(@"本(?:办法|细则|实施细则|规定|通知|标准|条例|意见)(?:中)?所称(?:的)?[""“‘]?(?<a>以上|以下)[""”’]?(?:[、和及与]?[""“‘]?(?<b>以上|以下)[""”’]?)?[，,]?(?:均|都)?(?<verb>包括|包含|含|不包括|不包含|不含)本数")]
    private static partial Regex Redefinition();
}
