namespace FtEmu.Cpu;

/// <summary>
/// A synchronous guest exception (bad memory access, divide error, invalid opcode). It unwinds the
/// current instruction; the interpreter then hands it to the guest OS, which delivers the signal.
/// </summary>
public sealed class GuestFault : Exception
{
    public const int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;
    public const int SEGV_MAPERR = 1, SEGV_ACCERR = 2;
    public const int FPE_INTDIV = 1, FPE_INTOVF = 2;
    public const int ILL_ILLOPN = 2; // what Linux reports for every #UD
    public const int SI_KERNEL = 0x80; // general-protection fault (#GP) reported as SIGSEGV

    public GuestFault(int signal, int code, ulong address)
        : base($"guest signal {signal} (code {code}) at 0x{address:x}")
    {
        Signal = signal;
        Code = code;
        Address = address;
    }

    public int Signal { get; }
    public int Code { get; }
    /// <summary>The faulting data address (SIGSEGV, SIGBUS) or instruction address.</summary>
    public ulong Address { get; }

    /// <summary>
    /// A bad access to <paramref name="address"/>. A non-canonical address is a general-protection
    /// fault, not a page fault: Linux reports it as SIGSEGV with SI_KERNEL and no address.
    /// </summary>
    public static GuestFault Segv(ulong address, bool mapped) =>
        IsCanonical(address) ? new(SIGSEGV, mapped ? SEGV_ACCERR : SEGV_MAPERR, address) : NonCanonicalAccess();

    /// <summary>#GP for a non-canonical address (the interpreter turns it into #SS, SIGBUS, for stack references).</summary>
    public static GuestFault NonCanonicalAccess() => new(SIGSEGV, SI_KERNEL, 0) { NonCanonical = true };

    /// <summary>The fault is an access to a non-canonical address.</summary>
    public bool NonCanonical { get; private init; }

    /// <summary>Bits 63..47 all equal (48-bit virtual addresses).</summary>
    public static bool IsCanonical(ulong address) => (ulong)((long)address >> 47) + 1 <= 1;
}
