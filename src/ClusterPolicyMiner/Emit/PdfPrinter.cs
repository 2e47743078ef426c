using System.Diagnostics;

namespace ClusterPolicyMiner.Emit;

/// <summary>Prints an HTML page to PDF with headless Chromium (Debian's <c>chromium</c>), A4 landscape as the
/// page's print CSS asks, without headers or footers, in a fresh profile and with every background service
/// off (the page itself loads nothing). The one part of Emit that runs a process and touches files.</summary>
public static class PdfPrinter
{
    /// <summary>Program names tried in order on PATH; <c>CPM_CHROMIUM</c> names another.</summary>
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public const string MissingMessage =
        "PDF output needs Chromium, which is not installed: run 'apt-get install chromium' (Debian) or use --format html";

    /// <summary>The browser to use, or null when none is installed; <paramref name="searchPath"/> replaces
    /// PATH (and ignores CPM_CHROMIUM) for tests.</summary>
    public static string? FindBrowser(string? searchPath = null)
    {
        if (searchPath is null && Environment.GetEnvironmentVariable("CPM_CHROMIUM") is { Length: > 0 } own) return File.Exists(own) ? own : null;
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in Names)
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The flags for a clean, offline, headless run with its own throw-away profile.</summary>
    public static IReadOnlyList<string> HeadlessFlags(string profileDir) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
        "--user-data-dir=" + profileDir,
    ];

    /// <summary>Writes <paramref name="html"/> to PDF bytes. Throws <see cref="InvalidOperationException"/>
    /// with a one-line message when Chromium is missing, fails or takes longer than the timeout.</summary>
    public static byte[] Print(string html, TimeSpan? timeout = null)
    {
        var browser = FindBrowser() ?? throw new InvalidOperationException(MissingMessage);
        var work = Directory.CreateTempSubdirectory("cpm-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            var pdf = Path.Combine(work.FullName, "report.pdf");
            File.WriteAllText(page, html, new System.Text.UTF8Encoding(false));
            var args = HeadlessFlags(Path.Combine(work.FullName, "profile")).Concat(
                ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri]);
            var (exit, stderr) = Run(browser, args, timeout ?? TimeSpan.FromSeconds(120));
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
                throw new InvalidOperationException($"Chromium ({browser}) wrote no PDF (exit {exit}): {LastLine(stderr)}");
            return File.ReadAllBytes(pdf);
        }
        finally
        {
            try { work.Delete(true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Runs the browser and returns its exit code and standard error; kills it past the timeout.</summary>
    public static (int Exit, string Stderr) Run(string browser, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {browser}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(true);
            throw new InvalidOperationException($"Chromium ({browser}) did not finish within {timeout.TotalSeconds:0} s");
        }
        p.WaitForExit();
        _ = stdout.Result;
        return (p.ExitCode, stderr.Result);
    }

    private static string LastLine(string s) =>
        s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
}
