using System.Numerics;
using System.Runtime.CompilerServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Shifts and rotates: SHL/SAL, SHR, SAR, ROL, ROR, RCL, RCR, SHLD, SHRD. The count is masked to
/// 5 bits (6 for 64-bit operands); a masked count of 0 leaves every flag alone, but the destination
/// is still written back (a 32-bit register is zero-extended, as on hardware).
/// </summary>
/// <remarks>
/// Flags the manuals leave undefined are computed the way the AMD Zen host produces them, so that
/// even an unmasked comparison with native runs agrees: SHL/SHR/SAR set AF; OF keeps its count-1
/// formula for larger counts (for SHR that makes it 0); SHLD/SHRD set AF too.
/// </remarks>
public static unsafe partial class Inst
{
    private static void RegisterShift(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Shl, &Shl);
        r.Add(Mnemonic.Sal, &Shl);
        r.Add(Mnemonic.Shr, &Shr);
        r.Add(Mnemonic.Sar, &Sar);
        r.Add(Mnemonic.Rol, &Rol);
        r.Add(Mnemonic.Ror, &Ror);
        r.Add(Mnemonic.Rcl, &Rcl);
        r.Add(Mnemonic.Rcr, &Rcr);
        r.Add(Mnemonic.Shld, &Shld);
        r.Add(Mnemonic.Shrd, &Shrd);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShiftCount(ulong raw, int size) => (int)raw & (size == 8 ? 0x3F : 0x1F);

