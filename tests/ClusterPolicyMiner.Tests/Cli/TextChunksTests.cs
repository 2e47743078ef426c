using System.Diagnostics;
using System.Text;
using ClusterPolicyMiner.Cli.Commands;
using ClusterPolicyMiner.Normalize;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary>The chunked streaming of <c>cpm convert</c>: whatever the chunk size, the output is the conversion
/// of the whole input, over bytes (the console) and over a reader and a writer.</summary>
public class TextChunksTests
{
    private static readonly OpenCcConverter T2s = OpenCcConverter.Get("t2s");

    /// <summary>Traditional lines of several lengths, a surrogate pair and a phrase (上鍊) at line ends, no final
    /// line break; long enough for many small chunks.</summary>
    private static string Input()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.Corpus, "shanghai-2024-application-notice.zh-hant.txt"));
        return string.Concat(Enumerable.Repeat(page + "㗲𠵾上鍊\n乾淨\r\n" + new string('發', 300) + "\n", 5)) + "區域發展";
    }

    private static ChunkConversion Converter()
    {
        var buffers = new OpenCcBuffers();
        return chunk => T2s.Convert(chunk, buffers);
    }

    [Theory]
    [InlineData(7)]     // smaller than most lines: lines are gathered across reads
    [InlineData(64)]    // cuts inside three-byte characters and surrogate pairs
    [InlineData(4096)]
    public void BytesConvertedInChunksAreTheBytesOfTheWholeConversion(int size)
    {
        var input = Input();
        var output = new MemoryStream();
        TextChunks.Convert(new MemoryStream(Encoding.UTF8.GetBytes(input)), output, Converter(), size);
        Assert.Equal(T2s.Convert(input), Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(4096)]
    public void TextConvertedInChunksIsTheWholeConversion(int size)
    {
        var input = Input();
        var output = new StringWriter();
        TextChunks.Convert(new StringReader(input), output, Converter(), size);
        Assert.Equal(T2s.Convert(input), output.ToString());
    }

    [Fact]
    public void AByteOrderMarkPassesThroughAndMalformedBytesBecomeReplacementCharacters()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("發展"), 0xFF, 0xE7, (byte)'\n', 0xE7];
        var output = new MemoryStream();
        TextChunks.Convert(new MemoryStream(input), output, Converter(), 4);
        Assert.Equal("\uFEFF发展\uFFFD\uFFFD\n\uFFFD", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void EmptyInputGivesNoBytes()
    {
        var output = new MemoryStream();
        TextChunks.Convert(new MemoryStream(), output, Converter());
        Assert.Empty(output.ToArray());
    }

    /// <summary>The process itself, on its own standard streams (the byte path), against the in-memory conversion.</summary>
    [Fact]
    public async Task TheCpmProcessConvertsItsStandardInputAsTheConverterDoes()
    {
        var input = string.Concat(Enumerable.Repeat(Input() + "\n", 60)); // a few chunks of the default size
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "cpm.dll"), "convert", "-c", "t2s" }) info.ArgumentList.Add(a);
        info.Environment["LANG"] = "C.UTF-8";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.StandardInput.WriteAsync(input);
        p.StandardInput.Close();
        await p.WaitForExitAsync();
        Assert.Equal("", await stderr);
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(T2s.Convert(input), await stdout);
    }
}
