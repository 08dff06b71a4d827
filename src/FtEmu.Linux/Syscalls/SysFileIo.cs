using System.Buffers;

namespace FtEmu.Linux;

/// <summary>read, write and the other calls that move bytes through descriptors.</summary>
public static partial class Sys
{
    /// <summary>Largest single transfer, as Linux caps read/write at 0x7ffff000 bytes.</summary>
    private const int MaxTransfer = 0x7ffff000;

    public static long Read(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null || !f.CanRead) return -Errno.EBADF;
        int count = (int)Math.Min(a.A2, MaxTransfer);
        if (count == 0) return 0;
        if (!p.Memory.IsWritable(a.A1, (ulong)count)) return -Errno.EFAULT;
        byte[] buf = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            long n = f.Read(p, buf.AsSpan(0, count), f.Offset);
            if (n > 0)
            {
                p.Memory.TryWrite(a.A1, buf.AsSpan(0, (int)n));
                if (f.IsSeekable) f.Offset += n;
            }
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    public static long Write(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null || !f.CanWrite) return -Errno.EBADF;
        int count = (int)Math.Min(a.A2, MaxTransfer);
        if (count == 0) return 0;
        byte[] buf = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            if (!p.Memory.TryRead(a.A1, buf.AsSpan(0, count))) return -Errno.EFAULT;
            long n = f.Write(p, buf.AsSpan(0, count), f.Offset);
            if (n > 0 && f.IsSeekable) f.Offset += n;
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }
}
