using System.CommandLine;
using System.Text;
using ClusterPolicyMiner.Normalize;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary><c>cpm normalize</c>: the whole normalisation, standard input to standard output, streamed in
/// chunks in two passes (<see cref="StreamingNormalizer"/>): the output is the whole-text normaliser's.</summary>
/// <remarks>
/// The layout reads two facts from the whole text (the width it is hard-wrapped at and its running page
/// headers and footers), so the input is read twice: the first pass gathers the facts, the second writes.
/// Standard input that is a file (<c>&lt; notice.txt</c>) is read twice in place; anything else (a pipe, a
/// terminal, the tests' strings) is copied to a temporary file as it is read in the first pass, read back in
/// the second and deleted. Memory holds a chunk at a time, not the text (see <see cref="StreamingNormalizer"/>
/// for what a text without blank lines costs).
/// </remarks>
internal static class NormalizeCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliContext ctx)
    {
        var config = new Option<string>("--config", "-c") { Description = "OpenCC config", DefaultValueFactory = _ => "t2s" };
        config.AcceptOnlyFromAmong("t2s", "tw2s", "hk2s");
        var cmd = new Command("normalize", "normalise text: T→S, widths, pinyin marks, CJK spacing (stdin → stdout)") { config };
        cmd.SetAction(p =>
        {
            var normalizer = new StreamingNormalizer(new NormalizeOptions { OpenCcConfig = p.GetValue(config)! });
            if (!ConsoleInput.IsUtf8Console(ctx))
            {
                TextSpool.TwoPasses(normalizer, ctx.In, ctx.Out);
                return ExitCodes.Ok;
            }
            // The console's own bytes, decoded and encoded as its UTF-8 reader and writer would (a byte order
            // mark passes through as a character, malformed bytes become U+FFFD).
            using var stdin = ConsoleInput.OpenFile();
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8, 1 << 16);
            if (stdin.CanSeek)
            {
                var start = stdin.Position;
                var facts = normalizer.Gather(StreamingNormalizer.Chunks(Reader(stdin)));
                stdin.Position = start;
                normalizer.Write(StreamingNormalizer.Chunks(Reader(stdin)), facts, stdout);
            }
            else TextSpool.TwoPasses(normalizer, Reader(stdin), stdout);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static StreamReader Reader(Stream stdin) =>
        new(stdin, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
}
