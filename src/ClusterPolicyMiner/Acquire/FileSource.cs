using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Acquire;

/// <summary>One path found by <see cref="FileSource.Enumerate"/>: a file to read, or one passed over and why.</summary>
public sealed record FileInput(string Path, string? SkipReason = null)
{
    public bool IsSkipped => SkipReason is not null;
}

/// <summary>The bytes of one file, or why they could not be had (<see cref="DiagnosticCode.ReadFailed"/>,
/// <see cref="DiagnosticCode.TooLarge"/>).</summary>
public sealed record FileRead(string Path, RawDocument? Document, Diagnostic? Failure);

/// <summary>Documents from the file system: the only place the Acquire stage touches the disk.</summary>
public static class FileSource
{
    /// <summary>Extensions taken when a folder is expanded; a file with no extension is taken too. The format is
    /// sniffed from the bytes afterwards, so a .txt holding HTML is read as HTML.</summary>
    public static IReadOnlyList<string> DocumentExtensions { get; } = [".txt", ".html", ".htm", ".pdf"];

    /// <summary>Expands the given paths: a folder becomes its files, recursively, in ordinal order of their paths;
    /// hidden entries (names starting with '.'), files of other extensions (README.md, SOURCES.md, .yaml, …)
    /// and symbolic links to folders are returned as skipped, with the reason. A file named explicitly is always
    /// taken, whatever its extension, and so is a path that does not exist (reading it reports the failure).
    /// Paths keep the form they were given in: a relative folder gives relative file paths.</summary>
    public static IEnumerable<FileInput> Enumerate(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                yield return new FileInput(path);
                continue;
            }
            var found = new List<FileInput>();
            Walk(new DirectoryInfo(path), path, found);
            foreach (var input in found.OrderBy(f => f.Path, StringComparer.Ordinal))
                yield return input;
        }
    }

    /// <summary>Reads one file whole. Files over <paramref name="maxBytes"/> are refused before reading.</summary>
    public static FileRead Read(string path, long maxBytes = long.MaxValue)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
                return new FileRead(path, null, new Diagnostic(DiagnosticCode.TooLarge, null, null,
                    $"too large: {length} bytes is over the limit of {maxBytes}"));
            return new FileRead(path, new RawDocument(path, File.ReadAllBytes(path)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
                                       or NotSupportedException or System.Security.SecurityException)
        {
            return new FileRead(path, null, new Diagnostic(DiagnosticCode.ReadFailed, null, null,
                $"cannot read the file: {ReadFailure(e)}"));
        }
    }

    private static void Walk(DirectoryInfo directory, string shownAs, List<FileInput> found)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = directory.EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(new FileInput(shownAs, $"folder cannot be listed: {ReadFailure(e)}"));
            return;
        }
        foreach (var entry in entries)
        {
            var path = Path.Join(shownAs, entry.Name);
            if (entry.Name.StartsWith('.'))
                found.Add(new FileInput(path, "hidden"));
            else if (entry is DirectoryInfo sub)
            {
                if (sub.LinkTarget is not null) found.Add(new FileInput(path, "symbolic link to a folder, not followed"));
                else Walk(sub, path, found);
            }
            else if (entry.Extension.Length == 0 || DocumentExtensions.Contains(entry.Extension.ToLowerInvariant()))
                found.Add(new FileInput(path));
            else
                found.Add(new FileInput(path, $"not a document extension ({entry.Extension})"));
        }
    }

    private static string ReadFailure(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message.ReplaceLineEndings(" "),
    };
}
