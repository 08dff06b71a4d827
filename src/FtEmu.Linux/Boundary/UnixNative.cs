using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FtEmu.Linux;

/// <summary>
/// The few POSIX calls .NET has no API for: user and group ids, hard links, ownership, and the
/// inode-level fields of stat. Used only by <see cref="LiveHost"/>, only on Unix-like hosts; stat
/// goes through Linux's statx because its layout is the same on every architecture.
/// </summary>
internal static unsafe partial class UnixNative
{
    [LibraryImport("libc")]
    internal static partial uint getuid();

    [LibraryImport("libc")]
    internal static partial uint getgid();

    [LibraryImport("libc")]
    internal static partial uint geteuid();

    [LibraryImport("libc")]
    internal static partial uint getegid();

    [LibraryImport("libc")]
    internal static partial int getppid();

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LinkNative(string existing, string path);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int ChownNative(string path, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "lchown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LchownNative(string path, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatxNative(int dirfd, string path, int flags, uint mask, byte* buffer);

    private const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;
    private const uint STATX_BASIC_STATS = 0x7ff;

    /// <summary>Host errno numbers equal Linux's only on Linux; elsewhere errors go through the .NET fallback.</summary>
    internal static bool HasLinuxErrno => OperatingSystem.IsLinux();

    /// <summary>link(2); 0 or -errno.</summary>
    internal static long Link(string existing, string path) =>
        LinkNative(existing, path) == 0 ? 0 : -Marshal.GetLastPInvokeError();

    /// <summary>chown(2)/lchown(2); 0 or -errno.</summary>
    internal static long Chown(string path, uint uid, uint gid, bool follow) =>
        (follow ? ChownNative(path, uid, gid) : LchownNative(path, uid, gid)) == 0 ? 0 : -Marshal.GetLastPInvokeError();

    /// <summary>statx(2) of a path, or of an open descriptor when <paramref name="fd"/> ≥ 0; 0 or -errno.</summary>
    internal static long Stat(string path, int fd, bool follow, out FileStatus status)
    {
        status = default;
        byte* buf = stackalloc byte[256];
        int flags = (follow ? 0 : AT_SYMLINK_NOFOLLOW) | (fd >= 0 ? AT_EMPTY_PATH : 0);
        if (StatxNative(fd >= 0 ? fd : AT_FDCWD, fd >= 0 ? "" : path, flags, STATX_BASIC_STATS, buf) != 0)
            return -Marshal.GetLastPInvokeError();
        var s = new ReadOnlySpan<byte>(buf, 256);
        status = new FileStatus(
            Device: MakeDevice(U32(s, 136), U32(s, 140)),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(s[32..]),
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(s[28..]),
            LinkCount: U32(s, 16),
            Uid: U32(s, 20),
            Gid: U32(s, 24),
            RDevice: MakeDevice(U32(s, 128), U32(s, 132)),
            Size: BinaryPrimitives.ReadInt64LittleEndian(s[40..]),
            BlockSize: U32(s, 4),
            Blocks: BinaryPrimitives.ReadInt64LittleEndian(s[48..]),
            AccessTime: Time(s, 64),
            ModifyTime: Time(s, 112),
            ChangeTime: Time(s, 96));
        return 0;
    }

    /// <summary>Linux's new_encode_dev.</summary>
    internal static ulong MakeDevice(uint major, uint minor) =>
        (minor & 0xffUL) | ((major & 0xfffUL) << 8) | ((minor & ~0xffUL) << 12) | ((major & ~0xfffUL) << 32);

    private static uint U32(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt32LittleEndian(s[o..]);

    private static Timespec Time(ReadOnlySpan<byte> s, int o) =>
        new(BinaryPrimitives.ReadInt64LittleEndian(s[o..]), BinaryPrimitives.ReadUInt32LittleEndian(s[(o + 8)..]));
}
