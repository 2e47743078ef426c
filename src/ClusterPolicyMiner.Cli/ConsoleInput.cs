using Microsoft.Win32.SafeHandles;

namespace ClusterPolicyMiner.Cli;

/// <summary>The process's standard input, opened on first use: creating <see cref="Console.In"/> costs about
/// 14 ms of CPU (console and terminal set-up), and most commands never read it.</summary>
internal sealed class ConsoleInput : TextReader
{
    private static TextReader In => Console.In;

    public override int Peek() => In.Peek();
    public override int Read() => In.Read();
    public override int Read(char[] buffer, int index, int count) => In.Read(buffer, index, count);
    public override int Read(Span<char> buffer) => In.Read(buffer);
    public override int ReadBlock(char[] buffer, int index, int count) => In.ReadBlock(buffer, index, count);
    public override int ReadBlock(Span<char> buffer) => In.ReadBlock(buffer);
    public override string? ReadLine() => In.ReadLine();
    public override string ReadToEnd() => In.ReadToEnd();
    public override Task<string?> ReadLineAsync() => In.ReadLineAsync();
    public override Task<string> ReadToEndAsync() => In.ReadToEndAsync();

    /// <summary>Whether a command reads and writes the process's own UTF-8 console, so that it may take the
    /// bytes without the console's reader and writer (tests, and a console in another encoding, go through them).</summary>
    public static bool IsUtf8Console(CliContext ctx) =>
        ctx.In is ConsoleInput && ReferenceEquals(ctx.Out, Console.Out)
        && Console.InputEncoding.CodePage == 65001 && Console.OutputEncoding.CodePage == 65001;

    /// <summary>Standard input as a file stream: seekable when it is a regular file (<c>cpm normalize &lt; notice.txt</c>),
    /// so that a command may read it twice.</summary>
    public static FileStream OpenFile() => new(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
}
