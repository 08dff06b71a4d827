using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Multiplication and division: MUL, IMUL (one, two and three operands), DIV, IDIV at every width.
/// A zero divisor or a quotient that does not fit raises #DE, which Linux delivers as SIGFPE/FPE_INTDIV.
/// </summary>
/// <remarks>
/// Undefined flags follow the AMD Zen host: MUL/IMUL leave SF, ZF, AF and PF unchanged; DIV/IDIV
/// keep CF and OF, clear SF, ZF and PF and set AF.
/// </remarks>
public static unsafe partial class Inst
{
    private static void RegisterMulDiv(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Mul, &Mul);
        r.Add(Mnemonic.Imul, &Imul);
        r.Add(Mnemonic.Div, &Div);
        r.Add(Mnemonic.Idiv, &Idiv);
    }

    /// <summary>Flags of a multiply: CF=OF=<paramref name="overflow"/>; the rest stay as they were.</summary>
    internal static void SetMulFlags(Cpu cpu, bool overflow) =>
        cpu.SetFlags(RFlags.CF | RFlags.OF, overflow ? RFlags.CF | RFlags.OF : 0);

    private static void SetDivFlags(Cpu cpu) =>
        cpu.SetFlags(RFlags.SF | RFlags.ZF | RFlags.PF | RFlags.AF, RFlags.AF);

    public static void Mul(Cpu cpu, ref DecodedOp op)
    {
        ulong b = ReadOp0(cpu, ref op);
        ulong a = cpu.Gpr(Reg.Rax);
        ulong lo, hi;
        int size = op.Size0;
        switch (size)
        {
            case 1:
            {
                uint p = (uint)(byte)a * (byte)b;
                cpu.WriteGpr(Reg.Rax, 2, p);
                lo = (byte)p;
                hi = p >> 8;
                break;
            }
            case 2:
            {
                uint p = (uint)(ushort)a * (ushort)b;
                lo = (ushort)p;
                hi = p >> 16;
                cpu.WriteGpr(Reg.Rax, 2, lo);
                cpu.WriteGpr(Reg.Rdx, 2, hi);
                break;
            }
            case 4:
            {
                ulong p = (ulong)(uint)a * (uint)b;
                lo = (uint)p;
                hi = p >> 32;
                cpu.WriteGpr(Reg.Rax, 4, lo);
                cpu.WriteGpr(Reg.Rdx, 4, hi);
                break;
            }
            default:
                hi = Math.BigMul(a, b, out lo);
                cpu.Gpr(Reg.Rax) = lo;
                cpu.Gpr(Reg.Rdx) = hi;
                break;
        }
        SetMulFlags(cpu, hi != 0);
    }

    public static void Imul(Cpu cpu, ref DecodedOp op)
    {
        if (op.OpCount == 1)
        {
            ImulWidening(cpu, ref op);
            return;
        }
        int size = op.Size0;
        long a, b;
        if (op.OpCount == 2)
        {
            a = Cpu.SignExtend(cpu.ReadGpr(op.Reg0, size), size);
            b = Cpu.SignExtend(ReadOp1(cpu, ref op), size);
        }
        else
        {
            a = Cpu.SignExtend(ReadOp1(cpu, ref op), size);
            b = Cpu.SignExtend(op.Imm, size);
        }
        long lo;
        bool overflow;
        if (size == 8)
        {
            long hi = Math.BigMul(a, b, out lo);
            overflow = hi != lo >> 63;
        }
        else
        {
            // Both factors fit in 32 bits, so the exact product fits in 64.
            long p = a * b;
            lo = Cpu.SignExtend((ulong)p, size);
            overflow = lo != p;
        }
        cpu.WriteGpr(op.Reg0, size, (ulong)lo);
        SetMulFlags(cpu, overflow);
    }

    private static void ImulWidening(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        long b = Cpu.SignExtend(ReadOp0(cpu, ref op), size);
        long a = Cpu.SignExtend(cpu.Gpr(Reg.Rax), size);
        long lo;
        bool overflow;
        switch (size)
        {
            case 1:
            {
                long p = a * b;
                cpu.WriteGpr(Reg.Rax, 2, (ulong)p);
                lo = (sbyte)p;
                overflow = lo != p;
                break;
            }
            case 2:
            {
                long p = a * b;
                cpu.WriteGpr(Reg.Rax, 2, (ulong)p);
                cpu.WriteGpr(Reg.Rdx, 2, (ulong)(p >> 16));
                lo = (short)p;
                overflow = lo != p;
                break;
            }
            case 4:
            {
                long p = a * b;
                cpu.WriteGpr(Reg.Rax, 4, (ulong)p);
                cpu.WriteGpr(Reg.Rdx, 4, (ulong)(p >> 32));
                lo = (int)p;
                overflow = lo != p;
                break;
            }
            default:
            {
                long hi = Math.BigMul(a, b, out lo);
                cpu.Gpr(Reg.Rax) = (ulong)lo;
                cpu.Gpr(Reg.Rdx) = (ulong)hi;
                overflow = hi != lo >> 63;
                break;
            }
        }
        SetMulFlags(cpu, overflow);
    }

    private static GuestFault DivideError(ref DecodedOp op) =>
        new(GuestFault.SIGFPE, GuestFault.FPE_INTDIV, op.Ip);

    public static void Div(Cpu cpu, ref DecodedOp op)
    {
        ulong d = ReadOp0(cpu, ref op);
        if (d == 0) throw DivideError(ref op);
        ulong rax = cpu.Gpr(Reg.Rax), rdx = cpu.Gpr(Reg.Rdx);
        switch (op.Size0)
        {
            case 1:
            {
                uint n = (ushort)rax;
                uint q = n / (uint)d;
                if (q > 0xFF) throw DivideError(ref op);
                cpu.WriteGpr(Reg.Rax, 2, ((n % (uint)d) << 8) | q);
                break;
            }
            case 2:
            {
                uint n = ((uint)(ushort)rdx << 16) | (ushort)rax;
                uint q = n / (uint)d;
                if (q > 0xFFFF) throw DivideError(ref op);
                cpu.WriteGpr(Reg.Rax, 2, q);
                cpu.WriteGpr(Reg.Rdx, 2, n % (uint)d);
                break;
            }
            case 4:
            {
                ulong n = ((ulong)(uint)rdx << 32) | (uint)rax;
                ulong q = n / d;
                if (q > 0xFFFF_FFFF) throw DivideError(ref op);
                cpu.WriteGpr(Reg.Rax, 4, q);
                cpu.WriteGpr(Reg.Rdx, 4, n % d);
                break;
            }
            default:
            {
                if (rdx == 0)
                {
                    cpu.Gpr(Reg.Rax) = rax / d;
                    cpu.Gpr(Reg.Rdx) = rax % d;
                    break;
                }
                if (rdx >= d) throw DivideError(ref op);
                cpu.Gpr(Reg.Rax) = Divide128(rdx, rax, d, out cpu.Gpr(Reg.Rdx));
                break;
            }
        }
        SetDivFlags(cpu);
    }

    /// <summary>(hi:lo) / d with hi &lt; d, so the quotient fits 64 bits.</summary>
    /// <remarks>
    /// Apart from <see cref="Div"/>: ReadyToRun does not precompile code using UInt128, and DIV
    /// (in every printf) was JIT-compiled at start-up for the sake of this rare case.
    /// </remarks>
    private static ulong Divide128(ulong hi, ulong lo, ulong d, out ulong remainder)
    {
        var n = new UInt128(hi, lo);
        UInt128 q = n / d;
        remainder = (ulong)(n - q * d);
        return (ulong)q;
    }

    public static void Idiv(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        long d = Cpu.SignExtend(ReadOp0(cpu, ref op), size);
        if (d == 0) throw DivideError(ref op);
        ulong rax = cpu.Gpr(Reg.Rax), rdx = cpu.Gpr(Reg.Rdx);
        switch (size)
        {
            case 1:
            {
                long n = (short)rax;
                long q = n / d;
                if (q != (sbyte)q) throw DivideError(ref op);
                cpu.WriteGpr(Reg.Rax, 2, ((ulong)(byte)(n % d) << 8) | (byte)q);
                break;
            }
            case 2:
            {
                long n = (int)(((uint)(ushort)rdx << 16) | (ushort)rax);
                long q = n / d;
                if (q != (short)q) throw DivideError(ref op);
                cpu.WriteGpr(Reg.Rax, 2, (ulong)q);
                cpu.WriteGpr(Reg.Rdx, 2, (ulong)(n % d));
                break;
            }
            case 4:
            {
                long n = (long)(((ulong)(uint)rdx << 32) | (uint)rax);
                // long.MinValue / -1 would trap in .NET; its quotient does not fit 32 bits anyway.
                if (d == -1 && n == long.MinValue) throw DivideError(ref op);
                long q = n / d;
                if (q != (int)q) throw DivideError(ref op);
                cpu.WriteGpr(Reg.Rax, 4, (ulong)q);
                cpu.WriteGpr(Reg.Rdx, 4, (ulong)(n % d));
                break;
            }
            default:
            {
                long q, rem;
                if ((long)rdx == (long)rax >> 63)
                {
                    // The dividend fits 64 bits.
                    long n = (long)rax;
                    if (d == -1 && n == long.MinValue) throw DivideError(ref op);
                    q = n / d;
                    rem = n % d;
                }
                else
                {
                    // A dividend beyond 64 bits divided by -1 or 1 cannot fit; other divisors may.
                    if (d == -1 || d == 1) throw DivideError(ref op);
                    Int128 n = (Int128)new UInt128(rdx, rax);
                    Int128 q128 = n / d;
                    if (q128 != (long)q128) throw DivideError(ref op);
                    q = (long)q128;
                    rem = (long)(n - q128 * d);
                }
                cpu.Gpr(Reg.Rax) = (ulong)q;
                cpu.Gpr(Reg.Rdx) = (ulong)rem;
                break;
            }
        }
        SetDivFlags(cpu);
    }
}
