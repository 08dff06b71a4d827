using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>Generic operand access shared by the integer families.</summary>
public static unsafe partial class Inst
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ReadOp0(Cpu cpu, ref DecodedOp op) =>
        op.Kind0 == OperandKind.Gpr ? cpu.ReadGpr(op.Reg0, op.Size0) : cpu.Memory.Read(cpu.EffectiveAddress(ref op), op.Size0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ReadOp1(Cpu cpu, ref DecodedOp op) => op.Kind1 switch
    {
        OperandKind.Gpr => cpu.ReadGpr(op.Reg1, op.Size1),
        OperandKind.Immediate => op.Imm,
        _ => cpu.Memory.Read(cpu.EffectiveAddress(ref op), op.Size1),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ReadOp2(Cpu cpu, ref DecodedOp op) => op.Kind2 switch
    {
        OperandKind.Gpr => cpu.ReadGpr(op.Reg2, op.Size2),
        OperandKind.Immediate => op.Kind1 == OperandKind.Immediate ? op.Imm2 : op.Imm,
        _ => cpu.Memory.Read(cpu.EffectiveAddress(ref op), op.Size2),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void WriteOp0(Cpu cpu, ref DecodedOp op, ulong value)
    {
        if (op.Kind0 == OperandKind.Gpr) cpu.WriteGpr(op.Reg0, op.Size0, value);
        else cpu.Memory.Write(cpu.EffectiveAddress(ref op), value, op.Size0);
    }

    /// <summary>Reads operand 0 and returns its address too (0 for registers) for a read-modify-write.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ReadModify0(Cpu cpu, ref DecodedOp op, out ulong address)
    {
        if (op.Kind0 == OperandKind.Gpr)
        {
            address = 0;
            return cpu.ReadGpr(op.Reg0, op.Size0);
        }
        address = cpu.EffectiveAddress(ref op);
        return cpu.Memory.Read(address, op.Size0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void WriteModified0(Cpu cpu, ref DecodedOp op, ulong address, ulong value)
    {
        if (op.Kind0 == OperandKind.Gpr) cpu.WriteGpr(op.Reg0, op.Size0, value);
        else cpu.Memory.Write(address, value, op.Size0);
    }

    /// <summary>Condition code (0..15) of a Jcc/SETcc/CMOVcc from its Iced condition.</summary>
    internal static int ConditionOf(Iced.Intel.ConditionCode cc) => cc switch
    {
        Iced.Intel.ConditionCode.o => 0,
        Iced.Intel.ConditionCode.no => 1,
        Iced.Intel.ConditionCode.b => 2,
        Iced.Intel.ConditionCode.ae => 3,
        Iced.Intel.ConditionCode.e => 4,
        Iced.Intel.ConditionCode.ne => 5,
        Iced.Intel.ConditionCode.be => 6,
        Iced.Intel.ConditionCode.a => 7,
        Iced.Intel.ConditionCode.s => 8,
        Iced.Intel.ConditionCode.ns => 9,
        Iced.Intel.ConditionCode.p => 10,
        Iced.Intel.ConditionCode.np => 11,
        Iced.Intel.ConditionCode.l => 12,
        Iced.Intel.ConditionCode.ge => 13,
        Iced.Intel.ConditionCode.le => 14,
        Iced.Intel.ConditionCode.g => 15,
        _ => throw new ArgumentException($"no condition {cc}"),
    };
}
