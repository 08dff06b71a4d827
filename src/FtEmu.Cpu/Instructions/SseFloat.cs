using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>Binary floating-point operations of the SSE unit.</summary>
internal enum FOp : byte
{
    Add,
    Sub,
    Mul,
    Div,
    Min,
    Max,
}

/// <summary>
/// MXCSR-aware IEEE arithmetic for SSE, in software so that results, NaN payloads and exception
/// flags are the same on every host. The host's double arithmetic is used only for correctly
/// rounded (nearest-even) results; directed rounding and the inexact flag come from exact error
/// terms (two-sum, fused multiply-add residuals), and NaNs never reach host arithmetic.
/// </summary>
/// <remarks>
/// Known limits: RCPPS/RSQRTPS use 1/x rounded to 12 fraction bits, not a vendor's table (relative
/// error below 1.5*2^-12, as the manuals promise; exact bits differ from Intel and AMD). An unmasked
/// pre-computation exception in any lane reports only the pre-computation flags (SimdFlags). Single precision is computed through exact double residuals;
/// double precision re-derives tininess and overflow at scaled exponents where the host result alone
/// cannot tell.
/// </remarks>
internal static class SseFloat
{
    public const uint IE = 0x01, DE = 0x02, ZE = 0x04, OE = 0x08, UE = 0x10, PE = 0x20, DAZ = 0x40, FTZ = 0x8000;
    public const uint DefaultNaN32 = 0xFFC00000;
    public const ulong DefaultNaN64 = 0xFFF8000000000000;
    private const int Rne = 0, Rd = 1, Ru = 2, Rz = 3;

    private const double Two512 = 1.3407807929942597e154; // 2^512
    private const double TwoM900 = 1.1872293280267476e-271; // 2^-900 (approximately; only a threshold)
    private const double FloatMax = 3.4028234663852886e38;
    private const double FloatMaxHalfUlpAbove = 3.4028235677973366e38; // FloatMax + 2^103, exactly
    private const double Two128 = 3.4028236692093846e38; // 2^128
    private const double DoubleMinNormal = 2.2250738585072014e-308;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Mode(uint mxcsr) => (int)(mxcsr >> 13) & 3;

    // ---- classification ----
    public static bool IsNaN32(uint x) => (x & 0x7FFFFFFF) > 0x7F800000;
    public static bool IsSNaN32(uint x) => IsNaN32(x) && (x & 0x00400000) == 0;
    public static bool IsDenormal32(uint x) => (x & 0x7F800000) == 0 && (x & 0x007FFFFF) != 0;
    public static bool IsNaN64(ulong x) => (x & 0x7FFFFFFFFFFFFFFF) > 0x7FF0000000000000;
    public static bool IsSNaN64(ulong x) => IsNaN64(x) && (x & 0x0008000000000000) == 0;
    public static bool IsDenormal64(ulong x) => (x & 0x7FF0000000000000) == 0 && (x & 0x000FFFFFFFFFFFFF) != 0;

