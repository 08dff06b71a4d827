using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>A handler registration as rt_sigaction stores it.</summary>
public readonly record struct SignalAction(ulong Handler, ulong Flags, ulong Restorer, ulong Mask);

/// <summary>
/// Per-process signal dispositions, the blocked mask and pending signals. Signals arrive only
/// synchronously here (faults, kill/tgkill to self), so delivery points are fixed instructions and
/// replay needs no extra events for them.
/// </summary>
public sealed partial class SignalState
{
    public const int MaxSignal = 64;
    public const ulong SIG_DFL = 0, SIG_IGN = 1;
    public const ulong SA_SIGINFO = 4, SA_ONSTACK = 0x08000000, SA_RESTORER = 0x04000000, SA_NODEFER = 0x40000000, SA_RESETHAND = 0x80000000;

    private readonly SignalAction[] _actions = new SignalAction[MaxSignal + 1];

    public ulong Blocked { get; set; }
    public ulong Pending { get; set; }
    public ulong AltStack { get; set; }
    public ulong AltStackSize { get; set; }
    public int AltStackFlags { get; set; } = 2; // SS_DISABLE

    /// <summary>The mask rt_sigsuspend replaced; restored by the next signal frame's sigreturn, or at once if none is set up.</summary>
    public ulong? SavedMask { get; set; }

    public SignalAction GetAction(int sig) => _actions[sig];

    /// <summary>Whether a signal is pending that would be delivered (or would act) under <paramref name="mask"/>.</summary>
    public bool HasDeliverable(ulong mask) => (Pending & (~mask | Bit(9) | Bit(19))) != 0;

    public void SetAction(int sig, SignalAction action) => _actions[sig] = action;

    /// <summary>Signals whose default action is to be ignored.</summary>
    public static bool DefaultIgnores(int sig) => sig is 17 or 23 or 28; // SIGCHLD, SIGURG, SIGWINCH

    /// <summary>Delivers a synchronous fault (SIGSEGV, SIGILL, SIGFPE, SIGTRAP, SIGBUS) at the faulting instruction.</summary>
    public void DeliverFault(LinuxProcess p, GuestFault fault)
    {
        var act = _actions[fault.Signal];
        bool blocked = (Blocked & Bit(fault.Signal)) != 0;
        // As on Linux, a blocked or ignored synchronous fault kills the process.
        if (act.Handler == SIG_DFL || act.Handler == SIG_IGN || blocked)
        {
            p.KillBySignal(fault.Signal);
            return;
        }
        SetUpFrame(p, fault.Signal, fault.Code, fault.Address);
    }

    /// <summary>Raises <paramref name="sig"/> against the process itself (kill, tgkill, raise, abort).</summary>
    public void Raise(LinuxProcess p, int sig)
    {
        if (sig == 0) return;
        Pending |= Bit(sig);
    }

    /// <summary>Delivers one pending unblocked signal, if any; called at syscall exit.</summary>
    public void DeliverPending(LinuxProcess p)
    {
        DeliverOne(p);
        if (SavedMask is { } m)
        {
            Blocked = m;
            SavedMask = null;
        }
    }

    private void DeliverOne(LinuxProcess p)
    {
        ulong ready = Pending & ~Blocked;
        // SIGKILL and SIGSTOP cannot be blocked.
        ready |= Pending & (Bit(9) | Bit(19));
        if (ready == 0 || p.Exited) return;
        int sig = System.Numerics.BitOperations.TrailingZeroCount(ready) + 1;
        Pending &= ~Bit(sig);
        var act = _actions[sig];
        if (sig == 9 || act.Handler == SIG_DFL)
        {
            if (DefaultIgnores(sig)) return;
            if (sig is 19 or 20 or 21 or 22 or 18) return; // stop/continue: no job control for a lone process
            p.KillBySignal(sig);
            return;
        }
        if (act.Handler == SIG_IGN) return;
        SetUpFrame(p, sig, -6 /* SI_TKILL */, 0);
    }

    public static ulong Bit(int sig) => 1UL << (sig - 1);
}
