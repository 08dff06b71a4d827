using System.Numerics;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// ABM/BMI1/BMI2: LZCNT, TZCNT, ANDN, BEXTR, BLSI, BLSMSK, BLSR, BZHI, MULX, PDEP, PEXT, RORX,
/// SARX, SHLX, SHRX. The VEX forms' vvvv register arrives as an ordinary Gpr operand.
/// </summary>
/// <remarks>
/// Flags the manuals leave undefined follow the AMD Zen host: LZCNT/TZCNT keep OF and clear SF,
/// AF and PF; ANDN, BLS* and BZHI set PF from the result and clear AF; BEXTR sets PF from the
/// result, sets AF and clears SF.
/// </remarks>
public static unsafe partial class Inst
{
    private static void RegisterBmi(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Lzcnt, &Lzcnt);
        r.Add(Mnemonic.Tzcnt, &Tzcnt);
        r.Add(Mnemonic.Andn, &Andn);
        r.Add(Mnemonic.Bextr, &Bextr);
        r.Add(Mnemonic.Blsi, &Blsi);
        r.Add(Mnemonic.Blsmsk, &Blsmsk);
        r.Add(Mnemonic.Blsr, &Blsr);
        r.Add(Mnemonic.Bzhi, &Bzhi);
        r.Add(Mnemonic.Mulx, &Mulx);
        r.Add(Mnemonic.Pdep, &Pdep);
        r.Add(Mnemonic.Pext, &Pext);
        r.Add(Mnemonic.Rorx, &Rorx);
        r.Add(Mnemonic.Sarx, &Sarx);
        r.Add(Mnemonic.Shlx, &Shlx);
        r.Add(Mnemonic.Shrx, &Shrx);
    }

    private const ulong CountFlags = RFlags.CF | RFlags.ZF | RFlags.SF | RFlags.AF | RFlags.PF;

    /// <summary>Leading zeros within the operand size (the size itself for 0); CF: source zero, ZF: result zero.</summary>
    public static void Lzcnt(Cpu cpu, ref DecodedOp op)
    {
        int bits = op.Size0 * 8;
        ulong s = ReadOp1(cpu, ref op);
        int n = s == 0 ? bits : BitOperations.LeadingZeroCount(s) - (64 - bits);
        cpu.WriteGpr(op.Reg0, op.Size0, (ulong)n);
        cpu.SetFlags(CountFlags, (s == 0 ? RFlags.CF : 0) | (n == 0 ? RFlags.ZF : 0));
    }

    public static void Tzcnt(Cpu cpu, ref DecodedOp op)
    {
        int bits = op.Size0 * 8;
        ulong s = ReadOp1(cpu, ref op);
        int n = s == 0 ? bits : BitOperations.TrailingZeroCount(s);
        cpu.WriteGpr(op.Reg0, op.Size0, (ulong)n);
        cpu.SetFlags(CountFlags, (s == 0 ? RFlags.CF : 0) | (n == 0 ? RFlags.ZF : 0));
    }

    /// <summary>ZF, SF and PF from the result, plus the given CF; OF and AF clear.</summary>
    private static void BmiFlags(Cpu cpu, ulong result, int size, bool cf) =>
        SetArithFlags(cpu, Cpu.ResultFlags(result, size) | (cf ? RFlags.CF : 0));

    public static void Andn(Cpu cpu, ref DecodedOp op)
    {
        ulong r = ~ReadOp1(cpu, ref op) & ReadOp2(cpu, ref op) & Cpu.SizeMask(op.Size0);
        cpu.WriteGpr(op.Reg0, op.Size0, r);
        BmiFlags(cpu, r, op.Size0, false);
    }

    /// <summary>Bits [start, start+len) of the source, start and len from bytes 0 and 1 of the control operand.</summary>
    public static void Bextr(Cpu cpu, ref DecodedOp op)
    {
        int bits = op.Size0 * 8;
        ulong s = ReadOp1(cpu, ref op), control = ReadOp2(cpu, ref op);
        int start = (int)(control & 0xFF), len = (int)((control >> 8) & 0xFF);
        ulong r = start >= bits ? 0 : s >> start;
        if (len < 64) r &= (1UL << len) - 1;
        cpu.WriteGpr(op.Reg0, op.Size0, r);
        SetArithFlags(cpu, (r == 0 ? RFlags.ZF : 0) | Cpu.Parity(r) | RFlags.AF);
    }

    /// <summary>Lowest set bit isolated; CF: source nonzero.</summary>
    public static void Blsi(Cpu cpu, ref DecodedOp op)
    {
        ulong s = ReadOp1(cpu, ref op);
        ulong r = (0 - s) & s & Cpu.SizeMask(op.Size0);
        cpu.WriteGpr(op.Reg0, op.Size0, r);
        BmiFlags(cpu, r, op.Size0, (s & Cpu.SizeMask(op.Size0)) != 0);
    }

    /// <summary>Mask up to and including the lowest set bit; CF: source zero; ZF always clear.</summary>
    public static void Blsmsk(Cpu cpu, ref DecodedOp op)
    {
        ulong m = Cpu.SizeMask(op.Size0);
        ulong s = ReadOp1(cpu, ref op) & m;
        ulong r = ((s - 1) ^ s) & m;
        cpu.WriteGpr(op.Reg0, op.Size0, r);
        BmiFlags(cpu, r, op.Size0, s == 0);
    }

    /// <summary>Lowest set bit cleared; CF: source zero.</summary>
    public static void Blsr(Cpu cpu, ref DecodedOp op)
    {
        ulong m = Cpu.SizeMask(op.Size0);
        ulong s = ReadOp1(cpu, ref op) & m;
        ulong r = (s - 1) & s & m;
        cpu.WriteGpr(op.Reg0, op.Size0, r);
        BmiFlags(cpu, r, op.Size0, s == 0);
    }

    /// <summary>Bits from index (byte 0 of operand 2) up cleared; CF: the index is past the operand.</summary>
    public static void Bzhi(Cpu cpu, ref DecodedOp op)
    {
        int bits = op.Size0 * 8;
        ulong s = ReadOp1(cpu, ref op) & Cpu.SizeMask(op.Size0);
        int n = (int)(ReadOp2(cpu, ref op) & 0xFF);
        ulong r = n < bits ? s & ((1UL << n) - 1) : s;
        cpu.WriteGpr(op.Reg0, op.Size0, r);
        BmiFlags(cpu, r, op.Size0, n > bits - 1);
    }

    /// <summary>Unsigned EDX/RDX * r/m: high half to operand 0, low half to operand 1 (high wins if they are one register); no flags.</summary>
    public static void Mulx(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.ReadGpr(Reg.Rdx, op.Size0), b = ReadOp2(cpu, ref op);
        ulong hi, lo;
        if (op.Size0 == 8) hi = Math.BigMul(a, b, out lo);
        else
        {
            ulong p = a * b;
            hi = p >> 32;
            lo = (uint)p;
        }
        cpu.WriteGpr(op.Reg1, op.Size0, lo);
        cpu.WriteGpr(op.Reg0, op.Size0, hi);
    }

    /// <summary>Low bits of the source scattered to the set bits of the mask, in order.</summary>
    public static void Pdep(Cpu cpu, ref DecodedOp op)
    {
        ulong s = ReadOp1(cpu, ref op), mask = ReadOp2(cpu, ref op) & Cpu.SizeMask(op.Size0), r = 0;
        for (int k = 0; mask != 0; mask &= mask - 1, k++)
            if (((s >> k) & 1) != 0) r |= mask & (0 - mask);
        cpu.WriteGpr(op.Reg0, op.Size0, r);
    }

    /// <summary>The source bits at the set bits of the mask gathered into the low bits.</summary>
    public static void Pext(Cpu cpu, ref DecodedOp op)
    {
        ulong s = ReadOp1(cpu, ref op), mask = ReadOp2(cpu, ref op) & Cpu.SizeMask(op.Size0), r = 0;
        for (int k = 0; mask != 0; mask &= mask - 1, k++)
            if ((s & mask & (0 - mask)) != 0) r |= 1UL << k;
        cpu.WriteGpr(op.Reg0, op.Size0, r);
    }

    public static void Rorx(Cpu cpu, ref DecodedOp op)
    {
        ulong s = ReadOp1(cpu, ref op);
        int n = (int)op.Imm & (op.Size0 * 8 - 1);
        ulong r = op.Size0 == 8 ? BitOperations.RotateRight(s, n) : BitOperations.RotateRight((uint)s, n);
        cpu.WriteGpr(op.Reg0, op.Size0, r);
    }

    /// <summary>Shift count: operand 2 masked to the operand width, as the shift instructions do.</summary>
    private static int BmiShiftCount(Cpu cpu, ref DecodedOp op) => (int)ReadOp2(cpu, ref op) & (op.Size0 * 8 - 1);

    public static void Sarx(Cpu cpu, ref DecodedOp op)
    {
        int n = BmiShiftCount(cpu, ref op);
        cpu.WriteGpr(op.Reg0, op.Size0, (ulong)(Cpu.SignExtend(ReadOp1(cpu, ref op), op.Size0) >> n));
    }

    public static void Shlx(Cpu cpu, ref DecodedOp op)
    {
        int n = BmiShiftCount(cpu, ref op);
        cpu.WriteGpr(op.Reg0, op.Size0, ReadOp1(cpu, ref op) << n);
    }

    public static void Shrx(Cpu cpu, ref DecodedOp op)
    {
        int n = BmiShiftCount(cpu, ref op);
        cpu.WriteGpr(op.Reg0, op.Size0, ReadOp1(cpu, ref op) >> n);
    }
}
