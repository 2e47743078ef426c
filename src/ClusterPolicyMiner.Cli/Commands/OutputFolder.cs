using ClusterPolicyMiner.Emit;

namespace ClusterPolicyMiner.Cli.Commands;

/// <summary>Makes an output folder hold the given files without ever touching a file cpm did not write.
/// The folder's manifest (<see cref="ExtractedTree.ManifestName"/>) lists what cpm wrote; only those files are
/// replaced or removed. A non-empty folder without a manifest is refused, so is a folder that is, holds or lies
/// inside the corpus, and no link inside the folder is ever followed, for writing or for removing.
/// Every check is made before the first byte is written.</summary>
internal static class OutputFolder
{
    /// <summary>The checks that need no file list, made before any work: the corpus relation and the manifest.</summary>
    public static void Check(string root, string? corpus = null)
    {
        if (corpus is not null) RefuseCorpus(root, corpus);
        if (File.Exists(root)) throw new UsageException($"{root}: the output folder is a file");
        ReadManifest(root, Path.Combine(root, ExtractedTree.ManifestName));
        Writing(root, () => Directory.CreateDirectory(root));
    }

    /// <summary>A file-system failure while writing the output is one line naming the folder and the cause.</summary>
    private static T Writing<T>(string root, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var cause = e switch
            {
                UnauthorizedAccessException => "permission denied",
                DirectoryNotFoundException or FileNotFoundException => "the folder cannot be created there",
                _ when e.HResult == 28 || e.Message.Contains("No space left", StringComparison.Ordinal) => "the disk is full",
                _ => e.Message.ReplaceLineEndings(" "),
            };
            throw new FaultException($"{root}: cannot write the output folder: {cause}", e);
        }
    }

    public static (int Written, int Removed) Sync(string root, IReadOnlyDictionary<string, string> files, string? corpus = null)
    {
        var r = Sync(root, files.Select(kv => new EmittedFile(kv.Key, kv.Value)), corpus);
        return (r.Written, r.Removed);
    }

    /// <summary>Writes the files as they come, each only when its bytes differ from the file in place, then
    /// removes the files of the last run this one no longer made. <paramref name="files"/> may be enumerated
    /// twice: when the folder holds anything the manifest does not explain (a file cpm did not write, a link),
    /// a first pass checks every path before the first byte is written. Gives the byte count of every file.</summary>
    public static (int Written, int Removed, IReadOnlyDictionary<string, long> Sizes) Sync(
        string root, IEnumerable<EmittedFile> files, string? corpus = null) =>
        Writing(root, () => SyncChecked(root, files, corpus));

    private static (int Written, int Removed, IReadOnlyDictionary<string, long> Sizes) SyncChecked(
        string root, IEnumerable<EmittedFile> files, string? corpus)
    {
        if (corpus is not null) RefuseCorpus(root, corpus);
        if (File.Exists(root)) throw new UsageException($"{root}: the output folder is a file");
        var manifestPath = Path.Combine(root, ExtractedTree.ManifestName);
        var previous = ReadManifest(root, manifestPath);
        var owned = previous.ToHashSet(StringComparer.Ordinal);
        // One buffer for every file's bytes: a new array per file put each large one on the large-object heap.
        var buffer = new byte[1 << 16];
        ReadOnlySpan<byte> Encoded(string content)
        {
            var count = Utf8.GetMaxByteCount(content.Length) <= buffer.Length ? -1 : Utf8.GetByteCount(content);
            if (count > buffer.Length) buffer = new byte[Math.Max(count, buffer.Length * 2)];
            return buffer.AsSpan(0, Utf8.GetBytes(content, buffer));
        }
        if (HoldsForeign(root, owned))
            foreach (var f in files) Planned(root, f.RelativePath, Encoded(f.Content), owned);

        // The manifest lists the old files and, before each new file is written, that file too, so that a run
        // killed half-way leaves every file it wrote listed; the last step narrows it to what this run made.
        Directory.CreateDirectory(root);
        WriteAtomically(manifestPath, Bytes(ExtractedTree.Manifest(owned)));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var written = 0;
        var trim = new Pipeline.HeapTrim(20_000);
        using (var manifest = new FileStream(manifestPath, FileMode.Append, FileAccess.Write))
        {
            foreach (var f in files)
            {
                trim.Count();
                var rel = f.RelativePath.Replace('\\', '/');
                var bytes = Encoded(f.Content);
                if (!sizes.TryAdd(rel, bytes.Length))
                    throw new InvalidOperationException($"{rel}: produced twice for one output folder");
                if (!Planned(root, rel, bytes, owned)) continue;
                if (owned.Add(rel))
                {
                    manifest.Write(Bytes(rel + "\n"));
                    manifest.Flush();
                }
                var path = Path.Combine(root, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                WriteAtomically(path, bytes);
                written++;
            }
        }

        var removed = 0;
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rel in previous.Where(p => !sizes.ContainsKey(p)))
        {
            if (!IsPlainFileInside(root, rel)) continue;
            File.Delete(Path.Combine(root, rel));
            removed++;
            for (var d = Path.GetDirectoryName(rel); !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d)) emptied.Add(d);
        }
        foreach (var d in emptied.OrderByDescending(d => d.Length))
        {
            var full = Path.Combine(root, d);
            if (Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null && !Directory.EnumerateFileSystemEntries(full).Any())
                Directory.Delete(full);
        }
        WriteAtomically(manifestPath, Bytes(ExtractedTree.Manifest(sizes.Keys)));
        return (written, removed, sizes);
    }

    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    /// <summary>Checks one generated path: true when it must be written, false when the file in place already
    /// holds these bytes (it is then cpm's); refuses links on the way and a different file cpm did not write.</summary>
    private static bool Planned(string root, string rel, ReadOnlySpan<byte> bytes, HashSet<string> owned)
    {
        RefuseLinks(root, rel);
        var path = Path.Combine(root, rel);
        if (new FileInfo(path) is not { Exists: true } info) return true;
        if (info.Length == bytes.Length && SameBytes(path, bytes)) { owned.Add(rel); return false; }
        if (!owned.Contains(rel))
            throw new UsageException($"{path}: exists and was not written by cpm (it is not in {ExtractedTree.ManifestName}); move it away and run again");
        return true;
    }

    /// <summary>Writes the text to the path unless the file there already holds its bytes; true when written.</summary>
    internal static bool WriteIfChanged(string path, string content)
    {
        var bytes = Utf8.GetBytes(content);
        if (new FileInfo(path) is { Exists: true, LinkTarget: null } info && info.Length == bytes.Length && SameBytes(path, bytes))
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return true;
    }

    private static bool SameBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(bytes.Length, 1 << 16)];
        for (var offset = 0; offset < bytes.Length;)
        {
            var n = s.Read(buffer, 0, Math.Min(buffer.Length, bytes.Length - offset));
            if (n <= 0 || !buffer.AsSpan(0, n).SequenceEqual(bytes.Slice(offset, n))) return false;
            offset += n;
        }
        return s.Read(buffer, 0, Math.Min(buffer.Length, 1)) <= 0;
    }

    /// <summary>True when the folder holds a link, or a file that is neither listed in the manifest nor the
    /// manifest itself: then a generated path might meet it.</summary>
    private static bool HoldsForeign(string root, HashSet<string> owned)
    {
        if (!Directory.Exists(root)) return false;
        var pending = new Stack<(string Full, string Rel)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (dir, rel) = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                var name = rel.Length == 0 ? entry.Name : rel + "/" + entry.Name;
                if (entry.LinkTarget is not null) return true;
                if (entry is DirectoryInfo) pending.Push((entry.FullName, name));
                else if (!owned.Contains(name) && name != ExtractedTree.ManifestName) return true;
            }
        }
        return false;
    }

    private static byte[] Bytes(string s) => new System.Text.UTF8Encoding(false).GetBytes(s);

    private static IReadOnlyList<string> ReadManifest(string root, string manifestPath)
    {
        if (!Directory.Exists(root)) return [];
        if (new DirectoryInfo(root).LinkTarget is null && new FileInfo(manifestPath) is { Exists: true, LinkTarget: null })
            return ExtractedTree.ReadManifest(File.ReadAllText(manifestPath));
        if (File.Exists(manifestPath) && new FileInfo(manifestPath).LinkTarget is not null)
            throw new UsageException($"{manifestPath}: is a symbolic link; cpm does not follow links in its output folder");
        if (!Directory.EnumerateFileSystemEntries(root).Any()) return [];
        throw new UsageException($"{root}: the output folder is not empty and has no {ExtractedTree.ManifestName}, " +
            "so cpm cannot tell its files from yours; give an empty or new folder");
    }

    /// <summary>Refuses an output folder that is the corpus, lies inside it or contains it, links resolved.</summary>
    private static void RefuseCorpus(string root, string corpus)
    {
        var outReal = RealPath(root);
        var corpusReal = RealPath(corpus);
        if (outReal == corpusReal)
            throw new UsageException($"{root}: the output folder is the corpus folder {corpus}");
        if (outReal.StartsWith(corpusReal + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UsageException($"{root}: the output folder is inside the corpus folder {corpus}");
        if (corpusReal.StartsWith(outReal + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UsageException($"{root}: the output folder contains the corpus folder {corpus}");
    }

    /// <summary>Refuses a generated path whose folders (below the output folder) or file is a link or not what
    /// it should be: writing through it would change a file outside the output folder.</summary>
    private static void RefuseLinks(string root, string rel)
    {
        var path = root;
        var segments = rel.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            path = Path.Combine(path, segments[i]);
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
                throw new UsageException($"{path}: is a symbolic link; cpm does not write through links in its output folder");
            var last = i == segments.Length - 1;
            if (!last && File.Exists(path))
                throw new UsageException($"{path}: is a file where cpm writes a folder");
            if (last && Directory.Exists(path))
                throw new UsageException($"{path}: is a folder where cpm writes a file");
        }
    }

    /// <summary>True when the listed path is a regular file reached without any link; anything else is left alone.</summary>
    private static bool IsPlainFileInside(string root, string rel)
    {
        if (!ExtractedTree.IsInside(rel)) return false;
        var path = root;
        foreach (var segment in rel.Split('/'))
        {
            path = Path.Combine(path, segment);
            if (new FileInfo(path).LinkTarget is not null) return false;
        }
        return File.Exists(path) && !Directory.Exists(path);
    }

    /// <summary>Writes a sibling temporary file (never through an existing link) and moves it in place.</summary>
    private static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".cpm-tmp");
        if (File.Exists(tmp) || new FileInfo(tmp).LinkTarget is not null) File.Delete(tmp);
        using (var s = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)) s.Write(bytes);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The absolute path with every link on the way resolved (the part that does not exist yet is kept).</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var rootPart = Path.GetPathRoot(full) ?? "/";
        var current = rootPart;
        foreach (var segment in full[rootPart.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            var info = new FileInfo(next);
            if (depth < 40 && info.LinkTarget is { } target)
                next = RealPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target), depth + 1);
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(current);
    }
}
