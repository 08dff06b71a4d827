using System.Numerics;
using System.Runtime.CompilerServices;

namespace FtEmu.Cpu.X87;

/// <summary>x87 status-word exception bits and the C1 flag, as the float code accumulates them.</summary>
public static class FpFlags
{
    public const int IE = 0x01, DE = 0x02, ZE = 0x04, OE = 0x08, UE = 0x10, PE = 0x20, SF = 0x40;
    public const int C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000;
}

/// <summary>Rounding context of one operation: rounding control, precision and the exceptions raised.</summary>
public struct FpEnv
{
    /// <summary>0 nearest-even, 1 down, 2 up, 3 toward zero (the x87 RC encoding).</summary>
    public int Rounding;
    /// <summary>Significand bits kept: 24, 53 or 64.</summary>
    public int Precision;
    /// <summary>FpFlags exception bits raised so far.</summary>
    public int Flags;
    /// <summary>The last rounding increased the magnitude (x87 C1).</summary>
    public bool RoundedUp;
    /// <summary>
    /// Unmasked overflow/underflow response of x87 arithmetic: the result is delivered with its exponent
    /// wrapped by 24576 instead of being replaced by infinity/denormal.
    /// </summary>
    public bool WrapOverflow, WrapUnderflow;

    public FpEnv(int rounding, int precision)
    {
        Rounding = rounding;
        Precision = precision;
        Flags = 0;
        RoundedUp = false;
        WrapOverflow = false;
        WrapUnderflow = false;
    }

    /// <summary>The environment an x87 control word selects.</summary>
    public static FpEnv FromControl(ushort cw) =>
        new((cw >> 10) & 3, ((cw >> 8) & 3) switch { 0 => 24, 2 => 53, _ => 64 });
}

/// <summary>Kinds of 80-bit encodings, in the order FXAM distinguishes them.</summary>
public enum Float80Class : byte
{
    Zero,
    Denormal,
    Normal,
    Infinity,
    QNaN,
    SNaN,
    /// <summary>Unnormal, pseudo-NaN or pseudo-infinity: invalid operands since the 80387.</summary>
    Unsupported,
}

