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

    /// <summary>Reads one file whole, links followed, with every check on what is actually read: a path that
    /// is not a regular file (a FIFO, a device, a socket) is refused without being opened
    /// (<see cref="DiagnosticCode.NotRegularFile"/>); a file whose size is over <paramref name="maxBytes"/> is
    /// refused before reading, and reading stops at the limit for one that grows or reports no size
    /// (<see cref="DiagnosticCode.TooLarge"/>); over-size bytes are never returned.</summary>
    public static FileRead Read(string path, long maxBytes = long.MaxValue)
    {
        try
        {
            var kind = FileKind.Of(path);
            if (kind is not (FileKind.Kind.Regular or FileKind.Kind.Missing or FileKind.Kind.Directory or FileKind.Kind.Unknown))
                return new FileRead(path, null, new Diagnostic(DiagnosticCode.NotRegularFile, null, null,
                    $"not a regular file: {FileKind.Describe(kind)}; skipped without reading"));
            var length = kind == FileKind.Kind.Regular ? FileKind.SizeOf(path) : new FileInfo(path).Length;
            if (length > maxBytes)
                return new FileRead(path, null, TooLarge($"{length} bytes is over the limit of {maxBytes}"));
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var bytes = ReadAtMost(stream, maxBytes, length);
            if (bytes is null)
                return new FileRead(path, null, TooLarge($"reading stopped past the limit of {maxBytes} bytes"));
            return new FileRead(path, new RawDocument(path, bytes), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
                                       or NotSupportedException or System.Security.SecurityException)
        {
            return new FileRead(path, null, new Diagnostic(DiagnosticCode.ReadFailed, null, null,
                $"cannot read the file: {ReadFailure(e, path)}"));
        }
    }

    private static Diagnostic TooLarge(string why) => new(DiagnosticCode.TooLarge, null, null, "too large: " + why);

    /// <summary>The stream's bytes, or null as soon as more than <paramref name="maxBytes"/> have come. The
    /// <paramref name="expected"/> bytes (the file's size when asked) are read into one array of that length;
    /// only a file that grew since, or whose size says nothing (some special files report 0), is read on in
    /// chunks, to the limit.</summary>
    private static byte[]? ReadAtMost(Stream stream, long maxBytes, long expected)
    {
        var first = new byte[Math.Clamp(expected, 0, Math.Min(maxBytes, Array.MaxLength))];
        var total = 0;
        int n;
        while (total < first.Length && (n = stream.Read(first, total, first.Length - total)) > 0) total += n;
        if (total < first.Length) return first[..total];
        var probe = new byte[1];
        if (stream.Read(probe) == 0) return first;

        long count = total + 1;
        if (count > maxBytes) return null;
        using var buffer = new MemoryStream();
        buffer.Write(first, 0, total);
        buffer.WriteByte(probe[0]);
        var chunk = new byte[81920];
        // Ask for one byte past the limit at most, so that a file just over it is caught without reading on.
        while ((n = stream.Read(chunk, 0, maxBytes - count >= chunk.Length ? chunk.Length : (int)(maxBytes - count) + 1)) > 0)
        {
            count += n;
            if (count > maxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
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

    private static string ReadFailure(Exception e, string? path = null) => e switch
    {
        // The runtime shows bytes of a name that are not UTF-8 as U+FFFD, and that name then opens nothing.
        FileNotFoundException or DirectoryNotFoundException when path is not null && path.Contains('\uFFFD') =>
            "the file name is not valid UTF-8 (shown with U+FFFD), so it cannot be opened by that name; rename the file",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message.ReplaceLineEndings(" "),
    };
}
