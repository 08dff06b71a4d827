using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FtEmu.Cpu;

/// <summary>
/// Host-arithmetic fast path for SSE ADD/SUB/MUL/DIV/SQRT (single and double), bit-exact with the
/// software path in <see cref="SseFloat"/> wherever it accepts; it declines (returns false, touching
/// nothing) everywhere else and the caller takes the slow path from scratch.
/// </summary>
/// <remarks>
/// Precondition (checked here): MXCSR rounds to nearest and PE is masked; every operand is finite and
/// normal or zero; the result is zero only where it is exact by construction, otherwise it is finite
/// and normal with a margin above the smallest normal (see the per-operation bounds). Then no IE, DE,
/// ZE, OE or UE can arise, DAZ and FTZ change nothing (no denormal in or out, nothing tiny), and the
/// IEEE binary64 operations of .NET (bit-identical on every host) give the correctly rounded result.
/// Single precision is computed in double and rounded once more: for +, -, *, / and sqrt of 24-bit
/// operands a 53-bit intermediate never changes the nearest-even result (53 >= 2*24 + 2), and the
/// host's float precision is never relied on. PE is then exact:
/// <list type="bullet">
/// <item>add/sub: with |big| >= |small| and r = RN(big + small), r - big is exactly representable
/// (Dekker's Fast2Sum, valid with gradual underflow), so the sum is inexact iff r - big != small.</item>
/// <item>mul/div/sqrt: the residual x*y - r, x - r*y or x - r*r is a representable number when the
/// bounds below hold (it is a multiple of 2^-1074 with at most 53 significant bits), so the FMA returns
/// it exactly and it is nonzero iff the result is inexact. In single precision the residuals are
/// computed in double, where they are always exact.</item>
/// </list>
/// When MXCSR already has PE the residual is skipped and PE left out of the flags: the caller ORs
/// the flags into MXCSR, where PE is already set, and PE is masked, so nothing traps on it.
/// </remarks>
internal static class SseFastFloat
{
    // MXCSR: rounding control (bits 13-14) must be 0 (nearest) and PM (bit 12) set.
    private const uint RcPm = 0x7000, Pm = 0x1000;

    // Double: a nonzero mul/div/sqrt result, and a nonzero dividend or radicand, need a biased exponent
    // of at least 128 (2^-895). Then the residual's lowest bit, 2^(Er+Ey-104) for mul and div and
    // 2^(2Er-104) for sqrt, is at least 2^-1074 (Er+Ey >= Ex-1 >= -896 for div, Ex+Ey >= Er-1 for
    // mul), and the result is far from the tininess threshold.
    private const int MinExp64 = 128;

    // Single: residuals are exact in double at any float exponent; a result at biased exponent >= 2
    // (2^-125) exceeds 2^-126 before rounding too, so it is not tiny.
    private const int MinExp32 = 2;

    // PE is sticky: once MXCSR has it, whether this result is exact changes nothing, so the
    // residual that decides it is computed only while PE is clear (glibc code sets it early on).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool PeClear(uint mxcsr) => (mxcsr & SseFloat.PE) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Exp32(uint x) => (int)(x >> 23) & 0xFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Exp64(ulong x) => (int)(x >> 52) & 0x7FF;

    // Normal or zero (not denormal, infinite or NaN).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Plain32(uint x) => (uint)(Exp32(x) - 1) < 0xFE || (x & 0x7FFFFFFF) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Plain64(ulong x) => (uint)(Exp64(x) - 1) < 0x7FE || (x & 0x7FFFFFFFFFFFFFFF) == 0;

    private static float F(uint x) => BitConverter.UInt32BitsToSingle(x);
    private static double D(ulong x) => BitConverter.UInt64BitsToDouble(x);
    private static uint B(float x) => BitConverter.SingleToUInt32Bits(x);
    private static ulong B(double x) => BitConverter.DoubleToUInt64Bits(x);

