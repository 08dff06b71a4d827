namespace FtEmu.Linux;

/// <summary>Signal dispositions, masks, the alternate stack, and signals sent to the process itself.</summary>
public static partial class Sys
{
    private const ulong SigsetSize = 8;
    private const ulong Unblockable = (1UL << 8) | (1UL << 18); // SIGKILL, SIGSTOP

    public static long RtSigaction(LinuxProcess p, in SyscallArgs a)
    {
        int sig = (int)a.A0;
        if (a.A3 != SigsetSize) return -Errno.EINVAL;
        if (sig < 1 || sig > SignalState.MaxSignal) return -Errno.EINVAL;
        if (a.A1 != 0 && sig is 9 or 19) return -Errno.EINVAL;
        SignalAction? next = null;
        if (a.A1 != 0)
        {
            if (!p.Memory.TryReadU64(a.A1, out ulong handler) || !p.Memory.TryReadU64(a.A1 + 8, out ulong flags) ||
                !p.Memory.TryReadU64(a.A1 + 16, out ulong restorer) || !p.Memory.TryReadU64(a.A1 + 24, out ulong mask))
                return -Errno.EFAULT;
            next = new SignalAction(handler, flags & 0xffffffff, restorer, mask & ~Unblockable);
        }
        var old = p.Signals.GetAction(sig);
        if (a.A2 != 0 && !(p.Memory.TryWriteU64(a.A2, old.Handler) && p.Memory.TryWriteU64(a.A2 + 8, old.Flags) &&
                           p.Memory.TryWriteU64(a.A2 + 16, old.Restorer) && p.Memory.TryWriteU64(a.A2 + 24, old.Mask)))
            return -Errno.EFAULT;
        if (next is { } n)
        {
            p.Signals.SetAction(sig, n);
            // Setting SIG_IGN discards a pending instance, as POSIX requires.
            if (n.Handler == SignalState.SIG_IGN || (n.Handler == SignalState.SIG_DFL && SignalState.DefaultIgnores(sig)))
                p.Signals.Pending &= ~SignalState.Bit(sig);
        }
        return 0;
    }

    public static long RtSigprocmask(LinuxProcess p, in SyscallArgs a)
    {
        const int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
        if (a.A3 != SigsetSize) return -Errno.EINVAL;
        ulong old = p.Signals.Blocked;
        ulong set = 0;
        if (a.A1 != 0)
        {
            if ((int)a.A0 is not (SIG_BLOCK or SIG_UNBLOCK or SIG_SETMASK)) return -Errno.EINVAL;
            if (!p.Memory.TryReadU64(a.A1, out set)) return -Errno.EFAULT;
        }
        if (a.A2 != 0 && !p.Memory.TryWriteU64(a.A2, old)) return -Errno.EFAULT;
        if (a.A1 != 0)
        {
            ulong next = (int)a.A0 switch
            {
                SIG_BLOCK => old | set,
                SIG_UNBLOCK => old & ~set,
                _ => set,
            };
            p.Signals.Blocked = next & ~Unblockable;
        }
        return 0;
    }

    public static long RtSigpending(LinuxProcess p, in SyscallArgs a)
    {
        if (a.A1 > SigsetSize) return -Errno.EINVAL;
        return p.Memory.TryWriteU64(a.A0, p.Signals.Pending & p.Signals.Blocked) ? 0 : -Errno.EFAULT;
    }

    public static long Sigaltstack(LinuxProcess p, in SyscallArgs a)
    {
        const int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = unchecked((int)0x80000000), MinSigStackSize = 2048;
        var s = p.Signals;
        ulong ss = a.A0;
        ulong sp = p.Cpu.Gpr(FtEmu.Cpu.Reg.Rsp);
        bool onStack = s.AltStackFlags != SS_DISABLE && sp > s.AltStack && sp <= s.AltStack + s.AltStackSize;
        if (a.A1 != 0)
        {
            var old = new byte[24];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(old, s.AltStack);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(8), onStack ? SS_ONSTACK : s.AltStackFlags);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(old.AsSpan(16), s.AltStackSize);
            if (!p.Memory.IsWritable(a.A1, 24)) return -Errno.EFAULT;
            if (a.A0 == 0) p.Memory.TryWrite(a.A1, old);
            else
            {
                long r = SetAltStack();
                if (r < 0) return r;
                p.Memory.TryWrite(a.A1, old);
                return 0;
            }
            return 0;
        }
        return a.A0 == 0 ? 0 : SetAltStack();

        long SetAltStack()
        {
            if (!p.Memory.TryReadU64(ss, out ulong ssSp) || !ReadU32(p, ss + 8, out uint ssFlags) || !p.Memory.TryReadU64(ss + 16, out ulong ssSize))
                return -Errno.EFAULT;
            if (onStack) return -Errno.EPERM;
            int mode = (int)ssFlags & ~SS_AUTODISARM;
            if (mode is not (0 or SS_DISABLE or SS_ONSTACK)) return -Errno.EINVAL;
            if (mode == SS_DISABLE)
            {
                s.AltStack = 0;
                s.AltStackSize = 0;
                s.AltStackFlags = SS_DISABLE;
                return 0;
            }
            if (ssSize < MinSigStackSize) return -Errno.ENOMEM;
            s.AltStack = ssSp;
            s.AltStackSize = ssSize;
            s.AltStackFlags = 0;
            return 0;
        }
    }

    public static long Kill(LinuxProcess p, in SyscallArgs a)
    {
        int pid = (int)a.A0, sig = (int)a.A1;
        if (sig < 0 || sig > SignalState.MaxSignal) return -Errno.EINVAL;
        int self = p.Host.GetIdentity().Pid;
        // The process is alone in its group; -1 reaches only itself too.
        if (pid != self && pid != 0 && pid != -1 && pid != -self) return -Errno.ESRCH;
        p.Signals.Raise(p, sig);
        return 0;
    }

    public static long Tgkill(LinuxProcess p, in SyscallArgs a)
    {
        int tgid = (int)a.A0, tid = (int)a.A1, sig = (int)a.A2;
        if (sig < 0 || sig > SignalState.MaxSignal || tgid <= 0 || tid <= 0) return -Errno.EINVAL;
        int self = p.Host.GetIdentity().Pid;
        if (tgid != self || tid != self) return -Errno.ESRCH;
        p.Signals.Raise(p, sig);
        return 0;
    }

    public static long Tkill(LinuxProcess p, in SyscallArgs a)
    {
        int tid = (int)a.A0, sig = (int)a.A1;
        if (sig < 0 || sig > SignalState.MaxSignal || tid <= 0) return -Errno.EINVAL;
        if (tid != p.Host.GetIdentity().Pid) return -Errno.ESRCH;
        p.Signals.Raise(p, sig);
        return 0;
    }
}
