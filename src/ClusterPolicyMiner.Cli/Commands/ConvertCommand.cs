using System.CommandLine;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm convert --config t2s|tw2s|hk2s</c>: standard input to standard output, as OpenCC's config does.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext ctx)
    {
        var config = new Option<string>("--config", "-c") { Description = "OpenCC config", DefaultValueFactory = _ => "t2s" };
        config.AcceptOnlyFromAmong("t2s", "tw2s", "hk2s", "t2s.json", "tw2s.json", "hk2s.json");
        var cmd = new Command("convert", "traditional → simplified on OpenCC's dictionaries (stdin → stdout)") { config };
        cmd.SetAction(p =>
        {
            var name = p.GetValue(config)!.Replace(".json", "", StringComparison.Ordinal);
            ctx.Out.Write(OpenCcConverter.Get(name).Convert(ctx.In.ReadToEnd()));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
