using System.CommandLine;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm show ID [--text|--outline|--thresholds|--json]</c>: one stored document.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "document id or a unique prefix of it (4+ characters)" };
        var text = new Option<bool>("--text") { Description = "the clean text" };
        var outline = new Option<bool>("--outline") { Description = "the 章/条/项/附件 tree" };
        var thresholds = new Option<bool>("--thresholds") { Description = "criteria and procedural facts with their sources" };
        var json = new Option<bool>("--json") { Description = "the whole model as JSON" };
        var cmd = new Command("show", "show one stored document") { id, text, outline, thresholds, json };
        cmd.SetAction(p =>
        {
            using var store = PolicyStore.Open(p.GetValue(CpmApp.Db)!, ctx.Clock, readOnly: true);
            var resolved = store.Resolve(p.GetValue(id)!)
                ?? throw new UsageException($"{p.GetValue(id)}: no stored document has that id (or the prefix is ambiguous); see 'cpm list'");
            var doc = store.Load(resolved)!;
            if (p.GetValue(json)) ctx.Out.Write(PolicyJson.Write(doc));
            else if (p.GetValue(text)) ctx.Out.WriteLine(doc.Text);
            else if (p.GetValue(outline)) Views.Outline(ctx, doc);
            else if (p.GetValue(thresholds)) Views.Thresholds(ctx, doc);
            else Views.Summary(ctx, doc);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
