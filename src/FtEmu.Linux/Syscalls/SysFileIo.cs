using System.Buffers;

namespace FtEmu.Linux;

/// <summary>read, write and the other calls that move bytes through descriptors.</summary>
public static partial class Sys
{
    /// <summary>Largest single transfer, as Linux caps read/write at 0x7ffff000 bytes.</summary>
    private const int MaxTransfer = 0x7ffff000;
    private const int IovMax = 1024;

    /// <summary>Reads into guest memory at <paramref name="offset"/>, or at and advancing the file offset when it is -1.</summary>
    private static long ReadInto(LinuxProcess p, OpenFile f, ulong address, ulong length, long offset)
    {
        if (!f.CanRead || (f.Flags & LinuxConstants.O_PATH) != 0) return -Errno.EBADF;
        if (f.IsDirectory) return -Errno.EISDIR;
        int count = (int)Math.Min(length, MaxTransfer);
        if (count == 0) return 0;
        if (!p.Memory.IsWritable(address, (ulong)count)) return -Errno.EFAULT;
        byte[] buf = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            long n = f.Read(p, buf.AsSpan(0, count), offset < 0 ? f.Offset : offset);
            if (n > 0)
            {
                p.Memory.TryWrite(address, buf.AsSpan(0, (int)n));
                if (offset < 0 && f.IsSeekable) f.Offset += n;
            }
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    /// <summary>Writes from guest memory; offset as for <see cref="ReadInto"/>.</summary>
    private static long WriteFrom(LinuxProcess p, OpenFile f, ulong address, ulong length, long offset)
    {
        if (!f.CanWrite || (f.Flags & LinuxConstants.O_PATH) != 0) return -Errno.EBADF;
        int count = (int)Math.Min(length, MaxTransfer);
        if (count == 0) return f is PipeEnd ? f.Write(p, ReadOnlySpan<byte>.Empty, 0) : 0;
        byte[] buf = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            if (!p.Memory.TryRead(address, buf.AsSpan(0, count))) return -Errno.EFAULT;
            long n = f.Write(p, buf.AsSpan(0, count), offset < 0 ? f.Offset : offset);
            if (n > 0 && offset < 0 && f.IsSeekable) f.Offset += n;
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    public static long Read(LinuxProcess p, in SyscallArgs a) =>
        p.Files.Get((int)a.A0) is { } f ? ReadInto(p, f, a.A1, a.A2, -1) : -Errno.EBADF;

    public static long Write(LinuxProcess p, in SyscallArgs a) =>
        p.Files.Get((int)a.A0) is { } f ? WriteFrom(p, f, a.A1, a.A2, -1) : -Errno.EBADF;

    public static long Pread64(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if (!f.IsSeekable && !f.IsDirectory) return -Errno.ESPIPE;
        if ((long)a.A3 < 0) return -Errno.EINVAL;
        return ReadInto(p, f, a.A1, a.A2, (long)a.A3);
    }

    public static long Pwrite64(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if (!f.IsSeekable) return -Errno.ESPIPE;
        if ((long)a.A3 < 0) return -Errno.EINVAL;
        return WriteFrom(p, f, a.A1, a.A2, (long)a.A3);
    }

    public static long Readv(LinuxProcess p, in SyscallArgs a) => Vectored(p, (int)a.A0, a.A1, a.A2, -1, write: false);
    public static long Writev(LinuxProcess p, in SyscallArgs a) => Vectored(p, (int)a.A0, a.A1, a.A2, -1, write: true);

    public static long Preadv(LinuxProcess p, in SyscallArgs a) => PositionalVectored(p, a, write: false);
    public static long Pwritev(LinuxProcess p, in SyscallArgs a) => PositionalVectored(p, a, write: true);

    private static long PositionalVectored(LinuxProcess p, in SyscallArgs a, bool write)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if (!f.IsSeekable) return -Errno.ESPIPE;
        if ((long)a.A3 < 0) return -Errno.EINVAL;
        return Vectored(p, (int)a.A0, a.A1, a.A2, (long)a.A3, write);
    }

    /// <summary>readv/writev: one transfer per iovec, stopping at the first short one, as a regular file behaves.</summary>
    private static long Vectored(LinuxProcess p, int fd, ulong iov, ulong count, long offset, bool write)
    {
        var f = p.Files.Get(fd);
        if (f == null) return -Errno.EBADF;
        if (count > IovMax) return -Errno.EINVAL;
        long total = 0;
        for (ulong i = 0; i < count; i++)
        {
            if (!p.Memory.TryReadU64(iov + 16 * i, out ulong b) || !p.Memory.TryReadU64(iov + 16 * i + 8, out ulong len))
                return total > 0 ? total : -Errno.EFAULT;
            if ((long)len < 0) return -Errno.EINVAL;
            if (len == 0) continue;
            long n = write ? WriteFrom(p, f, b, len, offset) : ReadInto(p, f, b, len, offset);
            if (n < 0) return total > 0 ? total : n;
            total += n;
            if (offset >= 0) offset += n;
            if ((ulong)n < len) break;
        }
        return total;
    }

    public static long Lseek(LinuxProcess p, in SyscallArgs a)
    {
        const int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if (!f.IsSeekable && !f.IsDirectory) return f is DeviceFile ? 0 : -Errno.ESPIPE;
        long off = (long)a.A1;
        long size = 0;
        int whence = (int)a.A2;
        if (whence is SEEK_END or SEEK_DATA or SEEK_HOLE && !f.IsDirectory)
        {
            long r = f.GetStatus(p, out var st);
            if (r < 0) return r;
            size = st.Size;
        }
        long pos = whence switch
        {
            SEEK_SET => off,
            SEEK_CUR => f.Offset + off,
            SEEK_END => size + off,
            SEEK_DATA => off < size ? off : -Errno.ENXIO - (1L << 62),
            SEEK_HOLE => off < size ? size : -Errno.ENXIO - (1L << 62),
            _ => long.MinValue,
        };
        if (pos == long.MinValue) return -Errno.EINVAL;
        if (pos < -(1L << 61)) return -Errno.ENXIO;
        if (pos < 0) return -Errno.EINVAL;
        if (f is HostFile { IsDirectory: true } d && pos == 0) d.Listing = null;
        f.Offset = pos;
        return pos;
    }

    public static long Close(LinuxProcess p, in SyscallArgs a) => p.Files.Close((int)a.A0, p);

    public static long Dup(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        return f == null ? -Errno.EBADF : p.Files.Add(f);
    }

    public static long Dup2(LinuxProcess p, in SyscallArgs a)
    {
        int oldFd = (int)a.A0, newFd = (int)a.A1;
        var f = p.Files.Get(oldFd);
        if (f == null) return -Errno.EBADF;
        if (oldFd == newFd) return newFd;
        return DupTo(p, f, newFd, false);
    }

    public static long Dup3(LinuxProcess p, in SyscallArgs a)
    {
        int oldFd = (int)a.A0, newFd = (int)a.A1, flags = (int)a.A2;
        if ((flags & ~LinuxConstants.O_CLOEXEC) != 0) return -Errno.EINVAL;
        var f = p.Files.Get(oldFd);
        if (f == null) return -Errno.EBADF;
        if (oldFd == newFd) return -Errno.EINVAL;
        return DupTo(p, f, newFd, flags != 0);
    }

    private static long DupTo(LinuxProcess p, OpenFile f, int newFd, bool closeOnExec)
    {
        if (newFd < 0 || newFd >= p.Limits.OpenFiles) return -Errno.EBADF;
        // Hold a reference so closing the target cannot release a description that is also the source.
        f.References++;
        if (p.Files.Get(newFd) != null) p.Files.Close(newFd, p);
        p.Files.Install(newFd, f, closeOnExec);
        f.References--;
        return newFd;
    }

    public static long Fcntl(LinuxProcess p, in SyscallArgs a)
    {
        const int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7,
            F_SETOWN = 8, F_GETOWN = 9, F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38, F_DUPFD_CLOEXEC = 1030,
            F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032, F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
        const int FD_CLOEXEC = 1, F_UNLCK = 2;
        const int Changeable = LinuxConstants.O_APPEND | LinuxConstants.O_NONBLOCK | 0x2000 /* O_ASYNC */ | LinuxConstants.O_DIRECT | LinuxConstants.O_NOATIME;
        int fd = (int)a.A0;
        var f = p.Files.Get(fd);
        if (f == null) return -Errno.EBADF;
        switch ((int)a.A1)
        {
            case F_DUPFD:
            case F_DUPFD_CLOEXEC:
                if ((long)a.A2 < 0 || (long)a.A2 >= p.Limits.OpenFiles) return -Errno.EINVAL;
                return p.Files.Add(f, (int)a.A2, (int)a.A1 == F_DUPFD_CLOEXEC);
            case F_GETFD:
                return p.Files.GetCloseOnExec(fd) ? FD_CLOEXEC : 0;
            case F_SETFD:
                p.Files.SetCloseOnExec(fd, (a.A2 & FD_CLOEXEC) != 0);
                return 0;
            case F_GETFL:
                return f.Flags;
            case F_SETFL:
                f.Flags = (f.Flags & ~Changeable) | ((int)a.A2 & Changeable);
                return 0;
            case F_GETLK:
            case F_OFD_GETLK:
            {
                // Nobody else can hold a lock on a file only this process sees as locked: report it unlocked.
                Span<byte> type = stackalloc byte[2] { F_UNLCK, 0 };
                return p.Memory.TryWrite(a.A2, type) ? 0 : -Errno.EFAULT;
            }
            case F_SETLK:
            case F_SETLKW:
            case F_OFD_SETLK:
            case F_OFD_SETLKW:
                return p.Memory.IsReadable(a.A2, 32) ? 0 : -Errno.EFAULT;
            case F_GETOWN:
                return 0;
            case F_SETOWN:
                return 0;
            case F_GETPIPE_SZ:
                return f is PipeEnd ? PipeBuffer.Capacity : -Errno.EBADF;
            case F_SETPIPE_SZ:
                return f is PipeEnd ? PipeBuffer.Capacity : -Errno.EBADF;
            case F_GET_SEALS:
            case F_ADD_SEALS:
                return -Errno.EINVAL;
            default:
                return -Errno.EINVAL;
        }
    }

    public static long Pipe(LinuxProcess p, in SyscallArgs a) => MakePipe(p, a.A0, 0);

    public static long Pipe2(LinuxProcess p, in SyscallArgs a) => MakePipe(p, a.A0, (int)a.A1);

    private static long MakePipe(LinuxProcess p, ulong fds, int flags)
    {
        if ((flags & ~(LinuxConstants.O_CLOEXEC | LinuxConstants.O_NONBLOCK | LinuxConstants.O_DIRECT)) != 0) return -Errno.EINVAL;
        if (!p.Memory.IsWritable(fds, 8)) return -Errno.EFAULT;
        var (r, w) = PipeEnd.CreatePair(p.NextPipeInode++);
        r.Flags |= flags & LinuxConstants.O_NONBLOCK;
        w.Flags |= flags & LinuxConstants.O_NONBLOCK;
        bool cloexec = (flags & LinuxConstants.O_CLOEXEC) != 0;
        int rfd = p.Files.Add(r, 0, cloexec);
        if (rfd < 0)
        {
            r.Release(p);
            w.Release(p);
            return rfd;
        }
        int wfd = p.Files.Add(w, 0, cloexec);
        if (wfd < 0)
        {
            p.Files.Close(rfd, p);
            w.Release(p);
            return wfd;
        }
        WriteU32(p, fds, (uint)rfd);
        WriteU32(p, fds + 4, (uint)wfd);
        return 0;
    }

    public static long Ftruncate(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if ((long)a.A1 < 0) return -Errno.EINVAL;
        if (f is not HostFile h || !f.IsSeekable || !f.CanWrite) return -Errno.EINVAL;
        return p.Host.SetLength(h.Handle, (long)a.A1);
    }

    public static long Fsync(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if (f is PipeEnd) return -Errno.EINVAL;
        return f is HostFile { IsDirectory: false } h ? p.Host.Flush(h.Handle) : 0;
    }

    /// <summary>sendfile: a read into a bounce buffer and a write, in chunks, as the kernel's splice fallback does.</summary>
    public static long Sendfile(LinuxProcess p, in SyscallArgs a)
    {
        var outFile = p.Files.Get((int)a.A0);
        var inFile = p.Files.Get((int)a.A1);
        if (outFile == null || inFile == null || !inFile.CanRead || !outFile.CanWrite) return -Errno.EBADF;
        if (inFile.IsDirectory) return -Errno.EINVAL;
        long offset = -1;
        if (a.A2 != 0)
        {
            if (!inFile.IsSeekable) return -Errno.ESPIPE;
            if (!p.Memory.TryReadU64(a.A2, out ulong o)) return -Errno.EFAULT;
            if ((long)o < 0) return -Errno.EINVAL;
            offset = (long)o;
        }
        if ((outFile.Flags & LinuxConstants.O_APPEND) != 0) return -Errno.EINVAL;
        long remaining = (long)Math.Min(a.A3, MaxTransfer), total = 0;
        byte[] buf = ArrayPool<byte>.Shared.Rent(65536);
        try
        {
            while (remaining > 0)
            {
                int chunk = (int)Math.Min(remaining, buf.Length);
                long n = inFile.Read(p, buf.AsSpan(0, chunk), offset < 0 ? inFile.Offset : offset);
                if (n < 0)
                {
                    if (total > 0) break;
                    return n;
                }
                if (n == 0) break;
                long w = outFile.Write(p, buf.AsSpan(0, (int)n), outFile.Offset);
                if (w < 0)
                {
                    if (total > 0) break;
                    return w;
                }
                if (outFile.IsSeekable) outFile.Offset += w;
                if (offset >= 0) offset += w;
                else if (inFile.IsSeekable) inFile.Offset += w;
                total += w;
                remaining -= w;
                if (w < n || n < chunk) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
        if (a.A2 != 0) p.Memory.TryWriteU64(a.A2, (ulong)offset);
        return total;
    }
}
