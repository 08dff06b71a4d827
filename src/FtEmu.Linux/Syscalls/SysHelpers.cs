using System.Buffers.Binary;
using System.Text;

namespace FtEmu.Linux;

/// <summary>Argument decoding shared by the handler families: guest strings and small structs.</summary>
public static partial class Sys
{
    /// <summary>Linux's PATH_MAX, including the terminating NUL.</summary>
    private const int PathMax = 4096;

    /// <summary>Reads a path argument: -EFAULT when unreadable, -ENAMETOOLONG past PATH_MAX.</summary>
    internal static long ReadPath(LinuxProcess p, ulong address, out string path)
    {
        path = "";
        var bytes = p.Memory.ReadCString(address, PathMax);
        if (bytes == null) return address != 0 && p.Memory.IsReadable(address, 1) ? -Errno.ENAMETOOLONG : -Errno.EFAULT;
        path = Encoding.UTF8.GetString(bytes);
        return 0;
    }

    internal static bool WriteU32(LinuxProcess p, ulong address, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return p.Memory.TryWrite(address, b);
    }

    internal static bool ReadU32(LinuxProcess p, ulong address, out uint value)
    {
        Span<byte> b = stackalloc byte[4];
        bool ok = p.Memory.TryRead(address, b);
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(b) : 0;
        return ok;
    }

    /// <summary>Reads a struct timespec; -EFAULT or -EINVAL for an out-of-range nanosecond field.</summary>
    internal static long ReadTimespec(LinuxProcess p, ulong address, out Timespec t)
    {
        t = default;
        if (!p.Memory.TryReadU64(address, out ulong s) || !p.Memory.TryReadU64(address + 8, out ulong ns)) return -Errno.EFAULT;
        t = new Timespec((long)s, (long)ns);
        return (long)ns is < 0 or >= 1_000_000_000 ? -Errno.EINVAL : 0;
    }

    internal static bool WriteTimespec(LinuxProcess p, ulong address, Timespec t) =>
        p.Memory.TryWriteU64(address, (ulong)t.Seconds) && p.Memory.TryWriteU64(address + 8, (ulong)t.Nanoseconds);

    /// <summary>Host path for a path argument relative to a directory descriptor.</summary>
    internal static long ResolveArg(LinuxProcess p, int dirfd, ulong pathAddress, bool follow, out string hostPath, out string guestPath)
    {
        hostPath = guestPath = "";
        long r = ReadPath(p, pathAddress, out var path);
        if (r < 0) return r;
        r = p.Paths.Absolute(dirfd, path, out guestPath);
        if (r < 0) return r;
        return p.Paths.Resolve(dirfd, path, follow, out hostPath);
    }
}
