using System.Numerics;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// SSSE3 on XMM registers: byte shuffle, horizontal add/subtract, multiply-add, rounded high
/// multiply, sign, absolute value and byte align. The MMX-register forms stay SIGILL.
/// </summary>
public static unsafe partial class Inst
{
    private static void RegisterSsse3(OpcodeRegistry r) => AddXmmTable(r, new[]
    {
        H(Mnemonic.Pshufb, &XmmOp<Pshufb>),
        H(Mnemonic.Phaddw, &XmmOp<HorizontalInt<short, Wrap<short>, Plus>>),
        H(Mnemonic.Phaddd, &XmmOp<HorizontalInt<int, Wrap<int>, Plus>>),
        H(Mnemonic.Phaddsw, &XmmOp<HorizontalInt<short, Saturate16, Plus>>),
        H(Mnemonic.Phsubw, &XmmOp<HorizontalInt<short, Wrap<short>, Minus>>),
        H(Mnemonic.Phsubd, &XmmOp<HorizontalInt<int, Wrap<int>, Minus>>),
        H(Mnemonic.Phsubsw, &XmmOp<HorizontalInt<short, Saturate16, Minus>>),
        H(Mnemonic.Pmaddubsw, &XmmOp<Pmaddubsw>), H(Mnemonic.Pmulhrsw, &XmmOp<Pmulhrsw>),
        H(Mnemonic.Psignb, &XmmOp<SignOf<sbyte>>), H(Mnemonic.Psignw, &XmmOp<SignOf<short>>), H(Mnemonic.Psignd, &XmmOp<SignOf<int>>),
        H(Mnemonic.Pabsb, &XmmOp<AbsOf<sbyte>>), H(Mnemonic.Pabsw, &XmmOp<AbsOf<short>>), H(Mnemonic.Pabsd, &XmmOp<AbsOf<int>>),
        H(Mnemonic.Palignr, &XmmOp<Palignr>),
    });

    /// <summary>Each result byte is the destination byte the source byte selects, or 0 if its top bit is set.</summary>
    internal struct Pshufb : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            byte* x = (byte*)a, y = (byte*)b, z = (byte*)r;
            for (int i = 0; i < 16; i++) z[i] = (y[i] & 0x80) != 0 ? (byte)0 : x[y[i] & 15];
        }
    }

    internal interface IPairOp { static abstract long Apply(long x, long y); }
    internal struct Plus : IPairOp { public static long Apply(long x, long y) => x + y; }
    internal struct Minus : IPairOp { public static long Apply(long x, long y) => x - y; }

    /// <summary>How an exact result is narrowed back to the element type.</summary>
    internal interface INarrow<T> { static abstract T Narrow(long v); }
    internal struct Wrap<T> : INarrow<T> where T : IBinaryInteger<T> { public static T Narrow(long v) => T.CreateTruncating(v); }
    internal struct Saturate16 : INarrow<short> { public static short Narrow(long v) => (short)Math.Clamp(v, short.MinValue, short.MaxValue); }

    /// <summary>PHADD*/PHSUB*: adjacent pairs of the destination fill the low half, those of the source the high half.</summary>
    internal struct HorizontalInt<T, TN, TP> : IXmmOp
        where T : unmanaged, IBinaryInteger<T> where TN : struct, INarrow<T> where TP : struct, IPairOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            int n = 16 / sizeof(T), half = n / 2;
            T* x = (T*)a, y = (T*)b, z = (T*)r;
            for (int i = 0; i < half; i++)
            {
                z[i] = TN.Narrow(TP.Apply(long.CreateTruncating(x[2 * i]), long.CreateTruncating(x[2 * i + 1])));
                z[half + i] = TN.Narrow(TP.Apply(long.CreateTruncating(y[2 * i]), long.CreateTruncating(y[2 * i + 1])));
            }
        }
    }

    /// <summary>Unsigned destination bytes times signed source bytes, adjacent products summed with signed saturation.</summary>
    internal struct Pmaddubsw : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            byte* x = (byte*)a;
            sbyte* y = (sbyte*)b;
            short* z = (short*)r;
            for (int i = 0; i < 8; i++) z[i] = SatS16(x[2 * i] * y[2 * i] + x[2 * i + 1] * y[2 * i + 1]);
        }
    }

    /// <summary>Signed 16x16 product, scaled by 2^-15 and rounded: ((x*y >> 14) + 1) >> 1.</summary>
    internal struct Pmulhrsw : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            short* x = (short*)a, y = (short*)b, z = (short*)r;
            for (int i = 0; i < 8; i++) z[i] = (short)((((x[i] * y[i]) >> 14) + 1) >> 1);
        }
    }

    /// <summary>PSIGN*: the destination element negated, zeroed or kept by the sign of the source element.</summary>
    internal struct SignOf<T> : IXmmOp where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            T* x = (T*)a, y = (T*)b, z = (T*)r;
            for (int i = 0; i < 16 / sizeof(T); i++)
                z[i] = T.IsNegative(y[i]) ? T.Zero - x[i] : T.IsZero(y[i]) ? T.Zero : x[i];
        }
    }

    /// <summary>PABS*: absolute value of the source; the most negative value stays (its unsigned magnitude).</summary>
    internal struct AbsOf<T> : IXmmOp where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            T* y = (T*)b, z = (T*)r;
            for (int i = 0; i < 16 / sizeof(T); i++) z[i] = T.IsNegative(y[i]) ? T.Zero - y[i] : y[i];
        }
    }

    /// <summary>Destination:source as one 32-byte value, shifted right by imm8 bytes; the low 16 bytes remain.</summary>
    internal struct Palignr : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            byte* x = (byte*)a, y = (byte*)b, z = (byte*)r;
            for (int i = 0; i < 16; i++)
            {
                int k = i + imm;
                z[i] = k < 16 ? y[k] : k < 32 ? x[k - 16] : (byte)0;
            }
        }
    }
}
