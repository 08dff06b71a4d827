using System.Numerics;
using FtEmu.Cpu.X87;

namespace FtEmu.Tests.X87;

/// <summary>
/// Float80 arithmetic against an exact rational reference (BigInteger) for every precision control and
/// rounding mode, on random operands that include denormals, overflow and underflow ranges.
/// </summary>
public class Float80Tests
{
    private static readonly int[] s_precisions = { 24, 53, 64 };

    // ---------- exact reference ----------

    /// <summary>A finite Float80 as sign and exact rational num / 2^shift (shift may be negative).</summary>
    private static (bool Neg, BigInteger Num, int Pow2) Exact(Float80 f)
    {
        int e = f.Exponent;
        int unbiased = e == 0 ? 1 - Float80.Bias : e - Float80.Bias;
        return (f.Sign, new BigInteger(f.Significand), unbiased - 63);
    }

    /// <summary>Correctly rounds the positive rational num/den (times sign) to an 80-bit value.</summary>
    private static (Float80 Value, bool Inexact, bool Up, bool Overflow, bool Underflow) RefRound(bool neg, BigInteger num, BigInteger den, int p, int rc)
    {
        if (num.IsZero) return (Float80.Zero(neg), false, false, false, false);
        // e = floor(log2(num/den))
        long e = (long)num.GetBitLength() - (long)den.GetBitLength();
        if (Cmp(num, den, e) < 0) e--;
        const int emin = 1 - Float80.Bias;
        bool tiny = e < emin;
        long ulpExp = Math.Max(e, emin) - (p - 1);
        // k = num/den / 2^ulpExp
        BigInteger n = num, d = den;
        if (ulpExp >= 0) d <<= (int)ulpExp;
        else n <<= (int)-ulpExp;
        BigInteger k = BigInteger.DivRem(n, d, out BigInteger rem);
        bool inexact = !rem.IsZero;
        bool up = false;
        if (inexact)
        {
            int c = (rem * 2).CompareTo(d);
            up = rc switch
            {
                0 => c > 0 || (c == 0 && !k.IsEven),
                1 => neg,
                2 => !neg,
                _ => false,
            };
            if (up) k += 1;
        }
        // Normalize k * 2^ulpExp to the 80-bit form.
        int kb = (int)k.GetBitLength();
        long topExp = ulpExp + kb - 1;
        if (topExp >= 16384)
        {
            bool toInf = rc switch { 0 => true, 1 => neg, 2 => !neg, _ => false };
            if (toInf) return (Float80.Infinity(neg), true, true, true, false);
            ulong max = ulong.MaxValue << (64 - p);
            return (new Float80(max, (ushort)(0x7FFE | (neg ? 0x8000 : 0))), true, false, true, false);
        }
        ulong sig;
        int biased;
        if (topExp < emin)
        {
            biased = 0;
            sig = (ulong)(k << (int)(ulpExp - (emin - 63)));
        }
        else
        {
            biased = (int)topExp + Float80.Bias;
            sig = (ulong)(k << (64 - kb));
        }
        // x87 tininess is after rounding: a value that rounds (exponent unbounded) to 2^emin is not tiny.
        if (tiny && e == emin - 1)
        {
            BigInteger n2 = num, d2 = den;
            long ue = e - (p - 1);
            if (ue >= 0) d2 <<= (int)ue;
            else n2 <<= (int)-ue;
            BigInteger k2 = BigInteger.DivRem(n2, d2, out BigInteger rem2);
            if (!rem2.IsZero)
            {
                int c2 = (rem2 * 2).CompareTo(d2);
                bool up2 = rc switch { 0 => c2 > 0 || (c2 == 0 && !k2.IsEven), 1 => neg, 2 => !neg, _ => false };
                if (up2) k2 += 1;
            }
            if (k2 == BigInteger.One << p) tiny = false;
        }
        return (new Float80(sig, (ushort)(biased | (neg ? 0x8000 : 0))), inexact, up, false, tiny && inexact);
    }

    private static int Cmp(BigInteger num, BigInteger den, long e) =>
        e >= 0 ? num.CompareTo(den << (int)e) : (num << (int)-e).CompareTo(den);

    private static (BigInteger Num, BigInteger Den) Ratio(BigInteger m, int pow2) =>
        pow2 >= 0 ? (m << pow2, BigInteger.One) : (m, BigInteger.One << -pow2);

    // ---------- random operands ----------

