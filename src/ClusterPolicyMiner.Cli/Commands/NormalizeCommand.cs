using System.CommandLine;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm normalize</c>: the whole normalisation, standard input to standard output.</summary>
/// <remarks>
/// Unlike <c>cpm convert</c>, this reads the whole input before it writes: no chunk boundary is safe. A blank
/// line stops the clause rules of <c>wrapped-lines</c>, but the layout also reads two facts from the whole
/// text that a chunk would read differently: the width a text is hard-wrapped at (the most common width of
/// its long lines; a chunk with fewer than five of them has none, and one with a different mix another), which
/// decides which full lines are joined to the next; and the running page headers and footers (short lines that
/// come back three times or more), which are dropped with the blank lines around them so that the halves of a
/// paragraph meet across what was a blank line. Normalising chunks would thus join or keep line breaks
/// differently from normalising the whole (StreamingCliTests shows one such blank line). Streaming would need
/// these two facts from a first pass over the whole input, held apart from the text, and a layout stage that
/// takes them as input instead of reading them from the lines it is given. Until then the whole input is held:
/// 30 MB of traditional text take ~1.3 s of CPU and ~200 MB at peak (ReadyToRun build).
/// </remarks>
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
