using System.Numerics;
using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>
/// Lazy RFLAGS: arithmetic records its operands and result, and the six status flags are computed
/// only when something reads them (a Jcc, SETcc, PUSHF, ADC, ...).
/// </summary>
public sealed unsafe partial class Cpu
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetLazyFlags(FlagOp op, int size, ulong a, ulong b, ulong result)
    {
        CpuState* s = State;
        s->LazyOp = op;
        s->LazySize = size;
        s->LazyA = a;
        s->LazyB = b;
        s->LazyResult = result;
    }

    /// <summary>Makes CF concrete in FlagsBase, as INC/DEC need before they replace the lazy record.</summary>
    internal void MaterializeCarry()
    {
        CpuState* s = State;
        if (s->LazyOp != FlagOp.None)
            s->FlagsBase = (s->FlagsBase & ~RFlags.CF) | (LazyCarry(s) ? RFlags.CF : 0);
    }

    /// <summary>CF of the lazy record alone: the ops that run hot (ADC/SBB, INC/DEC chains) need no other flag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool LazyCarry(CpuState* s)
    {
        ulong m = SizeMask(s->LazySize);
        return s->LazyOp switch
        {
            FlagOp.None or FlagOp.Inc or FlagOp.Dec => (s->FlagsBase & RFlags.CF) != 0,
            FlagOp.Logic => false,
            FlagOp.Add => (s->LazyResult & m) < (s->LazyA & m),
            FlagOp.Sub => (s->LazyA & m) < (s->LazyB & m),
            _ => (ComputeArith() & RFlags.CF) != 0,
        };
    }

    /// <summary>INC/DEC keep CF, so CF is made concrete before the lazy record replaces the old one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetLazyFlagsKeepCarry(FlagOp op, int size, ulong a, ulong result)
    {
        MaterializeCarry();
        SetLazyFlags(op, size, a, 1, result);
    }

    /// <summary>The full RFLAGS value.</summary>
    public ulong Rflags
    {
        get
        {
            CpuState* s = State;
            if (s->LazyOp == FlagOp.None) return s->FlagsBase | RFlags.Reserved1;
            return (s->FlagsBase & ~RFlags.Arith) | ComputeArith() | RFlags.Reserved1;
        }
        set
        {
            State->FlagsBase = value | RFlags.Reserved1;
            State->LazyOp = FlagOp.None;
        }
    }

    /// <summary>Replaces only the flags in <paramref name="mask"/>.</summary>
    public void SetFlags(ulong mask, ulong values)
    {
        if ((mask & RFlags.Arith) != RFlags.Arith)
        {
            Rflags = (Rflags & ~mask) | (values & mask);
            return;
        }
        ReplaceStatusFlags(State, mask, values);
    }

    /// <summary>
    /// <see cref="SetFlags"/> for a mask that holds all six status flags (COMISD, POPF-like
    /// handlers, and compiled COMISD): the lazy record is replaced whole, so it need not be
    /// evaluated, and FlagsBase holds the other flags whatever the record says.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReplaceStatusFlags(CpuState* s, ulong mask, ulong values)
    {
        s->FlagsBase = (s->FlagsBase & ~mask) | (values & mask) | RFlags.Reserved1;
        s->LazyOp = FlagOp.None;
    }

    public bool CarryFlag => LazyCarry(State);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SizeMask(int size) => size == 8 ? ulong.MaxValue : (1UL << (size * 8)) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SignExtend(ulong v, int size) => size switch
    {
        1 => (sbyte)v,
        2 => (short)v,
        4 => (int)v,
        _ => (long)v,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Parity(ulong result) => (BitOperations.PopCount(result & 0xFF) & 1) == 0 ? RFlags.PF : 0;

    /// <summary>ZF, SF and PF of a result of the given size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ResultFlags(ulong result, int size)
    {
        ulong m = SizeMask(size);
        ulong f = Parity(result);
        if ((result & m) == 0) f |= RFlags.ZF;
        if (((result >> (size * 8 - 1)) & 1) != 0) f |= RFlags.SF;
        return f;
    }

    private ulong ComputeArith()
    {
        CpuState* s = State;
        int size = s->LazySize;
        int top = size * 8 - 1;
        ulong m = SizeMask(size);
        ulong a = s->LazyA & m, b = s->LazyB & m, r = s->LazyResult & m;
        ulong f = ResultFlags(r, size);
        switch (s->LazyOp)
        {
            case FlagOp.Add:
                if (r < a) f |= RFlags.CF;
                if ((((a ^ r) & (b ^ r)) >> top & 1) != 0) f |= RFlags.OF;
                f |= (a ^ b ^ r) & RFlags.AF;
                break;
            case FlagOp.Sub:
                if (a < b) f |= RFlags.CF;
                if ((((a ^ b) & (a ^ r)) >> top & 1) != 0) f |= RFlags.OF;
                f |= (a ^ b ^ r) & RFlags.AF;
                break;
            case FlagOp.Logic:
                break;
            case FlagOp.Inc:
                f |= s->FlagsBase & RFlags.CF;
                if (r == 1UL << top) f |= RFlags.OF;
                f |= (a ^ 1 ^ r) & RFlags.AF;
                break;
            case FlagOp.Dec:
                f |= s->FlagsBase & RFlags.CF;
                if (a == 1UL << top) f |= RFlags.OF;
                f |= (a ^ 1 ^ r) & RFlags.AF;
                break;
            case FlagOp.Shl:
                f = Inst.ShlFlags(a, r, (int)s->LazyB, size);
                break;
            case FlagOp.Shr:
                f = Inst.ShrFlags(a, r, (int)s->LazyB, size);
                break;
            case FlagOp.Sar:
                f = Inst.SarFlags(SignExtend(a, size), r, (int)s->LazyB, size);
                break;
        }
        return f;
    }

    /// <summary>Evaluates condition code <paramref name="cc"/> (0=O .. 15=G, in x86 encoding order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Condition(int cc)
    {
        CpuState* s = State;
        // Fast paths for the overwhelmingly common compare-and-branch pairs.
        if (s->LazyOp == FlagOp.Sub)
        {
            int size = s->LazySize;
            ulong m = SizeMask(size);
            ulong a = s->LazyA & m, b = s->LazyB & m;
            switch (cc)
            {
                case 2: return a < b;
                case 3: return a >= b;
                case 4: return a == b;
                case 5: return a != b;
                case 6: return a <= b;
                case 7: return a > b;
                case 8: return SignExtend(s->LazyResult, size) < 0;
                case 9: return SignExtend(s->LazyResult, size) >= 0;
                case 12: return SignExtend(a, size) < SignExtend(b, size);
                case 13: return SignExtend(a, size) >= SignExtend(b, size);
                case 14: return SignExtend(a, size) <= SignExtend(b, size);
                case 15: return SignExtend(a, size) > SignExtend(b, size);
            }
        }
        else if (s->LazyOp != FlagOp.None)
        {
            // ZF and SF depend only on the result, whatever operation produced it.
            int size = s->LazySize;
            ulong r = s->LazyResult & SizeMask(size);
            switch (cc)
            {
                case 4: return r == 0;
                case 5: return r != 0;
                case 8: return SignExtend(r, size) < 0;
                case 9: return SignExtend(r, size) >= 0;
            }
            if (s->LazyOp == FlagOp.Logic)
            {
                // CF = OF = 0 after a logic op.
                switch (cc)
                {
                    case 2: case 0: return false;
                    case 3: case 1: return true;
                    case 6: return r == 0;
                    case 7: return r != 0;
                    case 12: return SignExtend(r, size) < 0;
                    case 13: return SignExtend(r, size) >= 0;
                    case 14: return SignExtend(r, size) <= 0;
                    case 15: return SignExtend(r, size) > 0;
                }
            }
        }
        return ConditionFromFlags(cc, Rflags);
    }

    public static bool ConditionFromFlags(int cc, ulong f)
    {
        bool cf = (f & RFlags.CF) != 0, zf = (f & RFlags.ZF) != 0, sf = (f & RFlags.SF) != 0;
        bool of = (f & RFlags.OF) != 0, pf = (f & RFlags.PF) != 0;
        bool r = (cc >> 1) switch
        {
            0 => of,
            1 => cf,
            2 => zf,
            3 => cf || zf,
            4 => sf,
            5 => pf,
            6 => sf != of,
            _ => zf || sf != of,
        };
        return (cc & 1) != 0 ? !r : r;
    }
}