    /// <summary>Replaces all six status flags at once; the lazy record is dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SetArithFlags(Cpu cpu, ulong f)
    {
        CpuState* s = cpu.State;
        s->FlagsBase = (s->FlagsBase & ~RFlags.Arith) | (f & RFlags.Arith);
        s->LazyOp = FlagOp.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Msb(ulong v, int size) => (v >> (size * 8 - 1)) & 1;

    public static void Shl(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int n = ShiftCount(ReadOp1(cpu, ref op), size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea) & Cpu.SizeMask(size);
        ulong r = a << n;
        WriteModified0(cpu, ref op, ea, r);
        if (n == 0) return;
        SetArithFlags(cpu, ShlFlags(a, r, n, size));
    }

    /// <summary>The six flags of SHL by a masked count n != 0 of the masked value a (shared with the JIT).</summary>
    internal static ulong ShlFlags(ulong a, ulong r, int n, int size)
    {
        // Bit shifted out last; counts beyond the width of an 8/16-bit operand shift out zeros.
        ulong cf = ((a << (n - 1)) >> (size * 8 - 1)) & 1;
        ulong f = Cpu.ResultFlags(r, size) | cf | RFlags.AF;
        if ((Msb(r, size) ^ cf) != 0) f |= RFlags.OF;
        return f;
    }

    public static void Shr(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int n = ShiftCount(ReadOp1(cpu, ref op), size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea) & Cpu.SizeMask(size);
        ulong r = a >> n;
        WriteModified0(cpu, ref op, ea, r);
        if (n == 0) return;
        SetArithFlags(cpu, ShrFlags(a, r, n, size));
    }

    /// <summary>The six flags of SHR by a masked count n != 0 of the masked value a (shared with the JIT).</summary>
    internal static ulong ShrFlags(ulong a, ulong r, int n, int size)
    {
        ulong f = Cpu.ResultFlags(r, size) | ((a >> (n - 1)) & 1) | RFlags.AF;
        if (n == 1 && Msb(a, size) != 0) f |= RFlags.OF;
        return f;
    }

    public static void Sar(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int n = ShiftCount(ReadOp1(cpu, ref op), size);
        long a = Cpu.SignExtend(ReadModify0(cpu, ref op, out ulong ea), size);
        ulong r = (ulong)(a >> n);
        WriteModified0(cpu, ref op, ea, r);
        if (n == 0) return;
        SetArithFlags(cpu, SarFlags(a, r, n, size));
    }

    /// <summary>The six flags of SAR by a masked count n != 0 of the sign-extended value a (shared with the JIT).</summary>
    internal static ulong SarFlags(long a, ulong r, int n, int size) =>
        Cpu.ResultFlags(r, size) | ((ulong)(a >> (n - 1)) & 1) | RFlags.AF;

    /// <summary>Rotates the low <paramref name="size"/> bytes of <paramref name="a"/> left by k (0 &lt;= k &lt; width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong RotateLeft(ulong a, int k, int size)
    {
        if (size == 8) return BitOperations.RotateLeft(a, k);
        int bits = size * 8;
        ulong m = Cpu.SizeMask(size);
        a &= m;
        return ((a << k) | (a >> (bits - k))) & m;
    }

    public static void Rol(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int n = ShiftCount(ReadOp1(cpu, ref op), size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea);
        ulong r = RotateLeft(a, n & (size * 8 - 1), size);
        WriteModified0(cpu, ref op, ea, r);
        if (n == 0) return;
        SetRolFlags(cpu, r, size);
    }

    /// <summary>CF and OF after ROL by a nonzero count with result r (shared with the JIT).</summary>
    internal static void SetRolFlags(Cpu cpu, ulong r, int size)
    {
        ulong cf = r & 1;
        cpu.SetFlags(RFlags.CF | RFlags.OF, cf | ((Msb(r, size) ^ cf) != 0 ? RFlags.OF : 0));
    }

    public static void Ror(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int bits = size * 8;
        int n = ShiftCount(ReadOp1(cpu, ref op), size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea);
        ulong r = RotateLeft(a, (bits - (n & (bits - 1))) & (bits - 1), size);
        WriteModified0(cpu, ref op, ea, r);
        if (n == 0) return;
        SetRorFlags(cpu, r, size);
    }

    /// <summary>CF and OF after ROR by a nonzero count with result r (shared with the JIT).</summary>
    internal static void SetRorFlags(Cpu cpu, ulong r, int size)
    {
        ulong cf = Msb(r, size);
        ulong of = cf ^ ((r >> (size * 8 - 2)) & 1);
        cpu.SetFlags(RFlags.CF | RFlags.OF, cf | (of != 0 ? RFlags.OF : 0));
    }

    /// <summary>Rotates CF:dest (width+1 bits) left by k; returns the new destination and sets cf.</summary>
    private static ulong RotateThroughCarryLeft(ulong a, int k, int size, ref ulong cf)
    {
        int w = size * 8 + 1;
        UInt128 mask = (UInt128.One << w) - 1;
        UInt128 v = ((UInt128)cf << (w - 1)) | (a & Cpu.SizeMask(size));
        v = ((v << k) | (v >> (w - k))) & mask;
        cf = (ulong)(v >> (w - 1)) & 1;
        return (ulong)v & Cpu.SizeMask(size);
    }

    /// <summary>The rotate amount of RCL/RCR: the masked count, modulo width+1 for 8 and 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CarryRotateAmount(int n, int size) => size switch
    {
        1 => n % 9,
        2 => n % 17,
        _ => n,
    };

    public static void Rcl(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int n = ShiftCount(ReadOp1(cpu, ref op), size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea);
        int k = CarryRotateAmount(n, size);
        ulong cf = cpu.CarryFlag ? 1UL : 0;
        ulong r = k == 0 ? a : RotateThroughCarryLeft(a, k, size, ref cf);
        WriteModified0(cpu, ref op, ea, r);
        if (n == 0) return;
        ulong of = Msb(r, size) ^ cf;
        cpu.SetFlags(RFlags.CF | RFlags.OF, cf | (of != 0 ? RFlags.OF : 0));
    }

    public static void Rcr(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int bits = size * 8;
        int n = ShiftCount(ReadOp1(cpu, ref op), size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea);
        int k = CarryRotateAmount(n, size);
        ulong cf = cpu.CarryFlag ? 1UL : 0;
        ulong r = k == 0 ? a : RotateThroughCarryLeft(a, bits + 1 - k, size, ref cf);
        WriteModified0(cpu, ref op, ea, r);
        if (n == 0) return;
        ulong of = Msb(r, size) ^ ((r >> (bits - 2)) & 1);
        cpu.SetFlags(RFlags.CF | RFlags.OF, cf | (of != 0 ? RFlags.OF : 0));
    }

    public static void Shld(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int bits = size * 8;
        int n = ShiftCount(ReadOp2(cpu, ref op), size);
        ulong m = Cpu.SizeMask(size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea) & m;
        ulong b = cpu.ReadGpr(op.Reg1, size);
        if (n == 0)
        {
            WriteModified0(cpu, ref op, ea, a);
            return;
        }
        ulong r, cf, of;
        if (n > bits)
        {
            // Only 16-bit operands get here (undefined): the host shifts dest:src:src and clears CF and OF.
            r = (((a << 32) | (b << 16) | b) << n) >> 32;
            cf = 0;
            of = 0;
        }
        else
        {
            r = n == bits ? b : (a << n) | (b >> (bits - n));
            cf = (a >> (bits - n)) & 1;
            // A 16-bit count of exactly 16 (OF undefined) gives OF = CF on the host.
            of = n == bits ? cf : Msb(r, size) ^ cf;
        }
        r &= m;
        WriteModified0(cpu, ref op, ea, r);
        SetArithFlags(cpu, Cpu.ResultFlags(r, size) | cf | RFlags.AF | (of != 0 ? RFlags.OF : 0));
    }

    public static void Shrd(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        int bits = size * 8;
        int n = ShiftCount(ReadOp2(cpu, ref op), size);
        ulong m = Cpu.SizeMask(size);
        ulong a = ReadModify0(cpu, ref op, out ulong ea) & m;
        ulong b = cpu.ReadGpr(op.Reg1, size);
        if (n == 0)
        {
            WriteModified0(cpu, ref op, ea, a);
            return;
        }
        ulong r, cf;
        if (n > bits)
        {
            // Only 16-bit operands get here (undefined): the host shifts src:src:dest and clears CF.
            r = ((b << 32) | (b << 16) | a) >> n;
            cf = 0;
        }
        else
        {
            r = n == bits ? b : (a >> n) | (b << (bits - n));
            cf = (a >> (n - 1)) & 1;
        }
        r &= m;
        WriteModified0(cpu, ref op, ea, r);
        ulong of = Msb(r, size) ^ ((r >> (bits - 2)) & 1);
        SetArithFlags(cpu, Cpu.ResultFlags(r, size) | cf | RFlags.AF | (of != 0 ? RFlags.OF : 0));
    }
}
