using System.Globalization;
using System.Text;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests.RealPages;

/// <summary>True and false positives and false negatives of one class over the corpus.</summary>
public sealed class Tally
{
    public int Tp { get; private set; }
    public int Fp { get; private set; }
    public int Fn { get; private set; }
    public List<string> Misses { get; } = [];

    public double Precision => Tp + Fp == 0 ? 1 : (double)Tp / (Tp + Fp);
    public double Recall => Tp + Fn == 0 ? 1 : (double)Tp / (Tp + Fn);

    public void Hit() => Tp++;
    public void FalsePositive(string why) { Fp++; Misses.Add("FP " + why); }
    public void FalseNegative(string why) { Fn++; Misses.Add("FN " + why); }

    /// <summary>A field: right when equal; a wrong value is both a false positive and a false negative.</summary>
    public void Field(string page, string? expected, string? actual)
    {
        if (expected is not null && actual == expected) { Hit(); return; }
        if (actual is not null) FalsePositive($"{page}: got {actual}, want {expected ?? "null"}");
        if (expected is not null) FalseNegative($"{page}: got {actual ?? "null"}, want {expected}");
    }
}

/// <summary>Scores the pipeline's output on the real-page corpus, class by class.</summary>
public static class RealPageScores
{
    /// <summary>Words that mark a quoted clause as site furniture: no fact may be read from such a clause.</summary>
    private static readonly string[] FurnitureWords =
        ["免责声明", "热线", "温馨提示", "ICP", "浏览", "阅读次数", "点击", "访问量", "版权", "客服", "转载", "侵权"];

    public static SortedDictionary<string, Tally> Score(IReadOnlyList<(ExpectedPage Page, PolicyDocument Doc)> results)
    {
        var t = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        Tally Of(string name) => t.TryGetValue(name, out var x) ? x : t[name] = new Tally();

        foreach (var (page, doc) in results)
        {
            var name = page.File;
            var actual = Actual(doc.Metadata);
            foreach (var field in RealPageManifest.FieldNames)
                if (page.Has(field)) Of(field).Field(name, page.Fields[field], actual[field]);

            // Compared without whitespace: the normaliser drops spaces between CJK characters.
            var text = Squeeze(doc.Text);
            var furniture = Of("furniture removal");
            foreach (var line in page.MustNotContain)
                if (text.Contains(Squeeze(line), StringComparison.Ordinal)) furniture.FalseNegative($"{name}: kept {line}");
                else furniture.Hit();
            foreach (var line in page.MustContain)
                if (!text.Contains(Squeeze(line), StringComparison.Ordinal)) furniture.FalsePositive($"{name}: lost {line}");

            if (page.Classes.Contains("cms_block"))
            {
                var cms = Of("cms block");
                foreach (var field in (string[])["issuer", "docNumber", "issued", "published"])
                    if (page.Has(field)) cms.Field(name, page.Fields[field], actual[field]);
                foreach (var label in (string[])["索引号", "主题分类", "成文日期", "有效性："])
                    if (doc.Text.Contains(label, StringComparison.Ordinal)) cms.FalseNegative($"{name}: kept {label}");
            }

            if (page.Thresholds is { } expected) ScoreThresholds(Of("thresholds"), name, expected, doc);

            var clean = Of("no fact from furniture");
            foreach (var fact in doc.Thresholds.Concat(doc.Procedural))
            {
                var quote = fact.Source.Quote;
                if (FurnitureWords.Any(w => quote.Contains(w, StringComparison.Ordinal))
                    || page.MustNotContain.Any(w => quote.Contains(w, StringComparison.Ordinal)))
                    clean.FalsePositive($"{name}: {fact.Metric} from 「{quote}」");
                else clean.Hit();
            }
        }
        return t;
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static void ScoreThresholds(Tally tally, string name, List<ExpectedThreshold> expected, PolicyDocument doc)
    {
        var left = expected.ToList();
        foreach (var th in doc.Thresholds.Where(x => x.Metric != "unknown" && !x.Metric.StartsWith("other:", StringComparison.Ordinal)))
        {
            var match = left.FindIndex(e => e.Metric == th.Metric && e.Op == th.Op && e.Value == th.Value);
            if (match >= 0) { tally.Hit(); left.RemoveAt(match); }
            else tally.FalsePositive($"{name}: {th.Metric} {th.Op} {th.Value} from 「{th.Source.Quote}」");
        }
        foreach (var e in left) tally.FalseNegative($"{name}: {e.Metric} {e.Op} {e.Value}");
    }

    private static Dictionary<string, string?> Actual(PolicyMetadata m) => new()
    {
        ["jurisdiction"] = m.Jurisdiction, ["level"] = m.Level, ["issuer"] = m.Issuer, ["title"] = m.Title,
        ["docNumber"] = m.DocNumber, ["kind"] = m.Kind, ["status"] = m.Status, ["programme"] = m.Programme,
        ["issued"] = m.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["published"] = m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static string Table(SortedDictionary<string, Tally> tallies, bool withMisses)
    {
        var sb = new StringBuilder("class                   precision  recall   tp  fp  fn\n");
        foreach (var (name, x) in tallies)
            sb.Append(CultureInfo.InvariantCulture, $"{name,-22}  {x.Precision,9:0.000}  {x.Recall,6:0.000}  {x.Tp,3} {x.Fp,3} {x.Fn,3}\n");
        if (withMisses)
            foreach (var (name, x) in tallies)
                foreach (var miss in x.Misses) sb.Append(CultureInfo.InvariantCulture, $"[{name}] {miss}\n");
        return sb.ToString();
    }
}
