namespace FtEmu.DiffTest;

/// <summary>Linux signal numbers and si_code values the comparison looks at.</summary>
public static class GuestSignals
{
    public const int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;
    public const int SI_KERNEL = 0x80;
    public const int SEGV_MAPERR = 1, SEGV_ACCERR = 2;
}