    private static Float80 RandomFinite(Random rng, int expLo, int expHi)
    {
        ulong sig = (ulong)rng.NextInt64() | ((ulong)rng.Next(2) << 63);
        switch (rng.Next(6))
        {
            case 0: sig &= ~((1UL << rng.Next(64)) - 1); break; // short significand
            case 1: sig |= (1UL << rng.Next(64)) - 1; break; // long run of ones
        }
        sig |= Float80.IntegerBit;
        int exp = rng.Next(expLo, expHi + 1);
        if (exp <= 0)
        {
            exp = 0;
            sig >>= rng.Next(1, 64);
            if (sig == 0) sig = 1;
        }
        return new Float80(sig, (ushort)(exp | (rng.Next(2) << 15)));
    }

    private static Float80 RandomOperand(Random rng)
    {
        return rng.Next(8) switch
        {
            0 => RandomFinite(rng, -5, 40),            // denormals and the bottom of the range
            1 => RandomFinite(rng, 0x7FFE - 40, 0x7FFE), // the top of the range
            _ => RandomFinite(rng, 0x3FFF - 80, 0x3FFF + 80),
        };
    }

    private static void Check(string what, Float80 a, Float80 b, int p, int rc, Float80 got, FpEnv env,
        (Float80 Value, bool Inexact, bool Up, bool Overflow, bool Underflow) want)
    {
        string ctx = $"{what} a={a} b={b} pc={p} rc={rc}";
        Assert.True(want.Value.Equals(got), $"{ctx}: got {got}, want {want.Value}");
        Assert.True(want.Inexact == ((env.Flags & FpFlags.PE) != 0), $"{ctx}: PE");
        Assert.True(want.Overflow == ((env.Flags & FpFlags.OE) != 0), $"{ctx}: OE");
        Assert.True(want.Underflow == ((env.Flags & FpFlags.UE) != 0), $"{ctx}: UE");
        if (want.Inexact) Assert.True(want.Up == env.RoundedUp, $"{ctx}: C1");
    }

    [Fact]
    public void AddSubMatchExactReference()
    {
        var rng = new Random(1234);
        for (int n = 0; n < 20000; n++)
        {
            var a = RandomOperand(rng);
            var b = rng.Next(3) == 0 ? RandomFinite(rng, a.Exponent - 70, a.Exponent + 3) : RandomOperand(rng);
            if (b.Exponent == 0 && a.Exponent != 0 && rng.Next(2) == 0) continue;
            bool sub = rng.Next(2) == 0;
            int p = s_precisions[rng.Next(3)], rc = rng.Next(4);
            var env = new FpEnv(rc, p);
            var got = sub ? Float80.Sub(a, b, ref env) : Float80.Add(a, b, ref env);
            var (sa, na, pa) = Exact(a);
            var (sb, nb, pb) = Exact(b);
            if (sub) sb = !sb;
            int pmin = Math.Min(pa, pb);
            BigInteger va = (na << (pa - pmin)) * (sa ? -1 : 1), vb = (nb << (pb - pmin)) * (sb ? -1 : 1);
            BigInteger sum = va + vb;
            var (num, den) = Ratio(BigInteger.Abs(sum), pmin);
            bool neg = sum.Sign < 0 || (sum.IsZero && (sa == sb ? sa : rc == 1));
            Check(sub ? "sub" : "add", a, b, p, rc, got, env, RefRound(neg, num, den, p, rc));
        }
    }

    [Fact]
    public void MulDivMatchExactReference()
    {
        var rng = new Random(5678);
        for (int n = 0; n < 20000; n++)
        {
            var a = RandomOperand(rng);
            var b = RandomOperand(rng);
            if (rng.Next(3) == 0) b = RandomFinite(rng, 0x3FFF - 3, 0x3FFF + 3);
            bool div = rng.Next(2) == 0;
            int p = s_precisions[rng.Next(3)], rc = rng.Next(4);
            var env = new FpEnv(rc, p);
            var got = div ? Float80.Div(a, b, ref env) : Float80.Mul(a, b, ref env);
            var (sa, na, pa) = Exact(a);
            var (sb, nb, pb) = Exact(b);
            BigInteger num, den;
            if (div)
            {
                // (na 2^pa) / (nb 2^pb)
                (num, den) = Ratio(na, pa - pb);
                den *= nb;
            }
            else
            {
                (num, den) = Ratio(na * nb, pa + pb);
            }
            Check(div ? "div" : "mul", a, b, p, rc, got, env, RefRound(sa != sb, num, den, p, rc));
        }
    }