    /// <summary>Add, Sub, Mul or Div on binary32 lanes; false when the precondition fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOp32(FOp op, uint a, uint b, uint mxcsr, ref uint flags, out uint result)
    {
        result = 0;
        if ((mxcsr & RcPm) != Pm || !Plain32(a) || !Plain32(b)) return false;
        double x = F(a), y = F(b);
        float r;
        switch (op)
        {
            case FOp.Add:
            case FOp.Sub:
            {
                if (op == FOp.Sub) y = -y;
                r = (float)(x + y);
                if (r == 0) break; // the exact sum is a multiple of 2^-149, so a zero is exact
                if ((uint)(Exp32(B(r)) - 1) >= 0xFE) return false;
                (double big, double small) = Math.Abs(x) >= Math.Abs(y) ? (x, y) : (y, x);
                if (PeClear(mxcsr) && (double)r - big != small) flags |= SseFloat.PE;
                break;
            }
            case FOp.Mul:
            {
                double d = x * y; // exact: 24x24 bits
                r = (float)d;
                if (x == 0 || y == 0) break;
                if ((uint)(Exp32(B(r)) - MinExp32) > 0xFE - MinExp32) return false;
                if (PeClear(mxcsr) && (double)r != d) flags |= SseFloat.PE;
                break;
            }
            case FOp.Div:
            {
                if (y == 0) return false;
                r = (float)(x / y);
                if (x == 0) break;
                if ((uint)(Exp32(B(r)) - MinExp32) > 0xFE - MinExp32) return false;
                if (PeClear(mxcsr) && Math.FusedMultiplyAdd(-(double)r, y, x) != 0) flags |= SseFloat.PE;
                break;
            }
            default:
                return false;
        }
        result = B(r);
        return true;
    }

    /// <summary>SQRTSS/SQRTPS lane; false when the precondition fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TrySqrt32(uint a, uint mxcsr, ref uint flags, out uint result)
    {
        result = a;
        if ((mxcsr & RcPm) != Pm) return false;
        if ((a & 0x7FFFFFFF) == 0) return true; // sqrt(+-0) = +-0
        if ((uint)(Exp32(a) - 1) >= 0xFE || (a & 0x80000000) != 0) return false;
        double x = F(a);
        float r = (float)Math.Sqrt(x);
        if (PeClear(mxcsr) && Math.FusedMultiplyAdd(-(double)r, r, x) != 0) flags |= SseFloat.PE;
        result = B(r);
        return true;
    }

    /// <summary>What the binary64 cores return when the precondition fails: a NaN, which they never compute (their results are finite).</summary>
    private const ulong Declined64 = ulong.MaxValue;

