namespace FtEmu.Cpu;

/// <summary>General-purpose register numbers in x86 encoding order; 16..19 name AH, CH, DH, BH.</summary>
public static class Reg
{
    public const int Rax = 0, Rcx = 1, Rdx = 2, Rbx = 3, Rsp = 4, Rbp = 5, Rsi = 6, Rdi = 7;
    public const int R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;
    /// <summary>First of the legacy high-byte registers AH, CH, DH, BH.</summary>
    public const int HighByteBase = 16;
    public const byte None = 0xFF;
}

/// <summary>RFLAGS bit masks.</summary>
public static class RFlags
{
    public const ulong CF = 1UL << 0;
    public const ulong Reserved1 = 1UL << 1;
    public const ulong PF = 1UL << 2;
    public const ulong AF = 1UL << 4;
    public const ulong ZF = 1UL << 6;
    public const ulong SF = 1UL << 7;
    public const ulong TF = 1UL << 8;
    public const ulong IF = 1UL << 9;
    public const ulong DF = 1UL << 10;
    public const ulong OF = 1UL << 11;
    public const ulong NT = 1UL << 14;
    public const ulong AC = 1UL << 18;
    public const ulong ID = 1UL << 21;
    /// <summary>The six status flags computed by arithmetic.</summary>
    public const ulong Arith = CF | PF | AF | ZF | SF | OF;
    /// <summary>Bits a user-mode POPF may change.</summary>
    public const ulong UserWritable = Arith | TF | DF | AC | ID;
}
