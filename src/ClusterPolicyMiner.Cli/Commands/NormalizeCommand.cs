using System.CommandLine;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm normalize</c>: the whole normalisation, standard input to standard output.</summary>
internal static class NormalizeCommand
{
    public static Command Create(CliContext ctx)
    {
        var config = new Option<string>("--config", "-c") { Description = "OpenCC config", DefaultValueFactory = _ => "t2s" };
        config.AcceptOnlyFromAmong("t2s", "tw2s", "hk2s");
        var cmd = new Command("normalize", "normalise text: T→S, widths, pinyin marks, CJK spacing (stdin → stdout)") { config };
        cmd.SetAction(p =>
        {
            var result = Normalizer.Normalize(ctx.In.ReadToEnd(), new NormalizeOptions { OpenCcConfig = p.GetValue(config)! });
            ctx.Out.Write(result.Text);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
