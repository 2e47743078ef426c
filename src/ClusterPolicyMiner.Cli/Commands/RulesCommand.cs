using System.CommandLine;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm rules [--out DIR]</c>: the rule files of the stored documents, and the coverage table.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "folder that receives rules/", DefaultValueFactory = _ => "extracted" };
        var cmd = new Command("rules", "write rules/<jurisdiction>/<date>-<kind>.yaml and .json for every stored document") { output };
        cmd.SetAction(p =>
        {
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock, readOnly: true);
            var docs = Stored.Distinct(store);
            var root = p.GetValue(output)!;
            foreach (var f in RuleFileWriter.Write(docs))
            {
                var path = Path.Combine(root, f.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, f.Content, new System.Text.UTF8Encoding(false));
                ctx.Out.WriteLine(f.RelativePath);
            }
            ctx.Out.Write(RuleFileWriter.CoverageTable(RuleFileWriter.Coverage(docs)));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
