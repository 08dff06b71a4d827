using System.Numerics;

namespace FtEmu.Cpu.X87;

/// <summary>
/// A wide binary float (Mant * 2^Exp, Mant carrying about <see cref="Bits"/> significant bits) used to
/// evaluate x87 transcendentals far beyond 64 bits before a single final rounding. It allocates
/// (BigInteger), which is acceptable for these rare, long-latency instructions.
/// </summary>
internal readonly struct WideFloat
{
    public const int Bits = 200;

    public readonly BigInteger Mant;
    public readonly int Exp;

    public WideFloat(BigInteger mant, int exp)
    {
        long len = mant.IsZero ? 0 : (long)BigInteger.Abs(mant).GetBitLength();
        if (len > Bits + 16)
        {
            int drop = (int)(len - Bits - 16);
            // Truncation toward zero; the final rounding has ~130 guard bits to spare.
            mant = mant.Sign < 0 ? -(BigInteger.Abs(mant) >> drop) : mant >> drop;
            exp += drop;
        }
        Mant = mant;
        Exp = exp;
    }

    public static WideFloat Zero => new(BigInteger.Zero, 0);
    public static WideFloat FromInt(long v) => new(v, 0);
    public bool IsZero => Mant.IsZero;
    public int Sign => Mant.Sign;

    public static WideFloat From(in Float80 f)
    {
        if (f.IsZero) return Zero;
        f.Unpack(out int e, out ulong m);
        var mant = new BigInteger(m);
        return new WideFloat(f.Sign ? -mant : mant, e - 63);
    }

    /// <summary>floor(log2 |x|), the position of the leading bit.</summary>
    public long Magnitude => IsZero ? long.MinValue : (long)BigInteger.Abs(Mant).GetBitLength() - 1 + Exp;

    public static WideFloat operator +(WideFloat a, WideFloat b)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        // Operands far apart: the smaller one is below the working precision, but its direction is kept
        // as a sticky nudge so that the final rounding (and C1/PE) still sees it.
        if (a.Magnitude - b.Magnitude > Bits + 8) return Nudge(a, b.Sign);
        if (b.Magnitude - a.Magnitude > Bits + 8) return Nudge(b, a.Sign);
        int e = Math.Min(a.Exp, b.Exp);
        return new WideFloat((a.Mant << (a.Exp - e)) + (b.Mant << (b.Exp - e)), e);
    }

    /// <summary>a moved by a sticky amount far below the working precision: +1 up, -1 down.</summary>
    internal static WideFloat Nudge(WideFloat a, int direction)
    {
        int pad = (int)(Bits + 12 - BigInteger.Abs(a.Mant).GetBitLength());
        if (pad < 0) pad = 0;
        return new WideFloat((a.Mant << pad) + direction, a.Exp - pad, true);
    }

    public static WideFloat operator -(WideFloat a) => new(-a.Mant, a.Exp);
    public static WideFloat operator -(WideFloat a, WideFloat b) => a + (-b);
    public static WideFloat operator *(WideFloat a, WideFloat b) => new(a.Mant * b.Mant, a.Exp + b.Exp);

    public static WideFloat operator /(WideFloat a, WideFloat b)
    {
        int shift = Bits + 8 + (int)Math.Max(0, BigInteger.Abs(b.Mant).GetBitLength() - BigInteger.Abs(a.Mant).GetBitLength());
        return new WideFloat((a.Mant << shift) / b.Mant, a.Exp - b.Exp - shift);
    }

    public WideFloat Scale(int n) => new(Mant, Exp + n);

    public static WideFloat Sqrt(WideFloat a)
    {
        if (a.IsZero) return a;
        BigInteger m = a.Mant;
        int e = a.Exp;
        int shift = 2 * Bits + 8 - (int)m.GetBitLength();
        if (shift < 0) shift = 0;
        if (((e - shift) & 1) != 0) shift++;
        m <<= shift;
        e -= shift;
        BigInteger x = BigInteger.One << (int)((m.GetBitLength() + 1) / 2);
        while (true)
        {
            BigInteger y = (x + m / x) >> 1;
            if (y >= x) break;
            x = y;
        }
        return new WideFloat(x, e / 2);
    }

    /// <summary>
    /// Rounds to an 80-bit value at full 64-bit precision. The value's error is far below the rounding
    /// position, so a sticky bit makes the result the correctly rounded one except in astronomically rare
    /// near-tie cases.
    /// </summary>
    public Float80 ToFloat80(ref FpEnv env)
    {
        if (IsZero) return Float80.PositiveZero;
        bool neg = Mant.Sign < 0;
        BigInteger m = BigInteger.Abs(Mant);
        long len = (long)m.GetBitLength();
        int exp = Exp;
        if (len > 127)
        {
            int drop = (int)(len - 127);
            bool sticky = !(m & ((BigInteger.One << drop) - 1)).IsZero;
            m >>= drop;
            exp += drop;
            if (sticky) m |= 1;
        }
        var mm = (UInt128)m;
        // value = mm * 2^exp = mm * 2^(e - 127)
        long e = (long)exp + 127;
        if (e > 40000) e = 40000;
        if (e < -40000) e = -40000;
        var local = env;
        local.Precision = 64;
        var r = Float80.RoundPack(ref local, neg, (int)e, mm);
        env.Flags = local.Flags;
        env.RoundedUp = local.RoundedUp;
        return r;
    }

    // ---------- constants and elementary functions ----------

    private static WideFloat? s_ln2, s_pi;

    /// <summary>ln 2 = 2 atanh(1/3).</summary>
    public static WideFloat Ln2 => s_ln2 ??= Atanh(FromInt(1) / FromInt(3)).Scale(1);

    /// <summary>pi = 16 atan(1/5) - 4 atan(1/239) (Machin), at a precision enough for reducing |x| below 2^64.</summary>
    public static WideFloat Pi => s_pi ??= ComputePi();

    private static WideFloat ComputePi()
    {
        // Fixed point with 400 fraction bits so that the reduction of 64-bit-magnitude arguments stays exact.
        const int f = 400;
        BigInteger one = BigInteger.One << f;
        BigInteger AtanInv(int n)
        {
            BigInteger sum = 0, term = one / n, n2 = (BigInteger)n * n;
            for (int k = 0; !term.IsZero; k++)
            {
                sum += (k & 1) == 0 ? term / (2 * k + 1) : -(term / (2 * k + 1));
                term /= n2;
            }
            return sum;
        }
        BigInteger pi = 16 * AtanInv(5) - 4 * AtanInv(239);
        return Unsafe(pi, -f);
    }

    private WideFloat(BigInteger mant, int exp, bool raw)
    {
        _ = raw;
        Mant = mant;
        Exp = exp;
    }

    /// <summary>Keeps every bit of m (the wide pi and exact reduction intermediates).</summary>
    private static WideFloat Unsafe(BigInteger m, int e) => new(m, e, true);

    /// <summary>atanh(s) = s + s^3/3 + s^5/5 + ... for |s| &lt;= 1/2.</summary>
    public static WideFloat Atanh(WideFloat s)
    {
        WideFloat s2 = s * s, term = s, sum = s;
        for (int k = 3; k < 2000; k += 2)
        {
            term = term * s2;
            var t = term / FromInt(k);
            if (t.IsZero) break;
            sum = sum + t;
            if (sum.Magnitude - t.Magnitude > Bits + 4) break;
        }
        return sum;
    }

    /// <summary>Natural log of a positive value.</summary>
    public static WideFloat Ln(WideFloat x)
    {
        // x = m * 2^k with m in [sqrt(1/2), sqrt(2)).
        long k = x.Magnitude;
        var m = x.Scale((int)-k);
        if (Compare(m * m, FromInt(2)) > 0)
        {
            m = m.Scale(-1);
            k++;
        }
        var s = (m - FromInt(1)) / (m + FromInt(1));
        return Atanh(s).Scale(1) + FromInt(k) * Ln2;
    }

    /// <summary>ln(1 + x) keeping relative precision for tiny x.</summary>
    public static WideFloat Ln1p(WideFloat x)
    {
        // ln(1 + x) = x - x^2/2 + ...: below the working precision only the direction of x^2/2 remains.
        if (x.Magnitude < -100) return Nudge(x, -1);
        if (x.Magnitude < -2) return Atanh(x / (FromInt(2) + x)).Scale(1);
        return Ln(FromInt(1) + x);
    }

    public static int Compare(WideFloat a, WideFloat b) => (a - b).Sign;

    /// <summary>e^x - 1 with relative precision for tiny x.</summary>
    public static WideFloat Expm1(WideFloat x)
    {
        if (x.Magnitude < -100) return Nudge(x, 1); // x + x^2/2
        if (x.IsZero) return x;
        // Halve until small, sum the series, then double back: expm1(2y) = expm1(y) * (expm1(y) + 2).
        int halvings = 0;
        while (x.Magnitude > -12)
        {
            x = x.Scale(-1);
            halvings++;
        }
        WideFloat term = x, sum = x;
        for (int n = 2; n < 200; n++)
        {
            term = term * x / FromInt(n);
            if (term.IsZero) break;
            sum = sum + term;
            if (sum.Magnitude - term.Magnitude > Bits + 4) break;
        }
        for (int i = 0; i < halvings; i++) sum = sum * (sum + FromInt(2));
        return sum;
    }

    /// <summary>sin and cos of |r| &lt;= pi/4 by their series.</summary>
    public static void SinCosSmall(WideFloat r, out WideFloat sin, out WideFloat cos)
    {
        var r2 = r * r;
        WideFloat term = r;
        sin = r;
        for (int n = 1; n < 200; n++)
        {
            term = -(term * r2 / FromInt((2 * n) * (2 * n + 1)));
            if (term.IsZero) break;
            sin = sin + term;
            if (sin.Magnitude - term.Magnitude > Bits + 4) break;
        }
        term = FromInt(1);
        cos = term;
        for (int n = 1; n < 200; n++)
        {
            term = -(term * r2 / FromInt((2 * n - 1) * (2 * n)));
            if (term.IsZero) break;
            cos = cos + term;
            if (term.Magnitude < -Bits - 8) break;
        }
    }

    /// <summary>sin and cos of any |x| below 2^64: reduction by pi/2 with a 400-bit pi.</summary>
    public static void SinCos(WideFloat x, out WideFloat sin, out WideFloat cos)
    {
        // Hardware reduces with a 66-bit pi (its results drift from the true ones as |x| grows); the same
        // reduction constant keeps results within about an ulp of a real CPU.
        var halfPi = Unsafe(HardwarePi66, -65); // pi = Pi66 * 2^-64
        // q = round(x / (pi/2)) computed exactly enough from the wide pi.
        var qf = x / halfPi;
        BigInteger q = qf.Exp >= 0 ? qf.Mant << qf.Exp : RoundShift(qf.Mant, -qf.Exp);
        var r = x;
        // r = x - q * pi/2 with all of pi's bits.
        var qpi = Unsafe(q * halfPi.Mant, halfPi.Exp);
        int e = Math.Min(r.Exp, qpi.Exp);
        var diff = (r.Mant << (r.Exp - e)) - (qpi.Mant << (qpi.Exp - e));
        r = new WideFloat(diff, e);
        SinCosSmall(r, out var s, out var c);
        switch ((int)(q & 3))
        {
            case 0: sin = s; cos = c; break;
            case 1: sin = c; cos = -s; break;
            case 2: sin = -s; cos = -c; break;
            default: sin = -c; cos = s; break;
        }
    }

    private static BigInteger RoundShift(BigInteger m, int n)
    {
        BigInteger half = BigInteger.One << (n - 1);
        return m.Sign >= 0 ? (m + half) >> n : -((-m + half) >> n);
    }

    /// <summary>pi truncated to 66 bits, as an integer scaled by 2^-65.</summary>
    private static readonly BigInteger HardwarePi66 = (new BigInteger(0xC90FDAA22168C234UL) << 2) | 3;

    /// <summary>atan(t) by halving the angle, then the series.</summary>
    public static WideFloat Atan(WideFloat t)
    {
        if (t.Magnitude < -100) return Nudge(t, -t.Sign); // t - t^3/3: toward zero
        bool neg = t.Sign < 0;
        if (neg) t = -t;
        bool invert = Compare(t, FromInt(1)) > 0;
        if (invert) t = FromInt(1) / t;
        // atan(t) = 2 atan(t / (1 + sqrt(1 + t^2)))
        int doublings = 0;
        while (t.Magnitude > -10)
        {
            t = t / (FromInt(1) + Sqrt(FromInt(1) + t * t));
            doublings++;
        }
        var t2 = t * t;
        WideFloat term = t, sum = t;
        for (int k = 3; k < 2000; k += 2)
        {
            term = -(term * t2);
            var add = term / FromInt(k);
            if (add.IsZero) break;
            sum = sum + add;
            if (sum.Magnitude - add.Magnitude > Bits + 4) break;
        }
        sum = sum.Scale(doublings);
        if (invert) sum = Pi.Scale(-1) - sum;
        return neg ? -sum : sum;
    }
}
