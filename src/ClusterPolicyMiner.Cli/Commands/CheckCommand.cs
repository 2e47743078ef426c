using System.CommandLine;
using System.Globalization;
using ClusterPolicyMiner.Compare.Eligibility;
using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm check PROFILE.yaml [--on DATE] [--json]</c>: a cluster's figures against every jurisdiction's
/// rules in force. Exit 0 when eligible somewhere, 1 when eligible nowhere (not eligible, incomplete or no
/// criteria), 2 on a bad profile or usage.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var profile = new Argument<string>("profile") { Description = "YAML profile of the cluster (see README)" };
        var on = new Option<string?>("--on") { Description = "date the rules must be in force (YYYY-MM-DD); default today" };
        var json = new Option<bool>("--json") { Description = "the whole verdict as JSON" };
        var cmd = new Command("check", "check a cluster profile against the rules in force") { profile, on, json };
        cmd.SetAction(p =>
        {
            var file = p.GetValue(profile)!;
            if (!File.Exists(file)) throw new UsageException($"{file}: no such file");
            var parsed = ClusterProfile.Parse(File.ReadAllText(file));
            if (parsed.Diagnostics.Count > 0)
                throw new UsageException(string.Join(Environment.NewLine + "cpm: ", parsed.Diagnostics.Select(d => $"{file}: {d.Message}")));
            foreach (var w in parsed.Warnings) ctx.Error.WriteLine($"cpm: warning: {file}: {w.Message}");
            var date = Args.Date(p.GetValue(on), "--on") ?? DateOnly.FromDateTime(ctx.Clock.GetLocalNow().Date);

            using var store = Stored.Open(ctx, p);
            // The whole metadata of every document, and a model only for the editions in force.
            var view = Stored.View(store);
            var headerOf = view.Headers.ToDictionary(h => h.Id, StringComparer.Ordinal);
            var described = Stored.InListOrder(store.Metadata(headerOf.Keys).Select(d => d with { Source = headerOf[d.Id].Source }));
            var report = EligibilityChecker.Check(parsed, described, d => view.Load(headerOf[d.Id]), date);
            if (p.GetValue(json)) ctx.Out.Write(JsonOut.Write(new CheckView(report.On, report.ProfileName, report.EligibleSomewhere, [.. parsed.Warnings.Select(w => w.Message)], report.Documents)));
            else Print(ctx, parsed.Name ?? file, report);
            return report.EligibleSomewhere ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return cmd;
    }

    private static void Print(CliContext ctx, string name, EligibilityReport report)
    {
        var eligible = report.Documents.Where(d => d.Eligibility == Eligibility.Eligible).Select(d => d.Jurisdiction).ToList();
        ctx.Out.WriteLine($"{name} on {IsoDate.Of(report.On)}: eligible in "
            + (eligible.Count == 0 ? "no jurisdiction" : string.Join(", ", eligible)) + $" ({report.Documents.Count} checked)");
        foreach (var d in report.Documents)
        {
            ctx.Out.WriteLine();
            var doc = d.DocumentId is { } id ? $"  ({DocumentIds.Short(id)} {d.Title})" : "";
            ctx.Out.WriteLine($"{d.Jurisdiction}: {Word(d.Eligibility)}{doc}");
            if (d.Why is { } why) ctx.Out.WriteLine($"  {why}");
            foreach (var r in d.Rules)
                ctx.Out.WriteLine($"  {r.Outcome,-20} {r.Metric,-32} {r.Requirement}  — {r.Reason}");
        }
    }

    private static string Word(Eligibility e) => e switch
    {
        Eligibility.Eligible => "eligible",
        Eligibility.NotEligible => "not eligible",
        Eligibility.Incomplete => "incomplete",
        _ => "no criteria",
    };
}
