using System.Buffers.Binary;
using System.Text;

namespace FtEmu.Linux;

/// <summary>Process identity and limits: ids, uname, rlimits, sysinfo, affinity, rusage, prctl, process groups.</summary>
public static partial class Sys
{
    public static long Getpid(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().Pid;
    public static long Getppid(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().ParentPid;
    public static long Gettid(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().Pid;
    public static long Getuid(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().Uid;
    public static long Geteuid(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().EffectiveUid;
    public static long Getgid(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().Gid;
    public static long Getegid(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().EffectiveGid;

    /// <summary>The supplementary groups: just the effective group.</summary>
    public static long Getgroups(LinuxProcess p, in SyscallArgs a)
    {
        int size = (int)a.A0;
        if (size < 0) return -Errno.EINVAL;
        if (size == 0) return 1;
        return WriteU32(p, a.A1, p.Host.GetIdentity().EffectiveGid) ? 1 : -Errno.EFAULT;
    }

    public static long Getresuid(LinuxProcess p, in SyscallArgs a)
    {
        var id = p.Host.GetIdentity();
        return WriteU32(p, a.A0, id.Uid) && WriteU32(p, a.A1, id.EffectiveUid) && WriteU32(p, a.A2, id.EffectiveUid) ? 0 : -Errno.EFAULT;
    }

    public static long Getresgid(LinuxProcess p, in SyscallArgs a)
    {
        var id = p.Host.GetIdentity();
        return WriteU32(p, a.A0, id.Gid) && WriteU32(p, a.A1, id.EffectiveGid) && WriteU32(p, a.A2, id.EffectiveGid) ? 0 : -Errno.EFAULT;
    }

    /// <summary>set*id: only "changes" to the ids already held succeed; FtEmu never changes the host's credentials.</summary>
    public static long SetUserIds(LinuxProcess p, in SyscallArgs a) => SameIds(p.Host.GetIdentity().Uid, p.Host.GetIdentity().EffectiveUid, a);

    public static long SetGroupIds(LinuxProcess p, in SyscallArgs a) => SameIds(p.Host.GetIdentity().Gid, p.Host.GetIdentity().EffectiveGid, a);

    private static long SameIds(uint real, uint effective, in SyscallArgs a)
    {
        for (int i = 0; i < 3; i++)
        {
            uint v = (uint)a[i];
            if (v != uint.MaxValue && v != real && v != effective) return -Errno.EPERM;
        }
        return 0;
    }

    public static long Setgroups(LinuxProcess p, in SyscallArgs a) => -Errno.EPERM;

    public static long Uname(LinuxProcess p, in SyscallArgs a)
    {
        const int Field = 65;
        var buf = new byte[Field * 6];
        string[] fields = { "Linux", p.Host.GetHostName(), "6.1.0-ftemu", "#1 SMP PREEMPT_DYNAMIC FtEmu", "x86_64", "(none)" };
        for (int i = 0; i < fields.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(fields[i]);
            bytes.AsSpan(0, Math.Min(bytes.Length, Field - 1)).CopyTo(buf.AsSpan(i * Field));
        }
        return p.Memory.TryWrite(a.A0, buf) ? 0 : -Errno.EFAULT;
    }

    public static long Getrlimit(LinuxProcess p, in SyscallArgs a) => Prlimit(p, 0, (int)a.A0, 0, a.A1);
    public static long Setrlimit(LinuxProcess p, in SyscallArgs a) => Prlimit(p, 0, (int)a.A0, a.A1, 0);
    public static long Prlimit64(LinuxProcess p, in SyscallArgs a) => Prlimit(p, (int)a.A0, (int)a.A1, a.A2, a.A3);

    private static long Prlimit(LinuxProcess p, int pid, int resource, ulong newLimit, ulong oldLimit)
    {
        if (pid != 0 && pid != p.Host.GetIdentity().Pid) return -Errno.ESRCH;
        if ((uint)resource >= ResourceLimits.Count) return -Errno.EINVAL;
        var old = p.Limits.Get(resource);
        if (newLimit != 0)
        {
            if (!p.Memory.TryReadU64(newLimit, out ulong soft) || !p.Memory.TryReadU64(newLimit + 8, out ulong hard)) return -Errno.EFAULT;
            long r = p.Limits.Set(resource, soft, hard);
            if (r < 0) return r;
        }
        if (oldLimit != 0 && !(p.Memory.TryWriteU64(oldLimit, old.Soft) && p.Memory.TryWriteU64(oldLimit + 8, old.Hard))) return -Errno.EFAULT;
        return 0;
    }

    public static long Sysinfo(LinuxProcess p, in SyscallArgs a)
    {
        var info = p.Host.GetSystemInfo();
        var b = new byte[112];
        BinaryPrimitives.WriteInt64LittleEndian(b, info.UptimeSeconds);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(32), info.TotalRam);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(40), info.FreeRam);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(80), info.Processes);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(104), 1); // mem_unit
        return p.Memory.TryWrite(a.A0, b) ? 0 : -Errno.EFAULT;
    }

    /// <summary>The guest runs on one CPU: the affinity mask has only CPU 0.</summary>
    public static long SchedGetaffinity(LinuxProcess p, in SyscallArgs a)
    {
        if (a.A1 < 8 || (a.A1 & 7) != 0) return -Errno.EINVAL;
        var mask = new byte[8];
        mask[0] = 1;
        return p.Memory.TryWrite(a.A2, mask) ? 8 : -Errno.EFAULT;
    }

    public static long SchedSetaffinity(LinuxProcess p, in SyscallArgs a) => 0;
    public static long SchedYield(LinuxProcess p, in SyscallArgs a) => 0;

    public static long Getrusage(LinuxProcess p, in SyscallArgs a)
    {
        const int RUSAGE_SELF = 0, RUSAGE_CHILDREN = -1, RUSAGE_THREAD = 1;
        int who = (int)a.A0;
        if (who is not (RUSAGE_SELF or RUSAGE_CHILDREN or RUSAGE_THREAD)) return -Errno.EINVAL;
        var b = new byte[144];
        if (who != RUSAGE_CHILDREN)
        {
            var cpu = p.Host.GetTime(2); // CLOCK_PROCESS_CPUTIME_ID
            BinaryPrimitives.WriteInt64LittleEndian(b, cpu.Seconds);
            BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(8), cpu.Nanoseconds / 1000);
            BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(32), p.Memory.ResidentPages * 4); // ru_maxrss in KiB
        }
        return p.Memory.TryWrite(a.A1, b) ? 0 : -Errno.EFAULT;
    }

    /// <summary>times(2): CPU time in clock ticks (USER_HZ 100); the result is a monotonic tick count.</summary>
    public static long Times(LinuxProcess p, in SyscallArgs a)
    {
        if (a.A0 != 0)
        {
            var cpu = p.Host.GetTime(2);
            var b = new byte[32];
            BinaryPrimitives.WriteInt64LittleEndian(b, cpu.Seconds * 100 + cpu.Nanoseconds / 10_000_000);
            if (!p.Memory.TryWrite(a.A0, b)) return -Errno.EFAULT;
        }
        var now = p.Host.GetTime(1);
        return now.Seconds * 100 + now.Nanoseconds / 10_000_000;
    }

    public static long Getpgrp(LinuxProcess p, in SyscallArgs a) => p.Host.GetIdentity().Pid;

    public static long Getpgid(LinuxProcess p, in SyscallArgs a) => IsSelf(p, (int)a.A0) ? p.Host.GetIdentity().Pid : -Errno.ESRCH;

    public static long Getsid(LinuxProcess p, in SyscallArgs a) => IsSelf(p, (int)a.A0) ? p.Host.GetIdentity().Pid : -Errno.ESRCH;

    public static long Setpgid(LinuxProcess p, in SyscallArgs a) => IsSelf(p, (int)a.A0) ? 0 : -Errno.ESRCH;

    /// <summary>The process already leads its group, so setsid fails as it would for a group leader.</summary>
    public static long Setsid(LinuxProcess p, in SyscallArgs a) => -Errno.EPERM;

    private static bool IsSelf(LinuxProcess p, int pid) => pid == 0 || pid == p.Host.GetIdentity().Pid;

    public static long Prctl(LinuxProcess p, in SyscallArgs a)
    {
        const int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4, PR_SET_NAME = 15,
            PR_GET_NAME = 16, PR_SET_NO_NEW_PRIVS = 38, PR_GET_NO_NEW_PRIVS = 39, PR_SET_VMA = 0x53564d41;
        switch ((int)a.A0)
        {
            case PR_SET_PDEATHSIG:
                return (ulong)a.A1 <= SignalState.MaxSignal ? 0 : -Errno.EINVAL;
            case PR_GET_PDEATHSIG:
                return WriteU32(p, a.A1, 0) ? 0 : -Errno.EFAULT;
            case PR_GET_DUMPABLE:
                return 1;
            case PR_SET_DUMPABLE:
                return a.A1 <= 1 ? 0 : -Errno.EINVAL;
            case PR_SET_NAME:
            {
                var bytes = new byte[16];
                int n = 0;
                while (n < 15 && p.Memory.TryRead(a.A1 + (ulong)n, bytes.AsSpan(n, 1)) && bytes[n] != 0) n++;
                if (n == 0 && !p.Memory.IsReadable(a.A1, 1)) return -Errno.EFAULT;
                p.Name = Encoding.UTF8.GetString(bytes, 0, n);
                return 0;
            }
            case PR_GET_NAME:
            {
                var bytes = new byte[16];
                Encoding.UTF8.GetBytes(p.Name).AsSpan(0, Math.Min(15, Encoding.UTF8.GetByteCount(p.Name))).CopyTo(bytes);
                return p.Memory.TryWrite(a.A1, bytes) ? 0 : -Errno.EFAULT;
            }
            case PR_SET_NO_NEW_PRIVS:
                return 0;
            case PR_GET_NO_NEW_PRIVS:
                return 0;
            case PR_SET_VMA:
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }
}
