using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>
/// Inline IL for the widening MUL/IMUL (one operand) and DIV/IDIV: the operands come from the
/// register cache, the arithmetic is a helper with the interpreter's cases (inlined by .NET, its
/// size a constant), the results go back to the cache. The flags (CF/OF of a multiply; SF, ZF, PF,
/// AF of a divide) are stored through the interpreter's own SetFlags where the plan says they are
/// observed: these are partial writers.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    private static MethodInfo Helper(string name) => typeof(JitEmitter).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!;

    private static readonly MethodInfo s_mulWide = Helper(nameof(MulWide));
    private static readonly MethodInfo s_divWide = Helper(nameof(DivWide));
    private static readonly MethodInfo s_idivWide = Helper(nameof(IdivWide));
    private static readonly MethodInfo s_setDivFlags = Helper(nameof(SetDivFlags));

    /// <summary>MUL/IMUL r/m (one operand), DIV/IDIV r/m.</summary>
    private void EmitMulDiv(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        bool div = p.Alu is JitAlu.Div or JitAlu.Idiv;
        var second = _il.DeclareLocal(typeof(ulong));
        if (!div)
        {
            // lo := MulWide(rax, r/m, size, signed, out hi, out overflow)
            var overflow = _il.DeclareLocal(typeof(bool));
            LoadGpr(Reg.Rax, 8);
            LoadOperand0(ref op);
            _il.Emit(OpCodes.Ldc_I4, size);
            _il.Emit(p.Alu == JitAlu.Imul ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
            _il.Emit(OpCodes.Ldloca, second);
            _il.Emit(OpCodes.Ldloca, overflow);
            _il.Emit(OpCodes.Call, s_mulWide);
            _il.Emit(OpCodes.Stloc, _t0);
            StoreResults(size, second);
            if (!p.StoreFlags) return;
            _il.Emit(OpCodes.Ldarg_1);
            _il.Emit(OpCodes.Ldloc, overflow);
            _il.Emit(OpCodes.Call, JitLayout.SetMulFlags);
            return;
        }
        // q := DivWide(rax, rdx, r/m, size, ip, out rem); the divisor is read (and may fault) first.
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t1);
        LoadGpr(Reg.Rax, 8);
        LoadGpr(Reg.Rdx, 8);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldc_I4, size);
        _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
        _il.Emit(OpCodes.Ldloca, second);
        _il.Emit(OpCodes.Call, p.Alu == JitAlu.Div ? s_divWide : s_idivWide);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreResults(size, second);
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Call, s_setDivFlags);
    }

    /// <summary>Byte forms: AX := the 16-bit value in _t0; wider ones: rAX := _t0, rDX := second.</summary>
    private void StoreResults(int size, LocalBuilder second)
    {
        if (size == 1)
        {
            StoreGpr(Reg.Rax, 2, _t0);
            return;
        }
        StoreGpr(Reg.Rax, size, _t0);
        StoreGpr(Reg.Rdx, size, second);
    }

    /// <summary>
    /// As Inst.Mul/ImulWidening: the low half (for bytes: the whole 16-bit product for AX), the
    /// high half and whether the product does not fit the low half.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulWide(ulong a, ulong b, int size, bool signed, out ulong hi, out bool overflow)
    {
        switch (size)
        {
            case 1:
            {
                hi = 0;
                if (signed)
                {
                    long p = (long)(sbyte)a * (sbyte)b;
                    overflow = (sbyte)p != p;
                    return (ulong)p;
                }
                uint u = (uint)(byte)a * (byte)b;
                overflow = u >> 8 != 0;
                return u;
            }
            case 2:
            {
                if (signed)
                {
                    long p = (long)(short)a * (short)b;
                    hi = (ulong)(p >> 16);
                    overflow = (short)p != p;
                    return (ulong)p;
                }
                uint u = (uint)(ushort)a * (ushort)b;
                hi = u >> 16;
                overflow = hi != 0;
                return u;
            }
            case 4:
            {
                if (signed)
                {
                    long p = (long)(int)a * (int)b;
                    hi = (ulong)(p >> 32);
                    overflow = (int)p != p;
                    return (ulong)p;
                }
                ulong u = (ulong)(uint)a * (uint)b;
                hi = u >> 32;
                overflow = hi != 0;
                return u;
            }
            default:
            {
                if (signed)
                {
                    long h = Math.BigMul((long)a, (long)b, out long lo);
                    hi = (ulong)h;
                    overflow = h != lo >> 63;
                    return (ulong)lo;
                }
                hi = Math.BigMul(a, b, out ulong ulo);
                overflow = hi != 0;
                return ulo;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDivideError(ulong ip) => throw new GuestFault(GuestFault.SIGFPE, GuestFault.FPE_INTDIV, ip);

    /// <summary>As Inst.Div: the quotient (for bytes: AX, remainder in AH) and the remainder, or #DE.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DivWide(ulong rax, ulong rdx, ulong d, int size, ulong ip, out ulong rem)
    {
        if (d == 0) ThrowDivideError(ip);
        switch (size)
        {
            case 1:
            {
                uint n = (ushort)rax;
                uint q = n / (uint)d;
                if (q > 0xFF) ThrowDivideError(ip);
                rem = 0;
                return ((n % (uint)d) << 8) | q;
            }
            case 2:
            {
                uint n = ((uint)(ushort)rdx << 16) | (ushort)rax;
                uint q = n / (uint)d;
                if (q > 0xFFFF) ThrowDivideError(ip);
                rem = n % (uint)d;
                return q;
            }
            case 4:
            {
                ulong n = ((ulong)(uint)rdx << 32) | (uint)rax;
                ulong q = n / d;
                if (q > 0xFFFF_FFFF) ThrowDivideError(ip);
                rem = n % d;
                return q;
            }
            default:
            {
                if (rdx == 0)
                {
                    rem = rax % d;
                    return rax / d;
                }
                if (rdx >= d) ThrowDivideError(ip);
                var n = new UInt128(rdx, rax);
                UInt128 q = n / d;
                rem = (ulong)(n - q * d);
                return (ulong)q;
            }
        }
    }

    /// <summary>As Inst.Idiv: the quotient (for bytes: AX, remainder in AH) and the remainder, or #DE.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong IdivWide(ulong rax, ulong rdx, ulong divisor, int size, ulong ip, out ulong rem)
    {
        long d = Cpu.SignExtend(divisor, size);
        if (d == 0) ThrowDivideError(ip);
        switch (size)
        {
            case 1:
            {
                long n = (short)rax;
                long q = n / d;
                if (q != (sbyte)q) ThrowDivideError(ip);
                rem = 0;
                return ((ulong)(byte)(n % d) << 8) | (byte)q;
            }
            case 2:
            {
                long n = (int)(((uint)(ushort)rdx << 16) | (ushort)rax);
                long q = n / d;
                if (q != (short)q) ThrowDivideError(ip);
                rem = (ulong)(n % d);
                return (ulong)q;
            }
            case 4:
            {
                long n = (long)(((ulong)(uint)rdx << 32) | (uint)rax);
                if (d == -1 && n == long.MinValue) ThrowDivideError(ip);
                long q = n / d;
                if (q != (int)q) ThrowDivideError(ip);
                rem = (ulong)(n % d);
                return (ulong)q;
            }
            default:
            {
                long q, r;
                if ((long)rdx == (long)rax >> 63)
                {
                    long n = (long)rax;
                    if (d == -1 && n == long.MinValue) ThrowDivideError(ip);
                    q = n / d;
                    r = n % d;
                }
                else
                {
                    if (d == -1 || d == 1) ThrowDivideError(ip);
                    Int128 n = (Int128)new UInt128(rdx, rax);
                    Int128 q128 = n / d;
                    if (q128 != (long)q128) ThrowDivideError(ip);
                    q = (long)q128;
                    r = (long)(n - q128 * d);
                }
                rem = (ulong)r;
                return (ulong)q;
            }
        }
    }

    /// <summary>The flags of DIV/IDIV as Inst.SetDivFlags: CF and OF kept, SF, ZF, PF clear, AF set.</summary>
    private static void SetDivFlags(Cpu cpu) => cpu.SetFlags(RFlags.SF | RFlags.ZF | RFlags.PF | RFlags.AF, RFlags.AF);
}
