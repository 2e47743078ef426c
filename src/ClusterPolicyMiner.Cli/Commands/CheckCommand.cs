using System.CommandLine;
using System.Globalization;
using ClusterPolicyMiner.Compare.Eligibility;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm check PROFILE.yaml [--on DATE]</c>: a cluster's figures against every jurisdiction's rules in force.
/// Exit 0 when eligible somewhere, 1 when eligible nowhere, 2 on a bad profile.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var profile = new Argument<string>("profile") { Description = "YAML profile of the cluster (see README)" };
        var on = new Option<string?>("--on") { Description = "date the rules must be in force (YYYY-MM-DD); default today" };
        var cmd = new Command("check", "check a cluster profile against the rules in force") { profile, on };
        cmd.SetAction(p =>
        {
            var file = p.GetValue(profile)!;
            if (!File.Exists(file)) throw new UsageException($"{file}: no such file");
            var parsed = ClusterProfile.Parse(File.ReadAllText(file));
            if (parsed.Diagnostics.Count > 0)
                throw new UsageException(string.Join(Environment.NewLine, parsed.Diagnostics.Select(d => $"{file}: {d.Message}")));
            var date = Args.Date(p.GetValue(on), "--on") ?? DateOnly.FromDateTime(ctx.Clock.GetLocalNow().Date);

            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock, readOnly: true);
            var report = EligibilityChecker.Check(parsed, Stored.Distinct(store), date);
            ctx.Out.WriteLine($"{parsed.Name ?? file} on {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {report.Documents.Count} jurisdictions with rules in force");
            foreach (var d in report.Documents)
            {
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"{d.Jurisdiction}: {d.Eligibility}  ({d.Title})");
                foreach (var r in d.Rules)
                    ctx.Out.WriteLine($"  {r.Outcome,-20} {r.Metric,-32} {r.Requirement}  — {r.Reason}");
                if (d.MissingFigures.Count > 0)
                    ctx.Out.WriteLine($"  missing figures: {string.Join(", ", d.MissingFigures)}");
            }
            return report.Documents.Any(d => d.Eligibility == Eligibility.Eligible) ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return cmd;
    }
}
