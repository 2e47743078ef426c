using ClusterPolicyMiner.Emit;

namespace ClusterPolicyMiner.Tests.Support;

/// <summary>Headless Chromium for the report tests, with the same offline flags and a fresh profile as
/// <see cref="PdfPrinter"/>: the DOM after loading (JavaScript on or off) and a screenshot.</summary>
internal static class Chromium
{
    /// <summary>The DOM after loading. With <paramref name="javascript"/> false the page is loaded from a copy
    /// whose Content-Security-Policy forbids every script (Chromium's own switch for that breaks --dump-dom).</summary>
    public static string DumpDom(string page, bool javascript)
    {
        using var profile = new TempFolder();
        if (!javascript)
        {
            var copy = profile.File("no-script.html");
            File.WriteAllText(copy, File.ReadAllText(page).Replace("<head>",
                "<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">", StringComparison.Ordinal));
            page = copy;
        }
        var args = PdfPrinter.HeadlessFlags(Path.Combine(profile.Path, "profile")).ToList();
        args.AddRange(["--dump-dom", new Uri(page).AbsoluteUri]);
        var browser = PdfPrinter.FindBrowser() ?? throw new InvalidOperationException(PdfPrinter.MissingMessage);
        var psi = new System.Diagnostics.ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90))) p.Kill(true);
        Assert.True(stdout.Length > 0, "chromium printed no DOM: " + stderr.Result);
        return stdout;
    }

    /// <summary>A full-width PNG of the page, kept under the test output folder for a reviewer.</summary>
    public static string Screenshot(string page, string png, int width = 1600, int height = 2400)
    {
        using var profile = new TempFolder();
        var args = PdfPrinter.HeadlessFlags(Path.Combine(profile.Path, "profile"))
            .Concat([$"--window-size={width},{height}", "--hide-scrollbars", "--screenshot=" + png, new Uri(page).AbsoluteUri]);
        PdfPrinter.Run(PdfPrinter.FindBrowser()!, args, TimeSpan.FromSeconds(90));
        Assert.True(File.Exists(png), "chromium wrote no screenshot");
        return png;
    }

    /// <summary>Where the tests keep files for review: test-output/ beside the test assembly.</summary>
    public static string OutputFolder()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "test-output");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
