using System.CommandLine;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm convert --config t2s|tw2s|hk2s</c>: standard input to standard output, as OpenCC's config does,
/// streamed in chunks of whole lines so memory does not grow with the input.</summary>
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
            var converter = OpenCcConverter.Get(name);
            foreach (var chunk in TextChunks.Read(ctx.In)) ctx.Out.Write(converter.Convert(chunk));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
