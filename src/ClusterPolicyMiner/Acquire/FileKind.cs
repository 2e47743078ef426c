using System.Runtime.InteropServices;

namespace ClusterPolicyMiner.Acquire;

/// <summary>What kind of file a path names, links followed, found without opening it (opening a FIFO for
/// reading blocks until a writer comes). Uses the .NET runtime's own native shim (<c>SystemNative_Stat</c>),
/// whose struct has one layout on every Unix; where that is not available the path counts as a regular file.</summary>
internal static class FileKind
{
    public enum Kind { Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Missing, Unknown }

    /// <summary>The size in bytes of what the path names, links followed (a link's own length is not it).</summary>
    public static long SizeOf(string path)
    {
        if (OperatingSystem.IsWindows()) return new FileInfo(path).Length;
        try
        {
            return Stat(path, out var status) == 0 ? status.Size : new FileInfo(path).Length;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target.Length : new FileInfo(path).Length;
        }
    }

    public static Kind Of(string path)
    {
        if (OperatingSystem.IsWindows()) return File.Exists(path) ? Kind.Regular : Directory.Exists(path) ? Kind.Directory : Kind.Missing;
        try
        {
            if (Stat(path, out var status) != 0) return File.Exists(path) || Directory.Exists(path) ? Kind.Unknown : Kind.Missing;
            return (status.Mode & 0xF000) switch
            {
                0x8000 => Kind.Regular,
                0x4000 => Kind.Directory,
                0x1000 => Kind.Fifo,
                0x2000 => Kind.CharacterDevice,
                0x6000 => Kind.BlockDevice,
                0xC000 => Kind.Socket,
                _ => Kind.Unknown,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Kind.Regular;
        }
    }

    /// <summary>How a person would call the kind, for the diagnostic.</summary>
    public static string Describe(Kind kind) => kind switch
    {
        Kind.Fifo => "a FIFO (named pipe)",
        Kind.CharacterDevice => "a character device",
        Kind.BlockDevice => "a block device",
        Kind.Socket => "a socket",
        Kind.Directory => "a folder",
        _ => "not a regular file",
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime, ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus output);
}
