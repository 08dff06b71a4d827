using System.Buffers.Binary;

namespace FtEmu.Linux;

/// <summary>Clocks, sleeping and randomness, all answered by the boundary.</summary>
public static partial class Sys
{
    /// <summary>CLOCK_REALTIME..CLOCK_TAI except the alarm clocks and the removed SGI cycle counter.</summary>
    private static bool ValidClock(long id) => id is >= 0 and <= 11 && id is not (8 or 9 or 10);

    public static long ClockGettime(LinuxProcess p, in SyscallArgs a)
    {
        long id = (int)a.A0;
        if (!ValidClock(id)) return -Errno.EINVAL;
        return WriteTimespec(p, a.A1, p.Host.GetTime((int)id)) ? 0 : -Errno.EFAULT;
    }

    public static long ClockGetres(LinuxProcess p, in SyscallArgs a)
    {
        long id = (int)a.A0;
        if (!ValidClock(id)) return -Errno.EINVAL;
        if (a.A1 == 0) return 0;
        return WriteTimespec(p, a.A1, p.Host.GetClockResolution((int)id)) ? 0 : -Errno.EFAULT;
    }

    public static long Gettimeofday(LinuxProcess p, in SyscallArgs a)
    {
        if (a.A0 != 0)
        {
            var t = p.Host.GetTime(0);
            if (!p.Memory.TryWriteU64(a.A0, (ulong)t.Seconds) || !p.Memory.TryWriteU64(a.A0 + 8, (ulong)(t.Nanoseconds / 1000))) return -Errno.EFAULT;
        }
        // struct timezone: UTC, no DST.
        if (a.A1 != 0 && !p.Memory.TryWriteU64(a.A1, 0)) return -Errno.EFAULT;
        return 0;
    }

    public static long Time(LinuxProcess p, in SyscallArgs a)
    {
        long s = p.Host.GetTime(0).Seconds;
        if (a.A0 != 0 && !p.Memory.TryWriteU64(a.A0, (ulong)s)) return -Errno.EFAULT;
        return s;
    }

    public static long Nanosleep(LinuxProcess p, in SyscallArgs a)
    {
        long r = ReadTimespec(p, a.A0, out var t);
        if (r < 0) return r;
        if (t.Seconds < 0) return -Errno.EINVAL;
        return p.Host.Sleep(t);
    }

    public static long ClockNanosleep(LinuxProcess p, in SyscallArgs a)
    {
        const int TIMER_ABSTIME = 1;
        long id = (int)a.A0;
        if (!ValidClock(id) || id == 3) return -Errno.EINVAL; // not on a thread's CPU clock
        long r = ReadTimespec(p, a.A2, out var t);
        if (r < 0) return r;
        if (t.Seconds < 0) return -Errno.EINVAL;
        if (((int)a.A1 & TIMER_ABSTIME) != 0)
        {
            var now = p.Host.GetTime((int)id);
            long ns = (t.Seconds - now.Seconds) * 1_000_000_000 + (t.Nanoseconds - now.Nanoseconds);
            if (ns <= 0) return 0;
            t = new Timespec(ns / 1_000_000_000, ns % 1_000_000_000);
        }
        return p.Host.Sleep(t);
    }

    public static long Getrandom(LinuxProcess p, in SyscallArgs a)
    {
        const int GRND_NONBLOCK = 1, GRND_RANDOM = 2, GRND_INSECURE = 4;
        int flags = (int)a.A2;
        if ((flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) != 0 || (flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE))
            return -Errno.EINVAL;
        int count = (int)Math.Min(a.A1, 1 << 25);
        if (count == 0) return 0;
        if (!p.Memory.IsWritable(a.A0, (ulong)count)) return -Errno.EFAULT;
        var buf = new byte[count];
        p.Host.GetRandomBytes(buf);
        p.Memory.TryWrite(a.A0, buf);
        return count;
    }

    /// <summary>alarm(2) would need an asynchronous signal; with none pending it reports no earlier alarm.</summary>
    public static long Alarm(LinuxProcess p, in SyscallArgs a) => 0;

    internal static long ReadTimeval(LinuxProcess p, ulong address, out Timespec t)
    {
        t = default;
        Span<byte> b = stackalloc byte[16];
        if (!p.Memory.TryRead(address, b)) return -Errno.EFAULT;
        long s = BinaryPrimitives.ReadInt64LittleEndian(b), us = BinaryPrimitives.ReadInt64LittleEndian(b[8..]);
        if (s < 0 || us is < 0 or >= 1_000_000) return -Errno.EINVAL;
        t = new Timespec(s, us * 1000);
        return 0;
    }
}
