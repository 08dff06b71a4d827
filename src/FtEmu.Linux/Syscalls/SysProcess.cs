using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>Process lifetime and per-thread setup: exit, exit_group, arch_prctl, set_tid_address, set_robust_list, rseq.</summary>
public static partial class Sys
{
    public static long Exit(LinuxProcess p, in SyscallArgs a)
    {
        // A single-threaded process ends with its only thread.
        p.Exit((int)a.A0);
        return 0;
    }

    public static long ExitGroup(LinuxProcess p, in SyscallArgs a)
    {
        p.Exit((int)a.A0);
        return 0;
    }

    public static long ArchPrctl(LinuxProcess p, in SyscallArgs a)
    {
        const int ARCH_SET_GS = 0x1001, ARCH_SET_FS = 0x1002, ARCH_GET_FS = 0x1003, ARCH_GET_GS = 0x1004;
        unsafe
        {
            switch ((int)a.A0)
            {
                case ARCH_SET_FS:
                    if (a.A1 >= GuestMemory.AddressLimit) return -Errno.EPERM;
                    p.Cpu.State->FsBase = a.A1;
                    return 0;
                case ARCH_SET_GS:
                    if (a.A1 >= GuestMemory.AddressLimit) return -Errno.EPERM;
                    p.Cpu.State->GsBase = a.A1;
                    return 0;
                case ARCH_GET_FS:
                    return p.Memory.TryWriteU64(a.A1, p.Cpu.State->FsBase) ? 0 : -Errno.EFAULT;
                case ARCH_GET_GS:
                    return p.Memory.TryWriteU64(a.A1, p.Cpu.State->GsBase) ? 0 : -Errno.EFAULT;
                default:
                    return -Errno.EINVAL;
            }
        }
    }

    public static long SetTidAddress(LinuxProcess p, in SyscallArgs a)
    {
        p.ClearChildTid = a.A0;
        return p.Host.GetIdentity().Pid;
    }

    public static long SetRobustList(LinuxProcess p, in SyscallArgs a)
    {
        if (a.A1 != 24) return -Errno.EINVAL;
        p.RobustList = a.A0;
        return 0;
    }

    /// <summary>Restartable sequences matter only with preemption between CPUs; a uniprocessor guest declines them, as an old kernel would.</summary>
    public static long Rseq(LinuxProcess p, in SyscallArgs a) => -Errno.ENOSYS;

    public static long RtSigreturn(LinuxProcess p, in SyscallArgs a) => p.Signals.Return(p);
}
