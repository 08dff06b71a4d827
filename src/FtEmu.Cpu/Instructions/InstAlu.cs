using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Two-operand integer arithmetic and logic: ADD, ADC, SUB, SBB, CMP, AND, OR, XOR, TEST, INC, DEC, NEG, NOT.</summary>
public static unsafe partial class Inst
{
    private static void RegisterAlu(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Add, &Add);
        r.Add(Mnemonic.Adc, &Adc);
        r.Add(Mnemonic.Sub, &Sub);
        r.Add(Mnemonic.Sbb, &Sbb);
        r.Add(Mnemonic.Cmp, &Cmp);
        r.Add(Mnemonic.And, &And);
        r.Add(Mnemonic.Or, &Or);
        r.Add(Mnemonic.Xor, &Xor);
        r.Add(Mnemonic.Test, &Test);
        r.Add(Mnemonic.Inc, &Inc);
        r.Add(Mnemonic.Dec, &Dec);
        r.Add(Mnemonic.Neg, &Neg);
        r.Add(Mnemonic.Not, &Not);
    }

    public static void Add(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), b = ReadOp1(cpu, ref op), r = a + b;
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlags(FlagOp.Add, op.Size0, a, b, r);
    }

    public static void Sub(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), b = ReadOp1(cpu, ref op), r = a - b;
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlags(FlagOp.Sub, op.Size0, a, b, r);
    }

    public static void Cmp(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadOp0(cpu, ref op), b = ReadOp1(cpu, ref op);
        cpu.SetLazyFlags(FlagOp.Sub, op.Size0, a, b, a - b);
    }

    public static void Adc(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), b = ReadOp1(cpu, ref op);
        ulong c = cpu.CarryFlag ? 1UL : 0, r = a + b + c;
        WriteModified0(cpu, ref op, ea, r);
        SetAdcFlags(cpu, a, b, c, r, op.Size0);
    }

    /// <summary>The six flags of ADC a + b + c = r (shared with the JIT).</summary>
    internal static void SetAdcFlags(Cpu cpu, ulong a, ulong b, ulong c, ulong r, int size)
    {
        ulong m = Cpu.SizeMask(size);
        ulong am = a & m, rm = r & m;
        ulong f = Cpu.ResultFlags(r, size) | ((a ^ b ^ r) & RFlags.AF);
        if (rm < am || (c != 0 && rm == am)) f |= RFlags.CF;
        if ((((a ^ r) & (b ^ r)) >> (size * 8 - 1) & 1) != 0) f |= RFlags.OF;
        cpu.SetFlags(RFlags.Arith, f);
    }

    public static void Sbb(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), b = ReadOp1(cpu, ref op);
        ulong c = cpu.CarryFlag ? 1UL : 0, r = a - b - c;
        WriteModified0(cpu, ref op, ea, r);
        SetSbbFlags(cpu, a, b, c, r, op.Size0);
    }

    /// <summary>The six flags of SBB a - b - c = r (shared with the JIT).</summary>
    internal static void SetSbbFlags(Cpu cpu, ulong a, ulong b, ulong c, ulong r, int size)
    {
        ulong m = Cpu.SizeMask(size);
        ulong am = a & m, bm = b & m;
        ulong f = Cpu.ResultFlags(r, size) | ((a ^ b ^ r) & RFlags.AF);
        if (am < bm || (c != 0 && am == bm)) f |= RFlags.CF;
        if ((((a ^ b) & (a ^ r)) >> (size * 8 - 1) & 1) != 0) f |= RFlags.OF;
        cpu.SetFlags(RFlags.Arith, f);
    }

    public static void And(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), r = a & ReadOp1(cpu, ref op);
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlags(FlagOp.Logic, op.Size0, 0, 0, r);
    }

    public static void Or(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), r = a | ReadOp1(cpu, ref op);
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlags(FlagOp.Logic, op.Size0, 0, 0, r);
    }

    public static void Xor(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), r = a ^ ReadOp1(cpu, ref op);
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlags(FlagOp.Logic, op.Size0, 0, 0, r);
    }

    public static void Test(Cpu cpu, ref DecodedOp op)
    {
        ulong r = ReadOp0(cpu, ref op) & ReadOp1(cpu, ref op);
        cpu.SetLazyFlags(FlagOp.Logic, op.Size0, 0, 0, r);
    }

    public static void Inc(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), r = a + 1;
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlagsKeepCarry(FlagOp.Inc, op.Size0, a, r);
    }

    public static void Dec(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), r = a - 1;
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlagsKeepCarry(FlagOp.Dec, op.Size0, a, r);
    }

    public static void Neg(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea), r = 0 - a;
        WriteModified0(cpu, ref op, ea, r);
        cpu.SetLazyFlags(FlagOp.Sub, op.Size0, 0, a, r);
    }

    public static void Not(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea);
        WriteModified0(cpu, ref op, ea, ~a);
    }
}