    [Fact]
    public void SqrtMatchesExactReference()
    {
        var rng = new Random(91011);
        for (int n = 0; n < 20000; n++)
        {
            var a = RandomOperand(rng).Abs();
            if (n % 7 == 0)
            {
                // Exact squares.
                ulong r = (ulong)rng.Next(1, int.MaxValue);
                a = new Float80(0, 0);
                var e0 = new FpEnv(0, 64);
                a = Float80.Mul(Float80.FromInt64((long)r), Float80.FromInt64((long)r), ref e0);
            }
            int p = s_precisions[rng.Next(3)], rc = rng.Next(4);
            var env = new FpEnv(rc, p);
            var got = Float80.Sqrt(a, ref env);
            var (_, na, pa) = Exact(a);
            // sqrt(na 2^pa) = sqrt(na 2^(pa + 2T)) / 2^T with pa + 2T even and large.
            int t = 200 - pa / 2;
            if (((pa + 2 * t) & 1) != 0) t++;
            BigInteger big = na << (pa + 2 * t);
            BigInteger root = ISqrt(big);
            bool exact = root * root == big;
            BigInteger num = exact ? root : 2 * root + 1;
            int denPow = exact ? t : t + 1;
            BigInteger den = BigInteger.One;
            if (denPow >= 0) den <<= denPow;
            else num <<= -denPow;
            Check("sqrt", a, a, p, rc, got, env, RefRound(false, num, den, p, rc));
        }
    }

    private static BigInteger ISqrt(BigInteger n)
    {
        if (n.IsZero) return 0;
        BigInteger x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    [Theory]
    [InlineData(0x3FFF, 0x8000000000000000UL, 1.0)]
    [InlineData(0x4000, 0xC000000000000000UL, 3.0)]
    [InlineData(0xBFFE, 0x8000000000000000UL, -0.5)]
    public void DoubleConversionRoundTrips(int se, ulong sig, double d)
    {
        var env = new FpEnv(0, 64);
        var f = Float80.FromDouble((ulong)BitConverter.DoubleToInt64Bits(d), ref env);
        Assert.Equal(new Float80(sig, (ushort)se), f);
        Assert.Equal(BitConverter.DoubleToInt64Bits(d), (long)Float80.ToDouble(f, ref env));
        Assert.Equal(0, env.Flags);
    }

    [Fact]
    public void DoubleAndSingleStoresMatchHostRounding()
    {
        // The host's (double)->(float) conversion is correctly rounded to nearest: use it as a reference for
        // values that are exactly doubles.
        var rng = new Random(42);
        for (int n = 0; n < 20000; n++)
        {
            double d = BitConverter.Int64BitsToDouble(rng.NextInt64());
            if (double.IsNaN(d)) continue;
            var env = new FpEnv(0, 64);
            var f = Float80.FromDouble((ulong)BitConverter.DoubleToInt64Bits(d), ref env);
            Assert.Equal(BitConverter.DoubleToInt64Bits(d), (long)Float80.ToDouble(f, ref env));
            uint single = Float80.ToSingle(f, ref env);
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)d), single);
        }
    }

    [Fact]
    public void NaNPropagationFollowsIntel()
    {
        var env = new FpEnv(0, 64);
        var snan = new Float80(0x8000000000000001, 0x7FFF);
        var qnanSmall = new Float80(0xC000000000000001, 0xFFFF);
        var qnanBig = new Float80(0xC000000000000100, 0x7FFF);
        var one = Float80.One;
        Assert.Equal(new Float80(0xC000000000000001, 0x7FFF), Float80.Add(snan, one, ref env));
        Assert.Equal(FpFlags.IE, env.Flags);
        env = new FpEnv(0, 64);
        Assert.Equal(qnanSmall, Float80.Add(snan, qnanSmall, ref env));
        Assert.Equal(qnanBig, Float80.Mul(qnanSmall, qnanBig, ref env));
        Assert.Equal(Float80.Indefinite, Float80.Sub(Float80.Infinity(false), Float80.Infinity(false), ref env));
    }

    [Fact]
    public void IntegerConversionsRoundPerMode()
    {
        var env = new FpEnv(0, 64);
        var two5 = Float80.Div(Float80.FromInt64(5), Float80.FromInt64(2), ref env);
        Assert.Equal(2, Float80.ToInt(two5, 32, false, ref env));
        env = new FpEnv(2, 64);
        Assert.Equal(3, Float80.ToInt(two5, 32, false, ref env));
        Assert.True(env.RoundedUp);
        env = new FpEnv(1, 64);
        Assert.Equal(-3, Float80.ToInt(two5.Negate(), 32, false, ref env));
        Assert.Equal(-2, Float80.ToInt(two5.Negate(), 32, true, ref env));
        env = new FpEnv(0, 64);
        Assert.Equal(short.MinValue, Float80.ToInt(Float80.FromInt64(40000), 16, false, ref env));
        Assert.Equal(FpFlags.IE, env.Flags & FpFlags.IE);
    }
}
