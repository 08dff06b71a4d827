namespace FtEmu.Linux;

/// <summary>
/// futex for a single-threaded guest: there is never another thread to wake or to be woken by, so
/// wakes find no waiters and a wait either fails at once (the value changed) or could only end by
/// its timeout. libc's locks and once-initialisers call it even without threads.
/// </summary>
public static partial class Sys
{
    private const int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5,
        FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10, FUTEX_CMD_MASK = 0x7F;

    public static long Futex(LinuxProcess p, in SyscallArgs a)
    {
        int op = (int)a.A1 & FUTEX_CMD_MASK;
        switch (op)
        {
            case FUTEX_WAKE:
            case FUTEX_WAKE_BITSET:
            case FUTEX_WAKE_OP:
            case FUTEX_REQUEUE:
            case FUTEX_CMP_REQUEUE:
                // The requeue target must be a valid word, checked before anything else.
                if (op is FUTEX_REQUEUE or FUTEX_CMP_REQUEUE or FUTEX_WAKE_OP && !ReadU32(p, a.A4, out _)) return -Errno.EFAULT;
                if (op == FUTEX_CMP_REQUEUE)
                {
                    if (!ReadU32(p, a.A0, out uint current)) return -Errno.EFAULT;
                    if (current != (uint)a.A5) return -Errno.EAGAIN;
                }
                return 0;
            case FUTEX_WAIT:
            case FUTEX_WAIT_BITSET:
            {
                if (!ReadU32(p, a.A0, out uint value)) return -Errno.EFAULT;
                if (value != (uint)a.A2) return -Errno.EAGAIN;
                if (a.A3 == 0)
                {
                    // Nothing could ever change the word: on Linux this thread would sleep forever.
                    p.WarnOnce("futex wait with no other thread to wake it: the guest is deadlocked");
                    return -Errno.EINTR;
                }
                long r = ReadTimespec(p, a.A3, out var timeout);
                if (r < 0) return r;
                // FUTEX_WAIT's timeout is relative; FUTEX_WAIT_BITSET's is absolute on CLOCK_MONOTONIC.
                if (op == FUTEX_WAIT) p.Host.Sleep(timeout);
                else
                {
                    var now = p.Host.GetTime(1);
                    long ns = (timeout.Seconds - now.Seconds) * 1_000_000_000 + (timeout.Nanoseconds - now.Nanoseconds);
                    if (ns > 0) p.Host.Sleep(new Timespec(ns / 1_000_000_000, ns % 1_000_000_000));
                }
                return -Errno.ETIMEDOUT;
            }
            default:
                return -Errno.ENOSYS;
        }
    }
}
