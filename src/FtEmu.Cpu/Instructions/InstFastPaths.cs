using System.Runtime.CompilerServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Specialised handlers for the hottest integer forms (32/64-bit MOV and ALU with register,
/// immediate and memory operands). Each is one generic definition instantiated over struct
/// policies, so the .NET JIT emits straight-line code per form with no operand-kind switches.
/// The decoder swaps them in for the generic handler; semantics are identical.
/// </summary>
public static unsafe partial class Inst
{
    internal interface IAluOp
    {
        static abstract ulong Apply(ulong a, ulong b);
        static abstract FlagOp Flags { get; }
        /// <summary>CMP and TEST only set flags.</summary>
        static abstract bool WritesResult { get; }
    }

    internal struct AddOp : IAluOp
    {
        public static ulong Apply(ulong a, ulong b) => a + b;
        public static FlagOp Flags => FlagOp.Add;
        public static bool WritesResult => true;
    }

    internal struct SubOp : IAluOp
    {
        public static ulong Apply(ulong a, ulong b) => a - b;
        public static FlagOp Flags => FlagOp.Sub;
        public static bool WritesResult => true;
    }

    internal struct CmpOp : IAluOp
    {
        public static ulong Apply(ulong a, ulong b) => a - b;
        public static FlagOp Flags => FlagOp.Sub;
        public static bool WritesResult => false;
    }

    internal struct AndOp : IAluOp
    {
        public static ulong Apply(ulong a, ulong b) => a & b;
        public static FlagOp Flags => FlagOp.Logic;
        public static bool WritesResult => true;
    }

    internal struct TestOp : IAluOp
    {
        public static ulong Apply(ulong a, ulong b) => a & b;
        public static FlagOp Flags => FlagOp.Logic;
        public static bool WritesResult => false;
    }

    internal struct OrOp : IAluOp
    {
        public static ulong Apply(ulong a, ulong b) => a | b;
        public static FlagOp Flags => FlagOp.Logic;
        public static bool WritesResult => true;
    }

    internal struct XorOp : IAluOp
    {
        public static ulong Apply(ulong a, ulong b) => a ^ b;
        public static FlagOp Flags => FlagOp.Logic;
        public static bool WritesResult => true;
    }

    /// <summary>Operand width policy: 4 or 8 bytes (32-bit writes zero-extend).</summary>
    internal interface IWidth
    {
        static abstract int Size { get; }
        static abstract ulong Truncate(ulong v);
    }

    internal struct W32 : IWidth
    {
        public static int Size => 4;
        public static ulong Truncate(ulong v) => (uint)v;
    }

    internal struct W64 : IWidth
    {
        public static int Size => 8;
        public static ulong Truncate(ulong v) => v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Flags<TOp, TW>(Cpu cpu, ulong a, ulong b, ulong r) where TOp : struct, IAluOp where TW : struct, IWidth
    {
        CpuState* s = cpu.State;
        s->LazyOp = TOp.Flags;
        s->LazySize = TW.Size;
        s->LazyA = a;
        s->LazyB = b;
        s->LazyResult = r;
    }

    private static void AluRegReg<TOp, TW>(Cpu cpu, ref DecodedOp op) where TOp : struct, IAluOp where TW : struct, IWidth
    {
        ulong* g = cpu.State->Gpr;
        ulong a = TW.Truncate(g[op.Reg0]), b = TW.Truncate(g[op.Reg1]), r = TOp.Apply(a, b);
        if (TOp.WritesResult) g[op.Reg0] = TW.Truncate(r);
        Flags<TOp, TW>(cpu, a, b, r);
    }

    private static void AluRegImm<TOp, TW>(Cpu cpu, ref DecodedOp op) where TOp : struct, IAluOp where TW : struct, IWidth
    {
        ulong* g = cpu.State->Gpr;
        ulong a = TW.Truncate(g[op.Reg0]), b = TW.Truncate(op.Imm), r = TOp.Apply(a, b);
        if (TOp.WritesResult) g[op.Reg0] = TW.Truncate(r);
        Flags<TOp, TW>(cpu, a, b, r);
    }

    private static void AluRegMem<TOp, TW>(Cpu cpu, ref DecodedOp op) where TOp : struct, IAluOp where TW : struct, IWidth
    {
        ulong* g = cpu.State->Gpr;
        ulong b = cpu.Memory.Read(cpu.EffectiveAddress(ref op), TW.Size);
        ulong a = TW.Truncate(g[op.Reg0]), r = TOp.Apply(a, b);
        if (TOp.WritesResult) g[op.Reg0] = TW.Truncate(r);
        Flags<TOp, TW>(cpu, a, b, r);
    }

    private static void AluMemReg<TOp, TW>(Cpu cpu, ref DecodedOp op) where TOp : struct, IAluOp where TW : struct, IWidth
    {
        ulong ea = cpu.EffectiveAddress(ref op);
        ulong a = cpu.Memory.Read(ea, TW.Size), b = TW.Truncate(cpu.State->Gpr[op.Reg1]), r = TOp.Apply(a, b);
        if (TOp.WritesResult) cpu.Memory.Write(ea, r, TW.Size);
        Flags<TOp, TW>(cpu, a, b, r);
    }

    private static void AluMemImm<TOp, TW>(Cpu cpu, ref DecodedOp op) where TOp : struct, IAluOp where TW : struct, IWidth
    {
        ulong ea = cpu.EffectiveAddress(ref op);
        ulong a = cpu.Memory.Read(ea, TW.Size), b = TW.Truncate(op.Imm), r = TOp.Apply(a, b);
        if (TOp.WritesResult) cpu.Memory.Write(ea, r, TW.Size);
        Flags<TOp, TW>(cpu, a, b, r);
    }

    private static void MovRegReg<TW>(Cpu cpu, ref DecodedOp op) where TW : struct, IWidth =>
        cpu.State->Gpr[op.Reg0] = TW.Truncate(cpu.State->Gpr[op.Reg1]);

    private static void MovRegImm<TW>(Cpu cpu, ref DecodedOp op) where TW : struct, IWidth =>
        cpu.State->Gpr[op.Reg0] = TW.Truncate(op.Imm);

    private static void MovRegMem<TW>(Cpu cpu, ref DecodedOp op) where TW : struct, IWidth =>
        cpu.State->Gpr[op.Reg0] = cpu.Memory.Read(cpu.EffectiveAddress(ref op), TW.Size);

    private static void MovMemReg<TW>(Cpu cpu, ref DecodedOp op) where TW : struct, IWidth =>
        cpu.Memory.Write(cpu.EffectiveAddress(ref op), cpu.State->Gpr[op.Reg1], TW.Size);

    private static void MovMemImm<TW>(Cpu cpu, ref DecodedOp op) where TW : struct, IWidth =>
        cpu.Memory.Write(cpu.EffectiveAddress(ref op), op.Imm, TW.Size);

    private static void Lea64(Cpu cpu, ref DecodedOp op) => cpu.State->Gpr[op.Reg0] = cpu.EffectiveAddress(ref op);

    private static void PushReg64(Cpu cpu, ref DecodedOp op) => cpu.Push64(cpu.State->Gpr[op.Reg0]);

    private static void PopReg64(Cpu cpu, ref DecodedOp op) => cpu.State->Gpr[op.Reg0] = cpu.Pop64();

    /// <summary>The specialised handler for this decoded form, or null to keep the generic one.</summary>
    internal static delegate*<Cpu, ref DecodedOp, void> FastPath(Mnemonic mnemonic, in DecodedOp op)
    {
        bool w64 = op.Size0 == 8;
        if (op.Size0 != 4 && op.Size0 != 8) return null;
        switch (mnemonic)
        {
            case Mnemonic.Add: return w64 ? AluForm<AddOp, W64>(op) : AluForm<AddOp, W32>(op);
            case Mnemonic.Sub: return w64 ? AluForm<SubOp, W64>(op) : AluForm<SubOp, W32>(op);
            case Mnemonic.Cmp: return w64 ? AluForm<CmpOp, W64>(op) : AluForm<CmpOp, W32>(op);
            case Mnemonic.And: return w64 ? AluForm<AndOp, W64>(op) : AluForm<AndOp, W32>(op);
            case Mnemonic.Or: return w64 ? AluForm<OrOp, W64>(op) : AluForm<OrOp, W32>(op);
            case Mnemonic.Xor: return w64 ? AluForm<XorOp, W64>(op) : AluForm<XorOp, W32>(op);
            case Mnemonic.Test: return w64 ? AluForm<TestOp, W64>(op) : AluForm<TestOp, W32>(op);
            case Mnemonic.Mov: return w64 ? MovForm<W64>(op) : MovForm<W32>(op);
            case Mnemonic.Lea: return w64 && op.Kind0 == OperandKind.Gpr && (op.Prefix & OpPrefix.Address32) == 0 ? &Lea64 : null;
            case Mnemonic.Push: return w64 && op.Kind0 == OperandKind.Gpr ? &PushReg64 : null;
            case Mnemonic.Pop: return w64 && op.Kind0 == OperandKind.Gpr ? &PopReg64 : null;
            default: return null;
        }
    }

    private static delegate*<Cpu, ref DecodedOp, void> AluForm<TOp, TW>(in DecodedOp op) where TOp : struct, IAluOp where TW : struct, IWidth
    {
        if (op.OpCount != 2 || op.Size1 != op.Size0 && op.Kind1 != OperandKind.Immediate) return null;
        return (op.Kind0, op.Kind1) switch
        {
            (OperandKind.Gpr, OperandKind.Gpr) when op.Reg0 < 16 && op.Reg1 < 16 => &AluRegReg<TOp, TW>,
            (OperandKind.Gpr, OperandKind.Immediate) when op.Reg0 < 16 => &AluRegImm<TOp, TW>,
            (OperandKind.Gpr, OperandKind.Memory) when op.Reg0 < 16 => &AluRegMem<TOp, TW>,
            (OperandKind.Memory, OperandKind.Gpr) when op.Reg1 < 16 => &AluMemReg<TOp, TW>,
            (OperandKind.Memory, OperandKind.Immediate) => &AluMemImm<TOp, TW>,
            _ => null,
        };
    }

    private static delegate*<Cpu, ref DecodedOp, void> MovForm<TW>(in DecodedOp op) where TW : struct, IWidth
    {
        if (op.OpCount != 2 || op.Size1 != op.Size0 && op.Kind1 != OperandKind.Immediate) return null;
        return (op.Kind0, op.Kind1) switch
        {
            (OperandKind.Gpr, OperandKind.Gpr) when op.Reg0 < 16 && op.Reg1 < 16 => &MovRegReg<TW>,
            (OperandKind.Gpr, OperandKind.Immediate) when op.Reg0 < 16 => &MovRegImm<TW>,
            (OperandKind.Gpr, OperandKind.Memory) when op.Reg0 < 16 => &MovRegMem<TW>,
            (OperandKind.Memory, OperandKind.Gpr) when op.Reg1 < 16 => &MovMemReg<TW>,
            (OperandKind.Memory, OperandKind.Immediate) => &MovMemImm<TW>,
            _ => null,
        };
    }
}
