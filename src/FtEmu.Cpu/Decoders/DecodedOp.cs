using System.Runtime.InteropServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Where an operand of a decoded instruction lives.</summary>
public enum OperandKind : byte
{
    None = 0,
    /// <summary>A general-purpose register (Reg field holds 0..15, or 16..19 for AH..BH).</summary>
    Gpr,
    /// <summary>The instruction's single memory operand (Base/Index/Scale/Disp/Segment).</summary>
    Memory,
    /// <summary>An immediate in <see cref="DecodedOp.Imm"/> (or Imm2 for a second immediate).</summary>
    Immediate,
    Xmm,
    /// <summary>x87 stack register ST(i), i in the Reg field.</summary>
    St,
    Mmx,
    Segment,
    /// <summary>Another register Iced names that the handler reads from the Iced Code itself.</summary>
    Other,
}

[Flags]
public enum OpPrefix : byte
{
    None = 0,
    Lock = 1,
    Rep = 2,
    Repne = 4,
    /// <summary>0x67: the effective address is truncated to 32 bits.</summary>
    Address32 = 8,
}

/// <summary>
/// One guest instruction decoded once into what its handler needs: the handler itself and its
/// operands in a flat form, so that nothing is read from Iced while the guest runs.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DecodedOp
{
    public delegate*<Cpu, ref DecodedOp, void> Exec;
    /// <summary>First immediate, sign- or zero-extended as the instruction defines; branch target for near branches.</summary>
    public ulong Imm;
    /// <summary>Second immediate (ENTER, EXTRQ-like forms).</summary>
    public ulong Imm2;
    /// <summary>Memory displacement; for RIP-relative operands the absolute address.</summary>
    public ulong Disp;
    /// <summary>Address of the next instruction.</summary>
    public ulong NextIp;
    public Code Code;
    public byte Length;
    public OperandKind Kind0, Kind1, Kind2, Kind3;
    public byte Reg0, Reg1, Reg2, Reg3;
    /// <summary>Operand sizes in bytes (memory operands: the size of the memory access).</summary>
    public byte Size0, Size1, Size2, Size3;
    public byte Base, Index, ScaleShift;
    /// <summary>0 none, 1 FS, 2 GS.</summary>
    public byte Segment;
    public OpPrefix Prefix;
    public byte OpCount;
    /// <summary>Condition code 0..15 (x86 encoding order) of Jcc, SETcc, CMOVcc, FCMOVcc.</summary>
    public byte Cond;

    public readonly ulong Ip => NextIp - Length;

    /// <summary>One of the operands is the instruction's memory operand (string operands included).</summary>
    public readonly bool HasMemoryOperand =>
        Kind0 == OperandKind.Memory || Kind1 == OperandKind.Memory || Kind2 == OperandKind.Memory || Kind3 == OperandKind.Memory;
}
