using System.Globalization;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;
using ClusterPolicyMiner.Thresholds;
using Xunit.Abstractions;

namespace ClusterPolicyMiner.Tests.Thresholds;

/// <summary>Runs threshold-spec.md: one clause and its expected readings per row (columns described there).</summary>
public sealed class ThresholdSpecTests(ITestOutputHelper output)
{
    private sealed record Row(string Form, string Clause, string[] Cells);

    private static readonly Lazy<List<Row>> Rows = new(() => File.ReadAllLines(
            Path.Combine(TestPaths.RepoRoot, "tests", "ClusterPolicyMiner.Tests", "Thresholds", "threshold-spec.md"))
        .Where(l => l.StartsWith("| ") && !l.StartsWith("| form") && !l.StartsWith("| ---"))
        .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
        .Select(c => new Row(c[0], c[1], c[2..]))
        .ToList());

    public static TheoryData<string, string, string> All
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var r in Rows.Value) data.Add(r.Form, r.Clause, Expected(r));
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void EachClauseIsReadAsTheTableSays(string form, string clause, string expected)
    {
        _ = form;
        Assert.Equal(expected, Actual(clause, ExtraKeys(expected)));
    }

    [Fact]
    public void TheTableHasAtLeast150RowsAndEveryFormIsWrittenInSeveralWays()
    {
        var rows = Rows.Value;
        Assert.True(rows.Count >= 150, $"{rows.Count} rows");
        foreach (var form in rows.Select(r => r.Form).Distinct())
            Assert.True(rows.Count(r => r.Form == form) >= 3, $"form {form} has fewer than 3 rows");
        Assert.Contains(rows, r => r.Clause.Any(c => c is >= '０' and <= '９'));
        Assert.Contains(rows, r => r.Clause != Normalizer.Normalize(r.Clause).Text.TrimEnd('\n'));
    }

    /// <summary>Not an assertion beyond the theory: prints the pass count per form, which the closing note quotes.</summary>
    [Fact]
    public void PassCountsPerFormArePrinted()
    {
        var failed = 0;
        foreach (var group in Rows.Value.GroupBy(r => r.Form))
        {
            var pass = group.Count(r => Expected(r) == Actual(r.Clause, ExtraKeys(Expected(r))));
            failed += group.Count() - pass;
            output.WriteLine($"{group.Key}: {pass}/{group.Count()}");
        }
        Assert.Equal(0, failed);
    }

    private static string Expected(Row r)
    {
        var c = r.Cells;
        if (c[0] is "none" or "unread" or "outofrange") return c[0];
        var cells = c.Take(7).Select(x => x.Split(" ; ")).ToArray();
        var n = cells.Max(x => x.Length);
        string At(int col, int k) => cells[col].Length == 1 ? cells[col][0] : cells[col][k];
        var extra = c.Length > 7 && c[7] != "-" ? " " + c[7] : "";
        return string.Join(" ; ", Enumerable.Range(0, n).Select(k =>
            $"{At(0, k)} {At(1, k)} {At(2, k)} {At(3, k)} q={At(4, k)} c={At(5, k)} soft={At(6, k)}{extra}"));
    }

    private static string[] ExtraKeys(string expected) =>
        [.. expected.Split(' ').Where(w => w.Length > 1 && char.IsAsciiLetterLower(w[0]) && w.Contains('=')
                && !w.StartsWith("q=") && !w.StartsWith("c=") && !w.StartsWith("soft="))
            .Select(w => w[..(w.IndexOf('=') + 1)]).Distinct()];

    private static string Actual(string clause, string[] extraKeys)
    {
        var text = Normalizer.Normalize(clause).Text;
        var result = ThresholdExtractor.Extract(text, []);
        var all = result.Thresholds.Concat(result.Procedural).OrderBy(t => t.Source.Start).ToList();
        if (all.Count == 0)
        {
            if (result.Diagnostics.Any(d => d.Code == DiagnosticCode.NumberOutOfRange)) return "outofrange";
            return result.Diagnostics.Any(d => d.Code == DiagnosticCode.UnreadRequirement) ? "unread" : "none";
        }
        return string.Join(" ; ", all.Select(t => Describe(t, extraKeys)));
    }

    private static string Describe(Threshold t, string[] extraKeys)
    {
        var value = t.TextValue ?? t.Value?.ToString(CultureInfo.InvariantCulture) ?? "null";
        var quals = t.Qualifiers.Where(q => q != "soft").Order(StringComparer.Ordinal).ToList();
        var s = $"{t.Metric} {t.Op} {value} {t.Unit} q={(quals.Count == 0 ? "-" : string.Join(',', quals))}"
                + $" c={(t.Conditions.Count == 0 ? "-" : string.Join('+', t.Conditions))} soft={(t.Qualifiers.Contains("soft") ? "yes" : "no")}";
        foreach (var key in extraKeys)
            s += " " + key + key switch
            {
                "phrase=" => t.Phrase,
                "written=" => t.UnitWritten,
                "ref=" => t.Reference,
                "excl=" => t.Exclusion,
                "label=" => t.Label,
                _ => "?",
            };
        return s;
    }
}