    /// <summary>Add, Sub, Mul or Div on binary64 lanes; false when the precondition fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOp64(FOp op, ulong a, ulong b, uint mxcsr, ref uint flags, out ulong result)
    {
        result = (mxcsr & RcPm) == Pm ? Op64(op, a, b, PeClear(mxcsr), ref flags) : Declined64;
        return result != Declined64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Op64(FOp op, ulong a, ulong b, bool computePe, ref uint flags)
    {
        if (!Plain64(a) || !Plain64(b)) return Declined64;
        double x = D(a), y = D(b);
        double r;
        switch (op)
        {
            case FOp.Add:
            case FOp.Sub:
            {
                if (op == FOp.Sub) y = -y;
                r = x + y;
                if (r == 0) break; // the exact sum is a multiple of 2^-1074, so a zero is exact
                // A normal r means the exact sum is at least 2^-1022 (smaller sums are exact denormals).
                if ((uint)(Exp64(B(r)) - 1) >= 0x7FE) return Declined64;
                (double big, double small) = Math.Abs(x) >= Math.Abs(y) ? (x, y) : (y, x);
                if (computePe && r - big != small) flags |= SseFloat.PE;
                break;
            }
            case FOp.Mul:
            {
                r = x * y;
                if (x == 0 || y == 0) break;
                if ((uint)(Exp64(B(r)) - MinExp64) > 0x7FE - MinExp64) return Declined64;
                if (computePe && Math.FusedMultiplyAdd(x, y, -r) != 0) flags |= SseFloat.PE;
                break;
            }
            case FOp.Div:
            {
                if (y == 0) return Declined64;
                r = x / y;
                if (x == 0) break;
                if (Exp64(a) < MinExp64 || (uint)(Exp64(B(r)) - MinExp64) > 0x7FE - MinExp64) return Declined64;
                if (computePe && Math.FusedMultiplyAdd(-r, y, x) != 0) flags |= SseFloat.PE;
                break;
            }
            default:
                return Declined64;
        }
        return B(r);
    }

    /// <summary>SQRTSD/SQRTPD lane; false when the precondition fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TrySqrt64(ulong a, uint mxcsr, ref uint flags, out ulong result)
    {
        result = (mxcsr & RcPm) == Pm ? Sqrt64(a, PeClear(mxcsr), ref flags) : Declined64;
        return result != Declined64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Sqrt64(ulong a, bool computePe, ref uint flags)
    {
        if ((a & 0x7FFFFFFFFFFFFFFF) == 0) return a; // sqrt(+-0) = +-0
        if ((uint)(Exp64(a) - MinExp64) > 0x7FE - MinExp64 || (a >> 63) != 0) return Declined64;
        double x = D(a);
        double r = Math.Sqrt(x);
        if (computePe && Math.FusedMultiplyAdd(-r, r, x) != 0) flags |= SseFloat.PE;
        return B(r);
    }

    // ---- For compiled code: the binary64 preconditions on values as doubles, while MXCSR already has PE ----
    //
    // Compiled code keeps XMM values in vector registers, so it tests magnitudes there instead of
    // exponent fields in general registers: an exponent field in [e, 0x7FE] is a magnitude in
    // [2^(e-1023), MaxValue], and a NaN fails every compare. Accepting only while MXCSR already has
    // PE (rounding to nearest, PE masked) means an accepted operation leaves MXCSR as it is, so
    // nothing is stored and no residual is computed. They return NaN (which they never compute) to
    // decline; the caller then takes the full path from scratch.

    /// <summary>2^-1022: exponent field 1, the smallest normal.</summary>
    private const double MinNormal64 = 2.2250738585072014E-308;
    /// <summary>2^-895: exponent field <see cref="MinExp64"/>, the bound for mul/div/sqrt above.</summary>
    private const double MinMulDiv64 = 3.785766995733679E-270;

    /// <summary>Whether MXCSR lets the sticky paths accept: round to nearest, PE masked and already set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Sticky(uint mxcsr) => (mxcsr & (RcPm | SseFloat.PE)) == (Pm | SseFloat.PE);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InRange(double magnitude, double min) => magnitude >= min && magnitude <= double.MaxValue;

    /// <summary>Normal or zero (not denormal, infinite or NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NormalOrZero(double x) => PlainMagnitude(Math.Abs(x));

    /// <summary>Normal or zero, given its magnitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool PlainMagnitude(double magnitude) => magnitude == 0 || InRange(magnitude, MinNormal64);

    /// <summary>
    /// <see cref="TryOp64"/>'s add, sub, mul or div of one lane for compiled code; NaN when it declines.
    /// Computed as the packed form on the value in both lanes: the vector compares decide with one
    /// branch, where scalar compares left a dozen (spectral ran 20% slower so).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Op64Sticky(FOp op, uint mxcsr, double x, double y) =>
        PackedOp64Sticky(op, mxcsr, Vector128.Create(x), Vector128.Create(y)).ToScalar();

    /// <summary>Add, sub, mul or div on both lanes at once, with <see cref="TryOp64"/>'s precondition for each; all NaN when either lane declines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> PackedOp64Sticky(FOp op, uint mxcsr, Vector128<double> x, Vector128<double> y)
    {
        var declined = Vector128.Create(double.NaN);
        if (!Sticky(mxcsr)) return declined;
        Vector128<double> zero = Vector128<double>.Zero, ax = Vector128.Abs(x);
        Vector128<double> ok = PlainMagnitudes(ax) & PlainMagnitudes(Vector128.Abs(y)), r;
        switch (op)
        {
            case FOp.Add:
            case FOp.Sub:
                r = op == FOp.Add ? x + y : x - y;
                ok &= Vector128.Equals(r, zero) | InRanges(Vector128.Abs(r), MinNormal64);
                break;
            case FOp.Mul:
                r = x * y;
                ok &= Vector128.Equals(x, zero) | Vector128.Equals(y, zero) | InRanges(Vector128.Abs(r), MinMulDiv64);
                break;
            case FOp.Div:
                r = x / y;
                ok &= ~Vector128.Equals(y, zero)
                    & (Vector128.Equals(x, zero) | (Vector128.GreaterThanOrEqual(ax, Vector128.Create(MinMulDiv64)) & InRanges(Vector128.Abs(r), MinMulDiv64)));
                break;
            default:
                return declined;
        }
        return ok.AsUInt64() == Vector128<ulong>.AllBitsSet ? r : declined;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> InRanges(Vector128<double> magnitude, double min) =>
        Vector128.GreaterThanOrEqual(magnitude, Vector128.Create(min)) & Vector128.LessThanOrEqual(magnitude, Vector128.Create(double.MaxValue));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> PlainMagnitudes(Vector128<double> magnitude) =>
        Vector128.Equals(magnitude, Vector128<double>.Zero) | InRanges(magnitude, MinNormal64);

    /// <summary><see cref="TrySqrt64"/> of one lane for compiled code; NaN when it declines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sqrt64Sticky(uint mxcsr, double x)
    {
        if (!Sticky(mxcsr)) return double.NaN;
        if (x == 0) return x; // sqrt(+-0) = +-0
        return InRange(x, MinMulDiv64) ? Math.Sqrt(x) : double.NaN; // negative, tiny, infinite and NaN fail
    }
}
