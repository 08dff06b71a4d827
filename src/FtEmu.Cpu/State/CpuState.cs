using System.Runtime.InteropServices;

namespace FtEmu.Cpu;

/// <summary>
/// The whole architectural state of the guest CPU as one blittable struct, kept in native memory
/// so that the interpreter and a later JIT can address every field by a fixed offset.
/// </summary>
/// <remarks>
/// Flags are partly lazy: when <see cref="LazyOp"/> is not <see cref="FlagOp.None"/>, the arithmetic
/// flags (CF, PF, AF, ZF, SF, OF) are a function of LazyOp, LazySize, LazyA, LazyB and LazyResult,
/// and only the other bits of <see cref="FlagsBase"/> are authoritative.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct CpuState
{
    /// <summary>RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8..R15 in encoding order.</summary>
    public fixed ulong Gpr[16];
    public ulong Rip;
    public ulong FsBase;
    public ulong GsBase;

    public ulong FlagsBase;
    public ulong LazyA;
    public ulong LazyB;
    public ulong LazyResult;
    public FlagOp LazyOp;
    public int LazySize;

    /// <summary>XMM0..XMM15, two little-endian quadwords each.</summary>
    public fixed ulong Xmm[32];
    public uint Mxcsr;

    /// <summary>x87 data registers by physical index: 64-bit significand and sign|exponent word.</summary>
    public fixed ulong FpuSignificand[8];
    public fixed ushort FpuSignExponent[8];
    public ushort FpuControl;
    /// <summary>Status word without the TOP field, which lives in <see cref="FpuTop"/>.</summary>
    public ushort FpuStatus;
    /// <summary>Full (two bits per register) tag word, physical order.</summary>
    public ushort FpuTag;
    public int FpuTop;
    public ushort FpuLastOpcode;
    public ulong FpuLastIp;
    public ulong FpuLastDp;

    /// <summary>Instructions retired since the guest started: the clock every recorded event is placed on.</summary>
    public ulong InstructionCount;
}

public enum FlagOp
{
    None = 0,
    Add,
    Sub,
    Logic,
    Inc,
    Dec,
    /// <summary>Shifts by a nonzero count (recorded by the JIT): LazyA the operand, LazyB the masked count.</summary>
    Shl,
    Shr,
    Sar,
}