    /// <summary>Applies DAZ to a source operand, or notes a denormal operand in DE.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Src32(uint x, uint mxcsr, ref uint flags)
    {
        if (IsDenormal32(x))
        {
            if ((mxcsr & DAZ) != 0) return x & 0x80000000;
            flags |= DE;
        }
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Src64(ulong x, uint mxcsr, ref uint flags)
    {
        if (IsDenormal64(x))
        {
            if ((mxcsr & DAZ) != 0) return x & 0x8000000000000000;
            flags |= DE;
        }
        return x;
    }

    /// <summary>DAZ without recording DE (instructions that do not report denormal operands).</summary>
    public static uint Daz32(uint x, uint mxcsr) => (mxcsr & DAZ) != 0 && IsDenormal32(x) ? x & 0x80000000 : x;
    public static ulong Daz64(ulong x, uint mxcsr) => (mxcsr & DAZ) != 0 && IsDenormal64(x) ? x & 0x8000000000000000 : x;

    private static float F(uint x) => BitConverter.UInt32BitsToSingle(x);
    private static double D(ulong x) => BitConverter.UInt64BitsToDouble(x);
    private static uint B(float x) => BitConverter.SingleToUInt32Bits(x);
    private static ulong B(double x) => BitConverter.DoubleToUInt64Bits(x);

    // ---- stepping by one ulp on bit patterns (portable, well defined at zero and infinity) ----
    private static uint NextUp32(uint x)
    {
        if ((x & 0x7FFFFFFF) == 0) return 1;
        return (x & 0x80000000) == 0 ? (x == 0x7F800000 ? x : x + 1) : x - 1;
    }

    private static uint NextDown32(uint x)
    {
        if ((x & 0x7FFFFFFF) == 0) return 0x80000001;
        return (x & 0x80000000) != 0 ? (x == 0xFF800000 ? x : x + 1) : x - 1;
    }

    private static ulong NextUp64(ulong x)
    {
        if ((x & 0x7FFFFFFFFFFFFFFF) == 0) return 1;
        return (x & 0x8000000000000000) == 0 ? (x == 0x7FF0000000000000 ? x : x + 1) : x - 1;
    }

    private static ulong NextDown64(ulong x)
    {
        if ((x & 0x7FFFFFFFFFFFFFFF) == 0) return 0x8000000000000001;
        return (x & 0x8000000000000000) != 0 ? (x == 0xFFF0000000000000 ? x : x + 1) : x - 1;
    }

    private static int Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : 0;

    /// <summary>Quiets a NaN (sets the top fraction bit).</summary>
    public static uint Quiet32(uint x) => x | 0x00400000;
    public static ulong Quiet64(ulong x) => x | 0x0008000000000000;

    /// <summary>SSE NaN result of a two-operand operation: the first operand's NaN wins; SNaN raises IE.</summary>
    private static uint NaNResult32(uint a, uint b, ref uint flags)
    {
        if (IsSNaN32(a) || IsSNaN32(b)) flags |= IE;
        return IsNaN32(a) ? Quiet32(a) : Quiet32(b);
    }

    private static ulong NaNResult64(ulong a, ulong b, ref uint flags)
    {
        if (IsSNaN64(a) || IsSNaN64(b)) flags |= IE;
        return IsNaN64(a) ? Quiet64(a) : Quiet64(b);
    }

    // ---- rounding of an exactly described value x = d + (tiny with sign se) ----

    /// <summary>
    /// Rounds x to single precision under MXCSR, where d is x rounded to double (nearest) and se is the
    /// sign of x - d. d must be finite and the operation's operands finite. Sets PE/OE/UE and applies FTZ.
    /// </summary>
    public static uint RoundToSingle(double d, int se, uint mxcsr, ref uint flags)
    {
        uint lf = 0; // this lane's flags: the underflow rules below may take PE back

        int mode = Mode(mxcsr);
        float f = (float)d; // nearest-even
        double df = f;
        int s = d != df ? (d > df ? 1 : -1) : se; // sign of x - f
        uint bits = B(f);
        if (s != 0 && mode == Rne && se != 0 && d != df)
        {
            // d may sit exactly on a midpoint that x is not on: break the tie by x's side.
            uint other = s > 0 ? NextUp32(bits) : NextDown32(bits);
            double mid = float.IsInfinity(f) ? Math.CopySign(FloatMaxHalfUlpAbove, d) : ((double)F(bits) + (double)F(other)) * 0.5;
            if (d == mid && se == s)
            {
                bits = other;
                s = -s;
            }
            else if (float.IsInfinity(f) && d == mid && se != s)
            {
                bits = B(MathF.CopySign(float.MaxValue, f));
                s = -s;
            }
        }
        bool negative = d < 0 || (d == 0 && (B(d) >> 63) != 0);
        // Overflow is judged on the result rounded with an unbounded exponent.
        double ad = Math.Abs(d);
        int sa = negative ? -se : se; // sign of |x| - |d|
        bool aboveMax = ad > FloatMax || (ad == FloatMax && sa > 0);
        bool atLeast2To128 = ad > Two128 || (ad == Two128 && sa >= 0);
        bool overflow = mode switch
        {
            Rne => (bits & 0x7FFFFFFF) == 0x7F800000,
            Rz => atLeast2To128,
            Ru => negative ? atLeast2To128 : aboveMax,
            _ => negative ? aboveMax : atLeast2To128,
        };
        if (s != 0)
        {
            switch (mode)
            {
                case Rd: if (s < 0) bits = NextDown32(bits); break;
                case Ru: if (s > 0) bits = NextUp32(bits); break;
                case Rz:
                    if ((bits & 0x80000000) == 0 ? s < 0 && (bits & 0x7FFFFFFF) != 0 : s > 0) bits = (bits & 0x7FFFFFFF) == 0x7F800000 ? (bits & 0x80000000) | 0x7F7FFFFF : bits - 1;
                    break;
            }
            lf |= PE;
        }
        if (overflow)
        {
            lf |= OE | PE;
            // Overflow unmasked: PE tells whether the result rounded with an unbounded exponent is inexact.
            if ((mxcsr & (OE << 7)) == 0)
            {
                double scaled = Math.ScaleB(d, -Math.ILogB(d));
                lf = (lf & ~PE) | ((double)(float)scaled != scaled || se != 0 ? PE : 0);
            }
        }
        else if (s != 0 && (bits & 0x7FFFFFFF) == 0x00800000 && Math.Abs(d) <= 1.1754943508222875e-38)
        {
            // Tininess is detected after rounding with an unbounded exponent: one more bit of
            // precision below 2^-126, i.e. the same rounding applied to 2x against 2^-125.
            uint ignored = 0;
            uint twice = RoundToSingle(d * 2, se, mxcsr & ~FTZ, ref ignored);
            if ((twice & 0x7FFFFFFF) < 0x01000000)
            {
                if ((mxcsr & FTZ) != 0) bits &= 0x80000000;
                lf |= UE;
            }
        }
        else if ((bits & 0x7FFFFFFF) < 0x00800000 && (s != 0 || (bits & 0x7FFFFFFF) != 0))
        {
            if ((mxcsr & FTZ) != 0 && (mxcsr & (UE << 7)) != 0)
            {
                lf |= UE | PE;
                bits &= 0x80000000;
            }
            else if ((mxcsr & (UE << 7)) == 0)
            {
                // Underflow unmasked: a tiny result traps even when exact, and PE tells whether the result
                // rounded with an unbounded exponent (what the trap handler would get) is inexact.
                double scaled = Math.ScaleB(d, -Math.ILogB(d)); // into [1, 2), exact
                lf = (lf & ~PE) | UE | ((double)(float)scaled != scaled || se != 0 ? PE : 0);
            }
            else if (s != 0) lf |= UE;
        }
        flags |= lf;
        return bits;
    }

    /// <summary>Double-precision counterpart: d is x rounded to nearest (possibly infinite on overflow), s the sign of x - d.</summary>
    public static ulong RoundDouble(double d, int s, uint mxcsr, ref uint flags, FOp op = FOp.Add, double x = 0, double y = 0)
    {
        uint lf = 0; // this lane's flags: the unmasked-exception rules below may take PE back
        int mode = Mode(mxcsr);
        ulong bits = B(d);
        bool overflow = double.IsInfinity(d);
        if (overflow && mode != Rne)
        {
            // Just past the largest double, directed rounding can still land on it without
            // overflowing; decide on the result at half scale, where nothing overflows.
            double xh = x * 0.5;
            double h = op switch { FOp.Mul => xh * y, FOp.Div => xh / y, _ => xh + y * 0.5 };
            int hs = op switch
            {
                FOp.Mul => Sign(Math.FusedMultiplyAdd(xh, y, -h)),
                FOp.Div => Sign(Math.FusedMultiplyAdd(-h, y, xh)) * Sign(y),
                _ => TwoSumSign(xh, y * 0.5, h),
            };
            ulong hb = B(h);
            switch (mode)
            {
                case Rd: if (hs < 0) hb = NextDown64(hb); break;
                case Ru: if (hs > 0) hb = NextUp64(hb); break;
                default: if ((hb >> 63) == 0 ? hs < 0 : hs > 0) hb -= 1; break;
            }
            overflow = Math.Abs(D(hb)) >= 8.98846567431158e307; // 2^1023
        }
        if (s != 0)
        {
            switch (mode)
            {
                case Rd: if (s < 0) bits = NextDown64(bits); break;
                case Ru: if (s > 0) bits = NextUp64(bits); break;
                case Rz:
                    if ((bits >> 63) == 0 ? s < 0 && (bits & 0x7FFFFFFFFFFFFFFF) != 0 : s > 0) bits -= 1;
                    break;
            }
            lf |= PE;
            if (double.IsInfinity(D(bits))) overflow = true;
        }
        if (overflow)
        {
            lf |= OE | PE;
            // Overflow unmasked: PE tells whether the result rounded with an unbounded exponent is inexact.
            if ((mxcsr & (OE << 7)) == 0 && op is FOp.Mul or FOp.Div or FOp.Add && (x != 0 || y != 0))
                lf = (lf & ~PE) | (InexactUnbounded(op, x, y) ? PE : 0);
        }
        else if (s != 0 && (bits & 0x7FFFFFFFFFFFFFFF) == 0x0010000000000000 && (op is FOp.Mul or FOp.Div) &&
                 (Math.Abs(d) < DoubleMinNormal || (d < 0 ? s > 0 : s < 0)))
        {
            // Tininess is detected after rounding with an unbounded exponent: redo the operation
            // scaled by 2^512, where the host's 53-bit rounding is the unbounded one.
            if (op == FOp.Mul && Math.Abs(x) > Math.Abs(y)) (x, y) = (y, x);
            double xs = x * Two512;
            double ds = op == FOp.Mul ? xs * y : xs / y;
            int ss = op == FOp.Mul ? Sign(Math.FusedMultiplyAdd(xs, y, -ds)) : Sign(Math.FusedMultiplyAdd(-ds, y, xs)) * Sign(y);
            ulong sb = B(ds);
            switch (mode)
            {
                case Rd: if (ss < 0) sb = NextDown64(sb); break;
                case Ru: if (ss > 0) sb = NextUp64(sb); break;
                case Rz: if ((sb >> 63) == 0 ? ss < 0 : ss > 0) sb -= 1; break;
            }
            if (Math.Abs(D(sb)) < DoubleMinNormal * Two512)
            {
                lf |= UE;
                if ((mxcsr & FTZ) != 0) bits &= 0x8000000000000000;
            }
        }
        else if ((bits & 0x7FFFFFFFFFFFFFFF) < 0x0010000000000000 && (s != 0 || (bits & 0x7FFFFFFFFFFFFFFF) != 0))
        {
            bool umMasked = (mxcsr & (UE << 7)) != 0;
            if ((mxcsr & FTZ) != 0 && umMasked)
            {
                lf |= UE | PE;
                bits &= 0x8000000000000000;
            }
            else if (!umMasked)
            {
                // Underflow unmasked: a tiny result traps even when exact, and PE tells whether the result
                // rounded with an unbounded exponent is inexact (a tiny sum is always exact).
                lf |= UE;
                lf &= ~PE;
                if (op is FOp.Mul or FOp.Div && x != 0 && y != 0) lf |= InexactUnbounded(op, x, y) ? PE : 0;
                else if (op != FOp.Add && s != 0) lf |= PE;
            }
            else if (s != 0) lf |= UE;
        }
        flags |= lf;
        return bits;
    }

    /// <summary>
    /// Whether x op y, rounded to 53 bits with an unbounded exponent, is inexact: the operands are
    /// scaled into [1, 2) (exactly), where the host's rounding is the unbounded one.
    /// </summary>
    private static bool InexactUnbounded(FOp op, double x, double y)
    {
        if (op == FOp.Add)
        {
            // Only overflow gets here for sums (tiny sums are exact); halving is exact for such operands.
            double xh = x * 0.5, yh = y * 0.5, h = xh + yh;
            return TwoSumSign(xh, yh, h) != 0;
        }
        double xs = Math.ScaleB(x, -Math.ILogB(x)), ys = Math.ScaleB(y, -Math.ILogB(y));
        if (op == FOp.Mul)
        {
            double p = xs * ys;
            return Math.FusedMultiplyAdd(xs, ys, -p) != 0;
        }
        double q = xs / ys;
        return Math.FusedMultiplyAdd(-q, ys, xs) != 0;
    }

    private static int TwoSumSign(double a, double b, double s)
    {
        if (double.IsInfinity(s)) return -Sign(s);
        double bp = s - a;
        double ap = s - bp;
        return Sign((a - ap) + (b - bp));
    }

    // ---- single precision ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Op32(FOp op, uint a, uint b, uint mxcsr, ref uint flags) =>
        SseFastFloat.TryOp32(op, a, b, mxcsr, ref flags, out uint r) ? r : Op32Slow(op, a, b, mxcsr, ref flags);

    /// <summary>The full software path; <see cref="Op32"/> tries <see cref="SseFastFloat"/> first.</summary>
    public static uint Op32Slow(FOp op, uint a, uint b, uint mxcsr, ref uint flags)
    {
        if (op >= FOp.Min) return MinMax32(op, a, b, mxcsr, ref flags);
        if (IsNaN32(a) || IsNaN32(b)) return NaNResult32(a, b, ref flags);
        uint f = 0;
        a = Src32(a, mxcsr, ref f);
        b = Src32(b, mxcsr, ref f);
        double x = F(a), y = F(b);
        if (op == FOp.Sub) y = -y;
        switch (op)
        {
            case FOp.Add:
            case FOp.Sub:
                if (double.IsInfinity(x) || double.IsInfinity(y))
                {
                    if (double.IsInfinity(x) && double.IsInfinity(y) && x != y) return Invalid32(ref flags);
                    flags |= f;
                    return B((float)(x + y));
                }
                flags |= f;
                {
                    double d = x + y;
                    if (d == 0 && Mode(mxcsr) == Rd && !(B(F(a)) == 0 && (op == FOp.Add ? b == 0 : b == 0x80000000))) return 0x80000000;
                    if (d == 0) return B((float)d);
                    return RoundToSingle(d, TwoSumSign(x, y, d), mxcsr, ref flags);
                }
            case FOp.Mul:
                if (double.IsInfinity(x) || double.IsInfinity(y))
                {
                    if (x == 0 || y == 0) return Invalid32(ref flags);
                    flags |= f;
                    return B((float)(x * y));
                }
                flags |= f;
                {
                    double d = x * y; // exact: 24x24 bits fit in a double
                    if (d == 0) return B((float)d);
                    return RoundToSingle(d, 0, mxcsr, ref flags);
                }
            default: // Div
                if (double.IsInfinity(x) && double.IsInfinity(y)) return Invalid32(ref flags);
                if (y == 0)
                {
                    if (x == 0) return Invalid32(ref flags);
                    if (!double.IsInfinity(x)) flags |= ZE;
                    return ((a ^ b) & 0x80000000) | 0x7F800000;
                }
                flags |= f;
                if (double.IsInfinity(x) || double.IsInfinity(y) || x == 0) return B((float)(x / y));
                {
                    double d = x / y;
                    double r = Math.FusedMultiplyAdd(-d, y, x);
                    return RoundToSingle(d, Sign(r) * Sign(y), mxcsr, ref flags);
                }
        }
    }

    private static uint Invalid32(ref uint flags)
    {
        flags |= IE;
        return DefaultNaN32;
    }

    private static ulong Invalid64(ref uint flags)
    {
        flags |= IE;
        return DefaultNaN64;
    }

    /// <summary>MIN/MAX: any NaN or two zeros give the second operand unchanged; NaNs raise IE.</summary>
    private static uint MinMax32(FOp op, uint a, uint b, uint mxcsr, ref uint flags)
    {
        if (IsNaN32(a) || IsNaN32(b))
        {
            flags |= IE;
            return Daz32(b, mxcsr);
        }
        a = Src32(a, mxcsr, ref flags);
        b = Src32(b, mxcsr, ref flags);
        float x = F(a), y = F(b);
        if (op == FOp.Min) return x < y ? a : b;
        return x > y ? a : b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Sqrt32(uint a, uint mxcsr, ref uint flags) =>
        SseFastFloat.TrySqrt32(a, mxcsr, ref flags, out uint r) ? r : Sqrt32Slow(a, mxcsr, ref flags);

    public static uint Sqrt32Slow(uint a, uint mxcsr, ref uint flags)
    {
        if (IsNaN32(a))
        {
            if (IsSNaN32(a)) flags |= IE;
            return Quiet32(a);
        }
        uint f = 0;
        a = Src32(a, mxcsr, ref f);
        if ((a & 0x7FFFFFFF) == 0) { flags |= f; return a; }
        if ((a & 0x80000000) != 0) return Invalid32(ref flags);
        flags |= f;
        if (a == 0x7F800000) return a;
        double x = F(a);
        double d = Math.Sqrt(x);
        double r = Math.FusedMultiplyAdd(-d, d, x);
        return RoundToSingle(d, Sign(r), mxcsr, ref flags);
    }

    // ---- double precision ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Op64(FOp op, ulong a, ulong b, uint mxcsr, ref uint flags) =>
        SseFastFloat.TryOp64(op, a, b, mxcsr, ref flags, out ulong r) ? r : Op64Slow(op, a, b, mxcsr, ref flags);

    /// <summary>The full software path; <see cref="Op64"/> tries <see cref="SseFastFloat"/> first.</summary>
    public static ulong Op64Slow(FOp op, ulong a, ulong b, uint mxcsr, ref uint flags)
    {
        if (op >= FOp.Min) return MinMax64(op, a, b, mxcsr, ref flags);
        if (IsNaN64(a) || IsNaN64(b)) return NaNResult64(a, b, ref flags);
        uint f = 0;
        a = Src64(a, mxcsr, ref f);
        b = Src64(b, mxcsr, ref f);
        double x = D(a), y = D(b);
        if (op == FOp.Sub) y = -y;
        switch (op)
        {
            case FOp.Add:
            case FOp.Sub:
                if (double.IsInfinity(x) || double.IsInfinity(y))
                {
                    if (double.IsInfinity(x) && double.IsInfinity(y) && x != y) return Invalid64(ref flags);
                    flags |= f;
                    return B(x + y);
                }
                flags |= f;
                {
                    double d = x + y;
                    if (d == 0 && Mode(mxcsr) == Rd && !(a == 0 && (op == FOp.Add ? b == 0 : b == 0x8000000000000000))) return 0x8000000000000000;
                    if (d == 0) return B(d);
                    return RoundDouble(d, TwoSumSign(x, y, d), mxcsr, ref flags, FOp.Add, x, y);
                }
            case FOp.Mul:
                if (double.IsInfinity(x) || double.IsInfinity(y))
                {
                    if (x == 0 || y == 0) return Invalid64(ref flags);
                    flags |= f;
                    return B(x * y);
                }
                flags |= f;
                if (x == 0 || y == 0) return B(x * y);
                {
                    double d = x * y;
                    return RoundDouble(d, MulResidualSign(x, y, d), mxcsr, ref flags, FOp.Mul, x, y);
                }
            default: // Div
                if (double.IsInfinity(x) && double.IsInfinity(y)) return Invalid64(ref flags);
                if (y == 0)
                {
                    if (x == 0) return Invalid64(ref flags);
                    if (!double.IsInfinity(x)) flags |= ZE;
                    return ((a ^ b) & 0x8000000000000000) | 0x7FF0000000000000;
                }
                flags |= f;
                if (double.IsInfinity(x) || double.IsInfinity(y) || x == 0) return B(x / y);
                {
                    double d = x / y;
                    return RoundDouble(d, DivResidualSign(x, y, d), mxcsr, ref flags, FOp.Div, x, y);
                }
        }
    }

    /// <summary>Sign of x*y - d, exact even when the product is tiny (operands scaled by 2^512).</summary>
    private static int MulResidualSign(double x, double y, double d)
    {
        if (double.IsInfinity(d)) return -Sign(d);
        if (Math.Abs(d) >= TwoM900) return Sign(Math.FusedMultiplyAdd(x, y, -d));
        if (d == 0) return Sign(x) * Sign(y);
        if (Math.Abs(x) > Math.Abs(y)) (x, y) = (y, x);
        return Sign(Math.FusedMultiplyAdd(x * Two512, y, -(d * Two512)));
    }

    /// <summary>Sign of x/y - d from the exact remainder x - d*y, scaled when it could be tiny.</summary>
    private static int DivResidualSign(double x, double y, double d)
    {
        if (double.IsInfinity(d)) return -Sign(d);
        if (Math.Abs(d) < TwoM900 || Math.Abs(x) < TwoM900)
            return Sign(Math.FusedMultiplyAdd(-(d * Two512), y, x * Two512)) * Sign(y);
        return Sign(Math.FusedMultiplyAdd(-d, y, x)) * Sign(y);
    }

    private static ulong MinMax64(FOp op, ulong a, ulong b, uint mxcsr, ref uint flags)
    {
        if (IsNaN64(a) || IsNaN64(b))
        {
            flags |= IE;
            return Daz64(b, mxcsr);
        }
        a = Src64(a, mxcsr, ref flags);
        b = Src64(b, mxcsr, ref flags);
        double x = D(a), y = D(b);
        if (op == FOp.Min) return x < y ? a : b;
        return x > y ? a : b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sqrt64(ulong a, uint mxcsr, ref uint flags) =>
        SseFastFloat.TrySqrt64(a, mxcsr, ref flags, out ulong r) ? r : Sqrt64Slow(a, mxcsr, ref flags);

    public static ulong Sqrt64Slow(ulong a, uint mxcsr, ref uint flags)
    {
        if (IsNaN64(a))
        {
            if (IsSNaN64(a)) flags |= IE;
            return Quiet64(a);
        }
        uint f = 0;
        a = Src64(a, mxcsr, ref f);
        if ((a & 0x7FFFFFFFFFFFFFFF) == 0) { flags |= f; return a; }
        if ((a >> 63) != 0) return Invalid64(ref flags);
        flags |= f;
        if (a == 0x7FF0000000000000) return a;
        double x = D(a);
        double d = Math.Sqrt(x);
        double r = x < TwoM900
            ? Math.FusedMultiplyAdd(-(d * Two512), d * Two512, x * Two512 * Two512)
            : Math.FusedMultiplyAdd(-d, d, x);
        return RoundDouble(d, Sign(r), mxcsr, ref flags);
    }

    // ---- comparisons ----

    /// <summary>CMPccPS/PD predicate 0..7 (EQ, LT, LE, UNORD, NEQ, NLT, NLE, ORD).</summary>
    public static bool Compare32(uint a, uint b, int pred, uint mxcsr, ref uint flags)
    {
        bool unordered = IsNaN32(a) || IsNaN32(b);
        if (unordered)
        {
            // LT, LE, NLT, NLE signal on any NaN; the others only on SNaN.
            if ((pred & 3) is 1 or 2 || IsSNaN32(a) || IsSNaN32(b)) flags |= IE;
            return pred is 3 or 4 or 5 or 6;
        }
        a = Src32(a, mxcsr, ref flags);
        b = Src32(b, mxcsr, ref flags);
        return Predicate(F(a), F(b), pred);
    }

    public static bool Compare64(ulong a, ulong b, int pred, uint mxcsr, ref uint flags)
    {
        bool unordered = IsNaN64(a) || IsNaN64(b);
        if (unordered)
        {
            if ((pred & 3) is 1 or 2 || IsSNaN64(a) || IsSNaN64(b)) flags |= IE;
            return pred is 3 or 4 or 5 or 6;
        }
        a = Src64(a, mxcsr, ref flags);
        b = Src64(b, mxcsr, ref flags);
        return Predicate(D(a), D(b), pred);
    }

    private static bool Predicate(double x, double y, int pred) => pred switch
    {
        0 => x == y,
        1 => x < y,
        2 => x <= y,
        3 => false,
        4 => x != y,
        5 => !(x < y),
        6 => !(x <= y),
        _ => true,
    };

    /// <summary>(U)COMIS*: 0 greater, 1 less, 2 equal, 3 unordered.</summary>
    public static int Comi32(uint a, uint b, bool signalQuiet, uint mxcsr, ref uint flags)
    {
        if (IsNaN32(a) || IsNaN32(b))
        {
            if (signalQuiet || IsSNaN32(a) || IsSNaN32(b)) flags |= IE;
            return 3;
        }
        a = Src32(a, mxcsr, ref flags);
        b = Src32(b, mxcsr, ref flags);
        float x = F(a), y = F(b);
        return x > y ? 0 : x < y ? 1 : 2;
    }

    public static int Comi64(ulong a, ulong b, bool signalQuiet, uint mxcsr, ref uint flags)
    {
        if (IsNaN64(a) || IsNaN64(b))
        {
            if (signalQuiet || IsSNaN64(a) || IsSNaN64(b)) flags |= IE;
            return 3;
        }
        a = Src64(a, mxcsr, ref flags);
        b = Src64(b, mxcsr, ref flags);
        double x = D(a), y = D(b);
        return x > y ? 0 : x < y ? 1 : 2;
    }

    // ---- conversions ----

    public static ulong SingleToDouble(uint a, uint mxcsr, ref uint flags)
    {
        if (IsNaN32(a))
        {
            if (IsSNaN32(a)) flags |= IE;
            return ((ulong)(a & 0x80000000) << 32) | 0x7FF8000000000000 | ((ulong)(a & 0x003FFFFF) << 29);
        }
        a = Src32(a, mxcsr, ref flags);
        return B((double)F(a));
    }

    public static uint DoubleToSingle(ulong a, uint mxcsr, ref uint flags)
    {
        if (IsNaN64(a))
        {
            if (IsSNaN64(a)) flags |= IE;
            return (uint)((a >> 32) & 0x80000000) | 0x7FC00000 | (uint)((a >> 29) & 0x003FFFFF);
        }
        a = Src64(a, mxcsr, ref flags);
        double x = D(a);
        if (x == 0 || double.IsInfinity(x)) return B((float)x);
        return RoundToSingle(x, 0, mxcsr, ref flags);
    }

    // Integers of at most 24 (single) or 53 (double) bits convert exactly: no rounding, no flags, in every mode.
    public static uint Int32ToSingle(int v, uint mxcsr, ref uint flags) =>
        (uint)(v + (1 << 24)) <= 1u << 25 ? B((float)v) : RoundToSingle(v, 0, mxcsr, ref flags);

    public static uint Int64ToSingle(long v, uint mxcsr, ref uint flags)
    {
        if (v == 0) return 0;
        double d = v;
        Int128 e = (Int128)v - (Int128)d;
        return RoundToSingle(d, e > 0 ? 1 : e < 0 ? -1 : 0, mxcsr, ref flags);
    }

    public static ulong Int64ToDouble(long v, uint mxcsr, ref uint flags)
    {
        if ((ulong)(v + (1L << 53)) <= 1UL << 54) return B((double)v);
        double d = v;
        Int128 e = (Int128)v - (Int128)d;
        return RoundDouble(d, e > 0 ? 1 : e < 0 ? -1 : 0, mxcsr, ref flags);
    }

    /// <summary>
    /// Float (given exactly as a double) to a 32- or 64-bit integer, rounded by MXCSR.RC or truncated;
    /// NaN and out-of-range give the integer indefinite and IE.
    /// </summary>
    public static long ToInteger(double x, bool truncate, bool wide, uint mxcsr, ref uint flags)
    {
        long indefinite = wide ? long.MinValue : int.MinValue;
        if (double.IsNaN(x))
        {
            flags |= IE;
            return indefinite;
        }
        double r = truncate ? Math.Truncate(x) : Mode(mxcsr) switch
        {
            Rne => Math.Round(x, MidpointRounding.ToEven),
            Rd => Math.Floor(x),
            Ru => Math.Ceiling(x),
            _ => Math.Truncate(x),
        };
        bool outOfRange = wide ? r < -9.2233720368547758e18 || r >= 9.2233720368547758e18 : r < -2147483648.0 || r > 2147483647.0;
        if (outOfRange)
        {
            flags |= IE;
            return indefinite;
        }
        if (r != x) flags |= PE;
        return (long)r;
    }

    // ---- ROUNDxx: round to an integral value in the same format ----

    /// <summary>
    /// x rounded to an integer in the given mode (0 nearest-even, 1 down, 2 up, 3 toward zero), keeping
    /// its sign (so -0.4 gives -0.0). Exact: every float is a double, and the integer is representable.
    /// </summary>
    private static double RoundIntegral(double x, int mode) => Math.CopySign(mode switch
    {
        Rne => Math.Round(x, MidpointRounding.ToEven),
        Rd => Math.Floor(x),
        Ru => Math.Ceiling(x),
        _ => Math.Truncate(x),
    }, x);

    /// <summary>ROUNDPS/SS lane: SNaN gives IE and is quieted, DAZ applies without DE, PE unless suppressed.</summary>
    public static uint RoundIntegral32(uint a, int mode, bool suppressInexact, uint mxcsr, ref uint flags)
    {
        if (IsNaN32(a))
        {
            if (IsSNaN32(a)) flags |= IE;
            return Quiet32(a);
        }
        a = Daz32(a, mxcsr);
        double x = F(a);
        if (double.IsInfinity(x) || x == 0) return a;
        double r = RoundIntegral(x, mode);
        if (r != x && !suppressInexact) flags |= PE;
        return B((float)r);
    }

    public static ulong RoundIntegral64(ulong a, int mode, bool suppressInexact, uint mxcsr, ref uint flags)
    {
        if (IsNaN64(a))
        {
            if (IsSNaN64(a)) flags |= IE;
            return Quiet64(a);
        }
        a = Daz64(a, mxcsr);
        double x = D(a);
        if (double.IsInfinity(x) || x == 0) return a;
        double r = RoundIntegral(x, mode);
        if (r != x && !suppressInexact) flags |= PE;
        return B(r);
    }

    public static double SingleValue(uint a) => F(a);
    public static double DoubleValue(ulong a) => D(a);

    // ---- approximations (RCP/RSQRT): DAZ-like input handling, FTZ-like output, no flags ----

    /// <summary>1/x with 12 significant bits (relative error below 2^-12); hardware tables differ by vendor.</summary>
    public static uint Reciprocal32(uint a)
    {
        if (IsNaN32(a)) return Quiet32(a);
        uint sign = a & 0x80000000;
        if ((a & 0x7F800000) == 0) return sign | 0x7F800000; // zero or denormal
        if ((a & 0x7FFFFFFF) == 0x7F800000) return sign;
        return Approximate(1.0 / F(a), sign);
    }

    public static uint ReciprocalSqrt32(uint a)
    {
        if (IsNaN32(a)) return Quiet32(a);
        uint sign = a & 0x80000000;
        if ((a & 0x7F800000) == 0) return sign | 0x7F800000;
        if (sign != 0) return DefaultNaN32;
        if (a == 0x7F800000) return 0;
        return Approximate(1.0 / Math.Sqrt(F(a)), 0);
    }

    private static uint Approximate(double v, uint sign)
    {
        float f = (float)Math.Abs(v);
        uint bits = B(f);
        if (bits < 0x00800000) return sign; // tiny results flush to zero
        if (bits >= 0x7F800000) return sign | 0x7F800000;
        // Keep 12 fraction bits, rounded to nearest, so the error stays under 2^-12.
        bits = (bits + 0x400) & 0xFFFFF800;
        return sign | bits;
    }
}
