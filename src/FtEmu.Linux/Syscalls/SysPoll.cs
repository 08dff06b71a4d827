using System.Buffers.Binary;

namespace FtEmu.Linux;

/// <summary>
/// poll, ppoll, select, pselect6. Readiness is decided at once from the open files; in a
/// single-threaded process nothing but the host can make a descriptor ready later, so a wait with
/// nothing ready sleeps out a finite timeout and returns 0, and an infinite wait also returns 0
/// rather than hanging forever.
/// </summary>
public static partial class Sys
{
    private const int AlwaysReported = LinuxConstants.POLLERR | LinuxConstants.POLLHUP | LinuxConstants.POLLNVAL;

    public static long Poll(LinuxProcess p, in SyscallArgs a)
    {
        int timeout = (int)a.A2;
        return DoPoll(p, a.A0, a.A1, timeout < 0 ? null : new Timespec(timeout / 1000, timeout % 1000 * 1_000_000L));
    }

    public static long Ppoll(LinuxProcess p, in SyscallArgs a)
    {
        if (a.A3 != 0 && a.A4 != SigsetSize) return -Errno.EINVAL;
        Timespec? timeout = null;
        if (a.A2 != 0)
        {
            long r = ReadTimespec(p, a.A2, out var t);
            if (r < 0) return r;
            if (t.Seconds < 0) return -Errno.EINVAL;
            timeout = t;
        }
        return DoPoll(p, a.A0, a.A1, timeout);
    }

    private static long DoPoll(LinuxProcess p, ulong fds, ulong count, Timespec? timeout)
    {
        if (count > (ulong)p.Limits.OpenFiles) return -Errno.EINVAL;
        int n = (int)count;
        var buf = new byte[n * 8];
        if (n > 0 && !p.Memory.TryRead(fds, buf)) return -Errno.EFAULT;
        int ready = 0;
        for (int i = 0; i < n; i++)
        {
            int fd = BinaryPrimitives.ReadInt32LittleEndian(buf.AsSpan(i * 8));
            int events = BinaryPrimitives.ReadInt16LittleEndian(buf.AsSpan(i * 8 + 4)) & 0xffff;
            int revents = 0;
            if (fd >= 0)
            {
                var f = p.Files.Get(fd);
                revents = f == null ? LinuxConstants.POLLNVAL : (int)f.Poll(p, events, 0) & (events | AlwaysReported);
            }
            BinaryPrimitives.WriteInt16LittleEndian(buf.AsSpan(i * 8 + 6), (short)revents);
            if (revents != 0) ready++;
        }
        if (ready == 0 && timeout is { } t && (t.Seconds > 0 || t.Nanoseconds > 0)) p.Host.Sleep(t);
        if (n > 0 && !p.Memory.TryWrite(fds, buf)) return -Errno.EFAULT;
        return ready;
    }

    public static long Select(LinuxProcess p, in SyscallArgs a)
    {
        Timespec? timeout = null;
        if (a.A4 != 0)
        {
            long r = ReadTimeval(p, a.A4, out var t);
            if (r < 0) return r;
            timeout = t;
        }
        return DoSelect(p, (int)a.A0, a.A1, a.A2, a.A3, timeout);
    }

    public static long Pselect6(LinuxProcess p, in SyscallArgs a)
    {
        Timespec? timeout = null;
        if (a.A4 != 0)
        {
            long r = ReadTimespec(p, a.A4, out var t);
            if (r < 0) return r;
            if (t.Seconds < 0) return -Errno.EINVAL;
            timeout = t;
        }
        return DoSelect(p, (int)a.A0, a.A1, a.A2, a.A3, timeout);
    }

    private static long DoSelect(LinuxProcess p, int nfds, ulong readSet, ulong writeSet, ulong exceptSet, Timespec? timeout)
    {
        if (nfds < 0 || nfds > FileDescriptorTable.MaxDescriptors) return -Errno.EINVAL;
        int words = (nfds + 63) / 64;
        var sets = new ulong[3, Math.Max(words, 1)];
        ulong[] addrs = { readSet, writeSet, exceptSet };
        for (int s = 0; s < 3; s++)
        {
            if (addrs[s] == 0) continue;
            for (int w = 0; w < words; w++)
                if (!p.Memory.TryReadU64(addrs[s] + 8 * (ulong)w, out sets[s, w])) return -Errno.EFAULT;
        }
        var result = new ulong[3, Math.Max(words, 1)];
        int ready = 0;
        for (int fd = 0; fd < nfds; fd++)
        {
            int w = fd / 64;
            ulong bit = 1UL << (fd % 64);
            bool wantRead = (sets[0, w] & bit) != 0, wantWrite = (sets[1, w] & bit) != 0, wantExcept = (sets[2, w] & bit) != 0;
            if (!wantRead && !wantWrite && !wantExcept) continue;
            var f = p.Files.Get(fd);
            if (f == null) return -Errno.EBADF;
            long ev = f.Poll(p, LinuxConstants.POLLIN | LinuxConstants.POLLOUT | LinuxConstants.POLLPRI, 0);
            if (wantRead && (ev & (LinuxConstants.POLLIN | LinuxConstants.POLLHUP | LinuxConstants.POLLERR)) != 0)
            {
                result[0, w] |= bit;
                ready++;
            }
            if (wantWrite && (ev & (LinuxConstants.POLLOUT | LinuxConstants.POLLERR)) != 0)
            {
                result[1, w] |= bit;
                ready++;
            }
            if (wantExcept && (ev & LinuxConstants.POLLPRI) != 0)
            {
                result[2, w] |= bit;
                ready++;
            }
        }
        if (ready == 0 && timeout is { } t && (t.Seconds > 0 || t.Nanoseconds > 0)) p.Host.Sleep(t);
        for (int s = 0; s < 3; s++)
        {
            if (addrs[s] == 0) continue;
            for (int w = 0; w < words; w++)
                if (!p.Memory.TryWriteU64(addrs[s] + 8 * (ulong)w, result[s, w])) return -Errno.EFAULT;
        }
        return ready;
    }
}
