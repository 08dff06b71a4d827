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

    public static GuestFault Segv(ulong address, bool mapped) =>
        new(SIGSEGV, mapped ? SEGV_ACCERR : SEGV_MAPERR, address);
}
