using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ClusterPolicyMiner.Acquire;

/// <summary>PDF text through poppler's <c>pdftotext</c> (Debian package poppler-utils), run as
/// <c>pdftotext -enc UTF-8 -bbox-layout - -</c> with the PDF on standard input and the word boxes on standard
/// output; <see cref="PdfLayout"/> rebuilds the paragraphs from them (plain output has one line per printed
/// line and cannot tell a wrapped line from a paragraph end). A command that answers with plain text instead
/// is taken as it is. Every page ends with a form feed (\f), kept for the cleaner to find page furniture and
/// page breaks.</summary>
public sealed class PdfToTextExtractor(string command = "pdftotext", TimeSpan? timeout = null) : IPdfTextExtractor
{
    public string Command { get; } = command;

    public TimeSpan Timeout { get; } = timeout ?? TimeSpan.FromSeconds(60);

    public PdfExtraction Extract(byte[] pdf)
    {
        var start = new ProcessStartInfo(Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in (string[])["-enc", "UTF-8", "-bbox-layout", "-", "-"]) start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process started");
        }
        catch (Win32Exception e)
        {
            return PdfExtraction.Failed($"cannot run '{Command}' ({e.Message}); install poppler-utils");
        }

        using (process)
        {
            // Read both pipes and write stdin concurrently: a full pipe on either side would block the other.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var stdin = WriteInputAsync(process, pdf);

            if (!process.WaitForExit(Timeout))
            {
                KillTree(process);
                return PdfExtraction.Failed($"'{Command}' timed out after {Timeout.TotalSeconds:0.###} s and was killed");
            }
            process.WaitForExit();   // lets the redirected streams reach their end
            Task.WaitAll(stdout, stderr, stdin);

            if (process.ExitCode != 0)
                return PdfExtraction.Failed($"'{Command}' exited with code {process.ExitCode}: {FirstLine(stderr.Result)}");
            var text = stdout.Result;
            if (PdfLayout.IsBoundingBoxXhtml(text))
            {
                try { text = PdfLayout.ToText(text); }
                catch (System.Xml.XmlException e)
                {
                    return PdfExtraction.Failed($"'{Command}' gave word boxes that do not parse ({e.Message})");
                }
            }
            if (text.Trim('\f', ' ', '\r', '\n', '\t').Length == 0)
                return PdfExtraction.Failed($"'{Command}' gave no text (a scanned PDF without a text layer?)");
            return PdfExtraction.Ok(text.Replace("\r\n", "\n"));
        }
    }

    private static async Task WriteInputAsync(Process process, byte[] pdf)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(pdf);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // pdftotext stopped reading (bad PDF, or killed on timeout): its exit code tells the story.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !l.StartsWith("Syntax Warning", StringComparison.Ordinal));
        return line ?? "no message";
    }
}
