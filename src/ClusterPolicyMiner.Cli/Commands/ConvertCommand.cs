using System.CommandLine;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm convert --config t2s|tw2s|hk2s</c>: standard input to standard output, as OpenCC's config does,
/// streamed in chunks of whole lines through reused buffers, so memory does not grow with the input.</summary>
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
            var buffers = new OpenCcBuffers();
            ChunkConversion convert = chunk => converter.Convert(chunk, buffers);
            // On the process's own UTF-8 console the bytes go straight through (no reader or writer between);
            // otherwise (tests, a console in another encoding) through the context's reader and writer.
            if (ConsoleInput.IsUtf8Console(ctx))
            {
                using var stdin = Console.OpenStandardInput();
                using var stdout = Console.OpenStandardOutput();
                TextChunks.Convert(stdin, stdout, convert);
            }
            else TextChunks.Convert(ctx.In, ctx.Out, convert);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
