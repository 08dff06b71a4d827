using System.Buffers.Binary;

namespace FtEmu.Linux;

/// <summary>fstat, stat, lstat, newfstatat and statx.</summary>
public static partial class Sys
{
    private const int StatSize = 144, StatxSize = 256;

    public static long Fstat(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        long r = f.GetStatus(p, out var st);
        return r < 0 ? r : WriteStat(p, a.A1, st);
    }

    public static long Stat(LinuxProcess p, in SyscallArgs a) => StatAt(p, LinuxConstants.AT_FDCWD, a.A0, 0, a.A1);

    public static long Lstat(LinuxProcess p, in SyscallArgs a) => StatAt(p, LinuxConstants.AT_FDCWD, a.A0, LinuxConstants.AT_SYMLINK_NOFOLLOW, a.A1);

    public static long Newfstatat(LinuxProcess p, in SyscallArgs a) => StatAt(p, (int)a.A0, a.A1, (int)a.A3, a.A2);

    private static long StatAt(LinuxProcess p, int dirfd, ulong pathAddress, int flags, ulong buf)
    {
        if ((flags & ~(LinuxConstants.AT_SYMLINK_NOFOLLOW | LinuxConstants.AT_EMPTY_PATH | 0x800 /* AT_NO_AUTOMOUNT */)) != 0) return -Errno.EINVAL;
        long r = StatusOfPath(p, dirfd, pathAddress, flags, out var st);
        return r < 0 ? r : WriteStat(p, buf, st);
    }

    /// <summary>The status behind a (dirfd, path, AT_* flags) triple, handling AT_EMPTY_PATH and our own devices.</summary>
    internal static long StatusOfPath(LinuxProcess p, int dirfd, ulong pathAddress, int flags, out FileStatus st)
    {
        st = default;
        long r = ReadPath(p, pathAddress, out var path);
        if (r < 0) return r;
        if (path.Length == 0)
        {
            if ((flags & LinuxConstants.AT_EMPTY_PATH) == 0) return -Errno.ENOENT;
            if (dirfd == LinuxConstants.AT_FDCWD) path = ".";
            else return p.Files.Get(dirfd) is { } f ? f.GetStatus(p, out st) : -Errno.EBADF;
        }
        r = p.Paths.Absolute(dirfd, path, out var guest);
        if (r < 0) return r;
        if (DeviceFile.ForPath(guest) is { } kind)
        {
            st = DeviceFile.StatusOf(kind, default);
            return 0;
        }
        bool follow = (flags & LinuxConstants.AT_SYMLINK_NOFOLLOW) == 0;
        r = p.Paths.Resolve(dirfd, path, follow, out var host);
        if (r < 0) return r;
        r = p.Host.GetStatus(host, follow, out st);
        if (r == 0 && path.EndsWith('/') && (st.Mode & FileTypes.S_IFMT) != FileTypes.S_IFDIR) return -Errno.ENOTDIR;
        return r;
    }

    /// <summary>struct stat, x86-64 layout (144 bytes).</summary>
    internal static long WriteStat(LinuxProcess p, ulong address, in FileStatus st)
    {
        Span<byte> b = stackalloc byte[StatSize];
        b.Clear();
        FillStat(b, st);
        return p.Memory.TryWrite(address, b) ? 0 : -Errno.EFAULT;
    }

    internal static void FillStat(Span<byte> b, in FileStatus st)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(b, st.Device);
        BinaryPrimitives.WriteUInt64LittleEndian(b[8..], st.Inode);
        BinaryPrimitives.WriteUInt64LittleEndian(b[16..], st.LinkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[24..], st.Mode);
        BinaryPrimitives.WriteUInt32LittleEndian(b[28..], st.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(b[32..], st.Gid);
        BinaryPrimitives.WriteUInt64LittleEndian(b[40..], st.RDevice);
        BinaryPrimitives.WriteInt64LittleEndian(b[48..], st.Size);
        BinaryPrimitives.WriteInt64LittleEndian(b[56..], st.BlockSize);
        BinaryPrimitives.WriteInt64LittleEndian(b[64..], st.Blocks);
        WriteTime(b[72..], st.AccessTime);
        WriteTime(b[88..], st.ModifyTime);
        WriteTime(b[104..], st.ChangeTime);
    }

    private static void WriteTime(Span<byte> b, Timespec t)
    {
        BinaryPrimitives.WriteInt64LittleEndian(b, t.Seconds);
        BinaryPrimitives.WriteInt64LittleEndian(b[8..], t.Nanoseconds);
    }

    public static long Statx(LinuxProcess p, in SyscallArgs a)
    {
        const int AT_STATX_SYNC_TYPE = 0x6000;
        int flags = (int)a.A2;
        if ((flags & ~(LinuxConstants.AT_SYMLINK_NOFOLLOW | LinuxConstants.AT_EMPTY_PATH | 0x800 | AT_STATX_SYNC_TYPE)) != 0) return -Errno.EINVAL;
        if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE) return -Errno.EINVAL;
        if ((a.A3 & 0x80000000) != 0) return -Errno.EINVAL; // STATX__RESERVED
        long r = StatusOfPath(p, (int)a.A0, a.A1, flags, out var st);
        if (r < 0) return r;
        Span<byte> b = stackalloc byte[StatxSize];
        FillStatx(b, st);
        return p.Memory.TryWrite(a.A4, b) ? 0 : -Errno.EFAULT;
    }

    /// <summary>struct statx (256 bytes): the basic fields, without birth time.</summary>
    internal static void FillStatx(Span<byte> b, in FileStatus st)
    {
        const uint STATX_BASIC_STATS = 0x7ff;
        b.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(b, STATX_BASIC_STATS);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], (uint)st.BlockSize);
        BinaryPrimitives.WriteUInt32LittleEndian(b[16..], (uint)st.LinkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[20..], st.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(b[24..], st.Gid);
        BinaryPrimitives.WriteUInt16LittleEndian(b[28..], (ushort)st.Mode);
        BinaryPrimitives.WriteUInt64LittleEndian(b[32..], st.Inode);
        BinaryPrimitives.WriteInt64LittleEndian(b[40..], st.Size);
        BinaryPrimitives.WriteInt64LittleEndian(b[48..], st.Blocks);
        WriteStatxTime(b[64..], st.AccessTime);
        WriteStatxTime(b[96..], st.ChangeTime);
        WriteStatxTime(b[112..], st.ModifyTime);
        BinaryPrimitives.WriteUInt32LittleEndian(b[128..], Major(st.RDevice));
        BinaryPrimitives.WriteUInt32LittleEndian(b[132..], Minor(st.RDevice));
        BinaryPrimitives.WriteUInt32LittleEndian(b[136..], Major(st.Device));
        BinaryPrimitives.WriteUInt32LittleEndian(b[140..], Minor(st.Device));
    }

    private static void WriteStatxTime(Span<byte> b, Timespec t)
    {
        BinaryPrimitives.WriteInt64LittleEndian(b, t.Seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], (uint)t.Nanoseconds);
    }

    internal static uint Major(ulong dev) => (uint)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffUL));
    internal static uint Minor(ulong dev) => (uint)((dev & 0xff) | ((dev >> 12) & ~0xffUL));
}