/// <summary>
/// The x87 80-bit extended real in its register form (explicit integer bit) with correctly rounded
/// arithmetic for every precision control and rounding mode, and the exception flags hardware raises.
/// </summary>
public readonly struct Float80 : IEquatable<Float80>
{
    public const int Bias = 16383;
    /// <summary>Exponent adjustment of the unmasked overflow/underflow responses (3 * 2^13).</summary>
    public const int WrapBias = 24576;
    public const ulong IntegerBit = 1UL << 63;
    public const ulong QuietBit = 1UL << 62;

    public readonly ulong Significand;
    public readonly ushort SignExponent;

    public Float80(ulong significand, ushort signExponent)
    {
        Significand = significand;
        SignExponent = signExponent;
    }

    public static Float80 Indefinite => new(0xC000000000000000, 0xFFFF);
    public static Float80 PositiveZero => new(0, 0);
    public static Float80 One => new(IntegerBit, Bias);

    public bool Sign => (SignExponent & 0x8000) != 0;
    public int Exponent => SignExponent & 0x7FFF;

    public Float80Class Class
    {
        get
        {
            int e = Exponent;
            if (e == 0) return Significand == 0 ? Float80Class.Zero : Float80Class.Denormal;
            if ((Significand & IntegerBit) == 0) return Float80Class.Unsupported;
            if (e != 0x7FFF) return Float80Class.Normal;
            if ((Significand << 1) == 0) return Float80Class.Infinity;
            return (Significand & QuietBit) != 0 ? Float80Class.QNaN : Float80Class.SNaN;
        }
    }

    public bool IsNaN => Exponent == 0x7FFF && (Significand & IntegerBit) != 0 && (Significand << 1) != 0;
    public bool IsSignalingNaN => IsNaN && (Significand & QuietBit) == 0;
    public bool IsZero => Exponent == 0 && Significand == 0;
    public bool IsDenormal => Exponent == 0 && Significand != 0;
    public bool IsInfinity => Exponent == 0x7FFF && Significand == IntegerBit;

    public Float80 Negate() => new(Significand, (ushort)(SignExponent ^ 0x8000));
    public Float80 Abs() => new(Significand, (ushort)(SignExponent & 0x7FFF));
    public Float80 Quieted() => new(Significand | QuietBit, SignExponent);

    public static Float80 Zero(bool negative) => new(0, negative ? (ushort)0x8000 : (ushort)0);
    public static Float80 Infinity(bool negative) => new(IntegerBit, (ushort)(negative ? 0xFFFF : 0x7FFF));

    public bool Equals(Float80 other) => Significand == other.Significand && SignExponent == other.SignExponent;
    public override bool Equals(object? obj) => obj is Float80 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(Significand, SignExponent);
    public override string ToString() => $"{SignExponent:X4}:{Significand:X16}";

    /// <summary>A finite non-zero value as m * 2^(e - 63) with m normalized (bit 63 set); denormals normalized.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Unpack(out int e, out ulong m)
    {
        int x = Exponent;
        if (x == 0)
        {
            int lz = BitOperations.LeadingZeroCount(Significand);
            m = Significand << lz;
            e = 1 - Bias - lz;
        }
        else
        {
            m = Significand;
            e = x - Bias;
        }
    }

    // ---------- rounding ----------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UInt128 ShiftRightJam(UInt128 m, int n)
    {
        if (n <= 0) return m;
        if (n >= 128) return m != 0 ? UInt128.One : UInt128.Zero;
        UInt128 lost = m & ((UInt128.One << n) - 1);
        return (m >> n) | (lost != 0 ? UInt128.One : UInt128.Zero);
    }

    /// <summary>
    /// Rounds the non-zero value m * 2^(e - 127) to <paramref name="p"/> significand bits in a format with the
    /// given exponent bias and all-ones exponent <paramref name="maxBiased"/>. Returns the biased exponent
    /// (0 for denormals, maxBiased for infinity) and the rounded significand left-aligned in m.
    /// Tininess is detected before rounding, as Intel does.
    /// </summary>
    internal static int Round(ref FpEnv env, bool neg, int e, ref UInt128 m, int p, int bias, int maxBiased)
    {
        int lz = (int)UInt128.LeadingZeroCount(m);
        m <<= lz;
        int be = e - lz + bias;
        // x87 detects tininess after rounding (to p bits, exponent unbounded): a value that rounds up to the
        // smallest normal is not tiny.
        bool tiny = be < 1 && !(be == 0 && RoundsToCarry(env.Rounding, neg, m, p));
        bool wrap80 = maxBiased == 0x7FFF;
        // The wrapped exponent must itself fit (FSCALE can go further); otherwise the masked response follows.
        // Tininess after rounding decides here too: a value that rounds up to the smallest normal does not underflow.
        if (tiny && be + WrapBias < 1 && wrap80 && env.WrapUnderflow)
        {
            // Beyond even the wrapped range (FSCALE): zero, whatever the rounding mode.
            env.Flags |= FpFlags.UE | FpFlags.PE;
            env.RoundedUp = false;
            m = 0;
            return 0;
        }
        if (tiny && wrap80 && env.WrapUnderflow)
        {
            // Unmasked underflow: UE on tininess, the result rounded as a normal and wrapped up.
            env.Flags |= FpFlags.UE;
            tiny = false;
            be += WrapBias;
        }
        bool denormal = be < 1;
        if (denormal)
        {
            m = ShiftRightJam(m, 1 - be);
            be = 0;

        }
        int drop = 128 - p;
        UInt128 mask = (UInt128.One << drop) - 1;
        UInt128 rest = m & mask;
        if (rest != 0)
        {
            env.Flags |= FpFlags.PE;
            if (tiny) env.Flags |= FpFlags.UE;
            UInt128 half = UInt128.One << (drop - 1);
            bool up = env.Rounding switch
            {
                0 => rest > half || (rest == half && ((m >> drop) & 1) != 0),
                1 => neg,
                2 => !neg,
                _ => false,
            };
            m &= ~mask;
            if (up)
            {
                env.RoundedUp = true;
                m += UInt128.One << drop;
                if (m == 0)
                {
                    m = UInt128.One << 127;
                    be++;
                }
                else if (denormal && (m >> 127) != 0)
                {
                    be = 1;
                }
            }
        }
        if (be >= maxBiased && wrap80 && env.WrapOverflow)
        {
            env.Flags |= FpFlags.OE;
            if (be - WrapBias < maxBiased) return be - WrapBias;
            // Beyond even the wrapped range (FSCALE): infinity, whatever the rounding mode.
            env.Flags |= FpFlags.PE;
            env.RoundedUp = true;
            m = UInt128.One << 127;
            return maxBiased;
        }
        if (be >= maxBiased)
        {
            env.Flags |= FpFlags.OE | FpFlags.PE;
            bool toInf = env.Rounding switch { 0 => true, 1 => neg, 2 => !neg, _ => false };
            if (toInf)
            {
                env.RoundedUp = true;
                m = UInt128.One << 127;
                return maxBiased;
            }
            env.RoundedUp = false;
            m = UInt128.MaxValue << drop;
            return maxBiased - 1;
        }
        return be;
    }

    /// <summary>Whether rounding the normalized m to p bits carries out of the top bit.</summary>
    private static bool RoundsToCarry(int rounding, bool neg, UInt128 m, int p)
    {
        int drop = 128 - p;
        UInt128 mask = (UInt128.One << drop) - 1;
        if ((m | mask) != UInt128.MaxValue) return false;
        UInt128 rest = m & mask;
        if (rest == 0) return false;
        UInt128 half = UInt128.One << (drop - 1);
        return rounding switch
        {
            0 => rest >= half,
            1 => neg,
            2 => !neg,
            _ => false,
        };
    }

    /// <summary>Rounds m * 2^(e - 127) (m may be zero) to an 80-bit value at precision env.Precision.</summary>
    internal static Float80 RoundPack(ref FpEnv env, bool neg, int e, UInt128 m) => RoundPack(ref env, neg, e, m, env.Precision);

    internal static Float80 RoundPack(ref FpEnv env, bool neg, int e, UInt128 m, int precision)
    {
        if (m == 0) return Zero(neg);
        int be = Round(ref env, neg, e, ref m, precision, Bias, 0x7FFF);
        return new Float80((ulong)(m >> 64), (ushort)(be | (neg ? 0x8000 : 0)));
    }

    // ---------- special operands ----------

    /// <summary>
    /// Handles NaN and unsupported operands of a two-operand operation and raises DE for denormals.
    /// Returns true when <paramref name="r"/> is the result.
    /// </summary>
    internal static bool Specials(in Float80 a, in Float80 b, ref FpEnv env, out Float80 r)
    {
        var ca = a.Class;
        var cb = b.Class;
        if (ca == Float80Class.Unsupported || cb == Float80Class.Unsupported)
        {
            env.Flags |= FpFlags.IE;
            r = Indefinite;
            return true;
        }
        bool na = ca is Float80Class.QNaN or Float80Class.SNaN;
        bool nb = cb is Float80Class.QNaN or Float80Class.SNaN;
        if (na || nb)
        {
            r = PropagateNaN(a, b, ref env);
            return true;
        }
        if (ca == Float80Class.Denormal || cb == Float80Class.Denormal) env.Flags |= FpFlags.DE;
        r = default;
        return false;
    }

    /// <summary>Intel's x87 NaN rule: a QNaN beats an SNaN, else the larger significand, then the positive one.</summary>
    internal static Float80 PropagateNaN(in Float80 a, in Float80 b, ref FpEnv env)
    {
        bool na = a.IsNaN, nb = b.IsNaN;
        if (a.IsSignalingNaN || b.IsSignalingNaN) env.Flags |= FpFlags.IE;
        if (!nb) return a.Quieted();
        if (!na) return b.Quieted();
        bool qa = !a.IsSignalingNaN, qb = !b.IsSignalingNaN;
        if (qa != qb) return qa ? a : b.Quieted();
        ulong sa = a.Significand | QuietBit, sb = b.Significand | QuietBit;
        if (sa > sb) return a.Quieted();
        if (sb > sa) return b.Quieted();
        return (!a.Sign ? a : b).Quieted();
    }

    /// <summary>Single-operand NaN/unsupported handling (FSQRT, FRNDINT...).</summary>
    internal static bool Special(in Float80 a, ref FpEnv env, out Float80 r)
    {
        var c = a.Class;
        if (c == Float80Class.Unsupported)
        {
            env.Flags |= FpFlags.IE;
            r = Indefinite;
            return true;
        }
        if (c is Float80Class.QNaN or Float80Class.SNaN)
        {
            if (c == Float80Class.SNaN) env.Flags |= FpFlags.IE;
            r = a.Quieted();
            return true;
        }
        if (c == Float80Class.Denormal) env.Flags |= FpFlags.DE;
        r = default;
        return false;
    }

    // ---------- arithmetic ----------

    public static Float80 Add(in Float80 a, in Float80 b, ref FpEnv env) => AddSigned(a, b, b.Sign, ref env);

    public static Float80 Sub(in Float80 a, in Float80 b, ref FpEnv env) => AddSigned(a, b, !b.Sign, ref env);

    private static Float80 AddSigned(in Float80 a, in Float80 b, bool signB, ref FpEnv env)
    {
        if (Specials(a, b, ref env, out var r)) return r;
        bool signA = a.Sign;
        bool infA = a.IsInfinity, infB = b.IsInfinity;
        if (infA || infB)
        {
            if (infA && infB && signA != signB)
            {
                env.Flags |= FpFlags.IE;
                return Indefinite;
            }
            return Infinity(infA ? signA : signB);
        }
        bool zA = a.IsZero, zB = b.IsZero;
        if (zA && zB) return Zero(signA == signB ? signA : env.Rounding == 1);
        if (zB) return Repack(a, signA, ref env);
        if (zA) return Repack(b, signB, ref env);

        a.Unpack(out int ea, out ulong ma);
        b.Unpack(out int eb, out ulong mb);
        if (ea < eb || (ea == eb && ma < mb))
        {
            (ea, eb) = (eb, ea);
            (ma, mb) = (mb, ma);
            (signA, signB) = (signB, signA);
        }
        UInt128 x = (UInt128)ma << 63;
        UInt128 y = ShiftRightJam((UInt128)mb << 63, ea - eb);
        UInt128 s = signA == signB ? x + y : x - y;
        if (s == 0) return Zero(env.Rounding == 1);
        return RoundPack(ref env, signA, ea + 1, s);
    }

    /// <summary>A finite non-zero operand rounded to the current precision (x + 0 still rounds).</summary>
    private static Float80 Repack(in Float80 a, bool sign, ref FpEnv env)
    {
        a.Unpack(out int e, out ulong m);
        return RoundPack(ref env, sign, e, (UInt128)m << 64);
    }

    public static Float80 Mul(in Float80 a, in Float80 b, ref FpEnv env)
    {
        if (Specials(a, b, ref env, out var r)) return r;
        bool neg = a.Sign != b.Sign;
        bool infA = a.IsInfinity, infB = b.IsInfinity, zA = a.IsZero, zB = b.IsZero;
        if (infA || infB)
        {
            if (zA || zB)
            {
                env.Flags |= FpFlags.IE;
                return Indefinite;
            }
            return Infinity(neg);
        }
        if (zA || zB) return Zero(neg);
        a.Unpack(out int ea, out ulong ma);
        b.Unpack(out int eb, out ulong mb);
        return RoundPack(ref env, neg, ea + eb + 1, (UInt128)ma * mb);
    }

    public static Float80 Div(in Float80 a, in Float80 b, ref FpEnv env)
    {
        if (Specials(a, b, ref env, out var r)) return r;
        bool neg = a.Sign != b.Sign;
        bool infA = a.IsInfinity, infB = b.IsInfinity, zA = a.IsZero, zB = b.IsZero;
        if ((infA && infB) || (zA && zB))
        {
            env.Flags = (env.Flags & ~FpFlags.DE) | FpFlags.IE;
            return Indefinite;
        }
        if (infA) return Infinity(neg);
        if (infB) return Zero(neg);
        if (zB)
        {
            // Hardware reports only ZE for a denormal divided by zero.
            env.Flags = (env.Flags & ~FpFlags.DE) | FpFlags.ZE;
            return Infinity(neg);
        }
        if (zA) return Zero(neg);
        a.Unpack(out int ea, out ulong ma);
        b.Unpack(out int eb, out ulong mb);
        return RoundPack(ref env, neg, ea - eb, Quotient(ma, mb));
    }

    /// <summary>ma * 2^127 / mb to 128 bits with the remainder jammed into bit 0.</summary>
    internal static UInt128 Quotient(ulong ma, ulong mb)
    {
        UInt128 n = (UInt128)ma << 63;
        UInt128 qHi = n / mb;
        UInt128 rem = n - qHi * mb;
        UInt128 n2 = rem << 64;
        UInt128 qLo = n2 / mb;
        UInt128 rem2 = n2 - qLo * mb;
        UInt128 q = (qHi << 64) | qLo;
        return rem2 != 0 ? q | 1 : q;
    }

    public static Float80 Sqrt(in Float80 a, ref FpEnv env)
    {
        if (Special(a, ref env, out var r)) return r;
        if (a.IsZero) return a;
        if (a.Sign)
        {
            env.Flags = (env.Flags & ~FpFlags.DE) | FpFlags.IE;
            return Indefinite;
        }
        if (a.IsInfinity) return a;
        a.Unpack(out int e, out ulong m);
        int k = (e & 1) != 0 ? 64 : 63;
        UInt128 n = (UInt128)m << k;
        ulong root = ISqrt(n);
        UInt128 rem = n - (UInt128)root * root;
        UInt128 mm = (UInt128)root << 64;
        if (rem > root) mm |= UInt128.One << 63; // (root + 1/2)^2 <= n
        if (rem != 0) mm |= 1;
        return RoundPack(ref env, false, (e - 63 - k) / 2 + 63, mm);
    }

    /// <summary>floor(sqrt(n)) for n below 2^128.</summary>
    internal static ulong ISqrt(UInt128 n)
    {
        if (n == 0) return 0;
        // A double estimate, pushed above the root, then Newton steps down to the floor.
        double est = Math.Sqrt((double)n);
        UInt128 x = est >= 1.8446744073709552E19 ? ulong.MaxValue : (UInt128)(ulong)est + 4096;
        if (x > ulong.MaxValue) x = ulong.MaxValue;
        while (true)
        {
            UInt128 y = (x + n / x) >> 1;
            if (y >= x) break;
            x = y;
        }
        while (x * x > n) x--;
        while (x < ulong.MaxValue && (x + 1) * (x + 1) <= n) x++;
        return (ulong)x;
    }

    /// <summary>Ordering for FCOM/FUCOM: -1 less, 0 equal, 1 greater, 2 unordered.</summary>
    public static int Compare(in Float80 a, in Float80 b, bool quiet, ref FpEnv env)
    {
        var ca = a.Class;
        var cb = b.Class;
        if (ca == Float80Class.Unsupported || cb == Float80Class.Unsupported)
        {
            env.Flags |= FpFlags.IE;
            return 2;
        }
        if (a.IsNaN || b.IsNaN)
        {
            if (!quiet || a.IsSignalingNaN || b.IsSignalingNaN) env.Flags |= FpFlags.IE;
            return 2;
        }
        if (ca == Float80Class.Denormal || cb == Float80Class.Denormal) env.Flags |= FpFlags.DE;
        return CompareOrdered(a, b);
    }

    private static int CompareOrdered(in Float80 a, in Float80 b)
    {
        if (a.IsZero && b.IsZero) return 0;
        if (a.Sign != b.Sign) return a.Sign ? -1 : 1;
        int mag = CompareMagnitude(a, b);
        return a.Sign ? -mag : mag;
    }

    private static int CompareMagnitude(in Float80 a, in Float80 b)
    {
        if (a.IsZero) return b.IsZero ? 0 : -1;
        if (b.IsZero) return 1;
        if (a.IsInfinity) return b.IsInfinity ? 0 : 1;
        if (b.IsInfinity) return -1;
        a.Unpack(out int ea, out ulong ma);
        b.Unpack(out int eb, out ulong mb);
        if (ea != eb) return ea < eb ? -1 : 1;
        return ma.CompareTo(mb);
    }

    // ---------- conversions ----------

    public static Float80 FromInt64(long v)
    {
        if (v == 0) return PositiveZero;
        bool neg = v < 0;
        ulong mag = neg ? (ulong)-v : (ulong)v;
        int lz = BitOperations.LeadingZeroCount(mag);
        return new Float80(mag << lz, (ushort)((Bias + 63 - lz) | (neg ? 0x8000 : 0)));
    }

    /// <summary>
    /// Widens a binary64. FLD quiets an SNaN (raising IE); arithmetic operands pass
    /// <paramref name="keepSignaling"/> so that NaN propagation still sees the SNaN.
    /// </summary>
    public static Float80 FromDouble(ulong bits, ref FpEnv env, bool keepSignaling = false) => FromBinary(bits, 52, 11, ref env, keepSignaling);

    public static Float80 FromSingle(uint bits, ref FpEnv env, bool keepSignaling = false) => FromBinary(bits, 23, 8, ref env, keepSignaling);

    /// <summary>Exact widening of an IEEE binary32/binary64 value (DE for denormals, IE and quieting for SNaN).</summary>
    private static Float80 FromBinary(ulong bits, int fracBits, int expBits, ref FpEnv env, bool keepSignaling)
    {
        bool neg = (bits >> (fracBits + expBits)) != 0;
        ushort sign = neg ? (ushort)0x8000 : (ushort)0;
        int maxExp = (1 << expBits) - 1;
        int bias = maxExp >> 1;
        int exp = (int)(bits >> fracBits) & maxExp;
        ulong frac = bits & ((1UL << fracBits) - 1);
        if (exp == maxExp)
        {
            if (frac == 0) return Infinity(neg);
            ulong sig = IntegerBit | (frac << (63 - fracBits));
            if ((sig & QuietBit) == 0 && !keepSignaling)
            {
                env.Flags |= FpFlags.IE;
                sig |= QuietBit;
            }
            return new Float80(sig, (ushort)(0x7FFF | sign));
        }
        if (exp == 0)
        {
            if (frac == 0) return Zero(neg);
            env.Flags |= FpFlags.DE;
            int lz = BitOperations.LeadingZeroCount(frac);
            // value = frac * 2^(1 - bias - fracBits)
            return new Float80(frac << lz, (ushort)((1 - bias - fracBits + 63 - lz + Bias) | sign));
        }
        return new Float80(IntegerBit | (frac << (63 - fracBits)), (ushort)((exp - bias + Bias) | sign));
    }

    public static ulong ToDouble(in Float80 a, ref FpEnv env) => ToBinary(a, 52, 11, ref env);

    public static uint ToSingle(in Float80 a, ref FpEnv env) => (uint)ToBinary(a, 23, 8, ref env);

    /// <summary>Rounds to binary32/binary64 per RC (precision control does not apply to stores).</summary>
    private static ulong ToBinary(in Float80 a, int fracBits, int expBits, ref FpEnv env)
    {
        int maxExp = (1 << expBits) - 1;
        int bias = maxExp >> 1;
        ulong sign = a.Sign ? 1UL << (fracBits + expBits) : 0;
        ulong fracMask = (1UL << fracBits) - 1;
        switch (a.Class)
        {
            case Float80Class.Zero:
                return sign;
            case Float80Class.Infinity:
                return sign | ((ulong)maxExp << fracBits);
            case Float80Class.Unsupported:
                env.Flags |= FpFlags.IE;
                return (1UL << (fracBits + expBits)) | ((ulong)maxExp << fracBits) | (1UL << (fracBits - 1));
            case Float80Class.QNaN:
            case Float80Class.SNaN:
                if (a.IsSignalingNaN) env.Flags |= FpFlags.IE;
                return sign | ((ulong)maxExp << fracBits) | ((a.Significand >> (63 - fracBits)) & fracMask) | (1UL << (fracBits - 1));
        }
        a.Unpack(out int e, out ulong m);
        UInt128 mm = (UInt128)m << 64;
        int be = Round(ref env, a.Sign, e, ref mm, fracBits + 1, bias, maxExp);
        ulong frac = (ulong)(mm >> (127 - fracBits)) & fracMask;
        return sign | ((ulong)be << fracBits) | frac;
    }

    /// <summary>
    /// Rounds to an integer of <paramref name="bits"/> bits (16, 32, 64) per RC or truncating; out of range or
    /// NaN gives IE and the integer indefinite.
    /// </summary>
    public static long ToInt(in Float80 a, int bits, bool truncate, ref FpEnv env)
    {
        long indefinite = bits == 64 ? long.MinValue : -(1L << (bits - 1));
        var c = a.Class;
        if (c is Float80Class.Unsupported or Float80Class.Infinity or Float80Class.QNaN or Float80Class.SNaN)
        {
            env.Flags |= FpFlags.IE;
            return indefinite;
        }
        if (c == Float80Class.Zero) return 0;
        // Integer stores do not report denormal operands.
        a.Unpack(out int e, out ulong m);
        if (e > 63)
        {
            env.Flags |= FpFlags.IE;
            return indefinite;
        }
        var local = env;
        local.Rounding = truncate ? 3 : env.Rounding;
        UInt128 mag = RoundToIntegerMagnitude(a.Sign, e, m, ref local);
        UInt128 limit = a.Sign ? (UInt128.One << (bits - 1)) : (UInt128.One << (bits - 1)) - 1;
        if (mag > limit)
        {
            env.Flags |= FpFlags.IE;
            return indefinite;
        }
        env.Flags = local.Flags;
        env.RoundedUp = local.RoundedUp;
        long v = (long)(ulong)mag;
        return a.Sign ? -v : v;
    }

    /// <summary>|m * 2^(e-63)| rounded to an integer per env.Rounding (PE and C1 as it rounds).</summary>
    private static UInt128 RoundToIntegerMagnitude(bool neg, int e, ulong m, ref FpEnv env)
    {
        if (e >= 63) return (UInt128)m << (e - 63);
        UInt128 q = ShiftRightJam((UInt128)m << 64, 63 - e);
        UInt128 ip = q >> 64;
        ulong frac = (ulong)q;
        if (frac == 0) return ip;
        env.Flags |= FpFlags.PE;
        const ulong half = 1UL << 63;
        bool up = env.Rounding switch
        {
            0 => frac > half || (frac == half && (ip & 1) != 0),
            1 => neg,
            2 => !neg,
            _ => false,
        };
        if (up)
        {
            env.RoundedUp = true;
            ip++;
        }
        return ip;
    }

    /// <summary>FRNDINT: rounds to an integral value per RC.</summary>
    public static Float80 RoundToIntegral(in Float80 a, ref FpEnv env)
    {
        if (Special(a, ref env, out var r)) return r;
        if (a.IsZero || a.IsInfinity) return a;
        a.Unpack(out int e, out ulong m);
        if (e >= 63) return a;
        UInt128 mag = RoundToIntegerMagnitude(a.Sign, e, m, ref env);
        if (mag == 0) return Zero(a.Sign);
        return RoundPack(ref env, a.Sign, 127, mag, 64);
    }

    /// <summary>FSCALE: a * 2^trunc(b).</summary>
    public static Float80 Scale(in Float80 a, in Float80 b, ref FpEnv env)
    {
        if (Specials(a, b, ref env, out var r)) return r;
        if (b.IsInfinity)
        {
            if (b.Sign)
            {
                if (a.IsInfinity)
                {
                    env.Flags |= FpFlags.IE;
                    return Indefinite;
                }
                return Zero(a.Sign);
            }
            if (a.IsZero)
            {
                env.Flags |= FpFlags.IE;
                return Indefinite;
            }
            return Infinity(a.Sign);
        }
        if (a.IsZero || a.IsInfinity) return a;
        int n;
        if (b.IsZero) n = 0;
        else
        {
            b.Unpack(out int eb, out ulong mb);
            if (eb < 0) n = 0;
            else if (eb > 20) n = b.Sign ? -(1 << 21) : 1 << 21;
            else n = (int)(mb >> (63 - eb)) * (b.Sign ? -1 : 1);
        }
        a.Unpack(out int ea, out ulong ma);
        return RoundPack(ref env, a.Sign, ea + n, (UInt128)ma << 64, 64);
    }
    /// <summary>A finite value in canonical form (pseudo-denormals become normal).</summary>
    public static Float80 Normalized(in Float80 a, ref FpEnv env)
    {
        if (a.Exponent != 0 || a.Significand == 0) return a;
        a.Unpack(out int e, out ulong m);
        return RoundPack(ref env, a.Sign, e, (UInt128)m << 64, 64);
    }

    /// <summary>
    /// Exact partial remainder of finite non-zero a by b (FPREM when <paramref name="ieee"/> is false, FPREM1
    /// otherwise). For an exponent difference of 64 or more only a partial reduction by b * 2^(d - N),
    /// N = 32 + (d mod 32), is done with a truncated quotient and <paramref name="partial"/> is set.
    /// </summary>
    public static Float80 Remainder(in Float80 a, in Float80 b, bool ieee, ref FpEnv env, out ulong q, out bool partial)
    {
        a.Unpack(out int ea, out ulong ma);
        b.Unpack(out int eb, out ulong mb);
        int d = ea - eb;
        bool neg = a.Sign;
        partial = false;
        q = 0;
        if (d >= 64)
        {
            partial = true;
            int n = (d & 31) | 32;
            UInt128 num = (UInt128)ma << n;
            UInt128 rem = num % mb;
            q = (ulong)(num / mb);
            return RoundPack(ref env, neg, ea - n + 64, rem, 64);
        }
        if (!ieee)
        {
            if (d < 0) return Normalized(a, ref env);
            UInt128 num = (UInt128)ma << d;
            q = (ulong)(num / mb);
            return RoundPack(ref env, neg, eb + 64, num % mb, 64);
        }
        if (d < -1) return Normalized(a, ref env);
        UInt128 n1 = (UInt128)ma << (d + 1);
        UInt128 den = (UInt128)mb << 1;
        UInt128 qq = n1 / den;
        UInt128 r = n1 - qq * den;
        if (2 * r > den || (2 * r == den && (qq & 1) != 0))
        {
            r = den - r;
            qq++;
            neg = !neg;
        }
        q = (ulong)qq;
        if (r == 0) return Zero(a.Sign);
        return RoundPack(ref env, neg, eb + 63, r, 64);
    }
}
