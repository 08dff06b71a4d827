using FtEmu.Cpu;
using Xunit;

namespace FtEmu.Tests.Isa;

/// <summary>
/// The host-arithmetic fast path must agree with the software path bit for bit, flags included,
/// on every input it accepts; operands are drawn to hit its boundaries (denormal threshold, overflow,
/// the residual-exactness exponent bounds, cancellation, exact and inexact results).
/// </summary>
public class SseFastFloatTests
{
    private const int Cases = 150_000;

    // Default, FTZ+DAZ, all unmasked but PE, PE unmasked, and each directed rounding mode.
    private static readonly uint[] Mxcsrs = [0x1F80, 0x9FC0, 0x1000, 0x9040, 0x0F80, 0x3F80, 0x5F80, 0x7F80];

    private static readonly FOp[] Ops = [FOp.Add, FOp.Sub, FOp.Mul, FOp.Div];

    private static readonly int[] EdgeExp64 = [0, 1, 2, 3, 52, 53, 54, 55, 56, 126, 127, 128, 129, 130, 511, 512, 513, 1021, 1022, 1023, 1024, 1025, 1535, 2044, 2045, 2046, 2047];
    private static readonly int[] EdgeExp32 = [0, 1, 2, 3, 4, 23, 24, 25, 62, 63, 64, 65, 125, 126, 127, 128, 129, 190, 252, 253, 254, 255];

    private static ulong Mant64(Random rng) => rng.Next(6) switch
    {
        0 => 0,
        1 => 0x000FFFFFFFFFFFFF,
        2 => (ulong)rng.NextInt64() & 0x000FFFFFFFFFFFFF & ~0xFFFFFFFFUL, // short: products and quotients often exact
        3 => 1UL << rng.Next(52),
        _ => (ulong)rng.NextInt64() & 0x000FFFFFFFFFFFFF,
    };

    private static uint Mant32(Random rng) => rng.Next(6) switch
    {
        0 => 0,
        1 => 0x007FFFFF,
        2 => (uint)rng.Next() & 0x007FF000,
        3 => 1u << rng.Next(23),
        _ => (uint)rng.Next() & 0x007FFFFF,
    };

    private static ulong Value64(Random rng)
    {
        ulong sign = (ulong)rng.Next(2) << 63;
        int exp = rng.Next(4) switch
        {
            0 => EdgeExp64[rng.Next(EdgeExp64.Length)],
            1 => 1023 + rng.Next(-40, 41),
            2 => rng.Next(2048),
            _ => EdgeExp64[rng.Next(EdgeExp64.Length)] + rng.Next(-3, 4),
        };
        return sign | ((ulong)Math.Clamp(exp, 0, 2047) << 52) | Mant64(rng);
    }

    private static uint Value32(Random rng)
    {
        uint sign = (uint)rng.Next(2) << 31;
        int exp = rng.Next(4) switch
        {
            0 => EdgeExp32[rng.Next(EdgeExp32.Length)],
            1 => 127 + rng.Next(-20, 21),
            2 => rng.Next(256),
            _ => EdgeExp32[rng.Next(EdgeExp32.Length)] + rng.Next(-3, 4),
        };
        return sign | ((uint)Math.Clamp(exp, 0, 255) << 23) | Mant32(rng);
    }

    // A second operand related to the first: near it (cancellation), or so that a*b or a/b lands
    // near a chosen exponent (the result boundaries).
    private static ulong Partner64(Random rng, ulong a)
    {
        switch (rng.Next(5))
        {
            case 0: return a ^ (ulong)rng.Next(4) ^ ((ulong)rng.Next(2) << 63);
            case 1:
            {
                double target = BitConverter.UInt64BitsToDouble(Value64(rng));
                double b = target / BitConverter.UInt64BitsToDouble(a);
                return BitConverter.DoubleToUInt64Bits(b) + (ulong)rng.Next(-2, 3);
            }
            case 2:
            {
                double target = BitConverter.UInt64BitsToDouble(Value64(rng));
                double b = BitConverter.UInt64BitsToDouble(a) / target;
                return BitConverter.DoubleToUInt64Bits(b) + (ulong)rng.Next(-2, 3);
            }
            default: return Value64(rng);
        }
    }

    private static uint Partner32(Random rng, uint a)
    {
        switch (rng.Next(5))
        {
            case 0: return a ^ (uint)rng.Next(4) ^ ((uint)rng.Next(2) << 31);
            case 1:
            {
                float target = BitConverter.UInt32BitsToSingle(Value32(rng));
                float b = target / BitConverter.UInt32BitsToSingle(a);
                return (uint)(BitConverter.SingleToUInt32Bits(b) + rng.Next(-2, 3));
            }
            case 2:
            {
                float target = BitConverter.UInt32BitsToSingle(Value32(rng));
                float b = BitConverter.UInt32BitsToSingle(a) / target;
                return (uint)(BitConverter.SingleToUInt32Bits(b) + rng.Next(-2, 3));
            }
            default: return Value32(rng);
        }
    }

    [Fact]
    public void Double_FastEqualsSlowWheneverAccepted()
    {
        var rng = new Random(1234);
        int accepted = 0;
        for (int i = 0; i < Cases; i++)
        {
            ulong a = Value64(rng), b = Partner64(rng, a);
            if (rng.Next(2) == 0) (a, b) = (b, a);
            uint mx = Mxcsrs[rng.Next(Mxcsrs.Length)];
            foreach (FOp op in Ops)
            {
                uint ff = 0, sf = 0;
                if (!SseFastFloat.TryOp64(op, a, b, mx, ref ff, out ulong fr)) continue;
                accepted++;
                ulong sr = SseFloat.Op64Slow(op, a, b, mx, ref sf);
                Assert.True(fr == sr && ff == sf, $"{op} {a:X16} {b:X16} mxcsr {mx:X4}: fast {fr:X16}/{ff:X2}, slow {sr:X16}/{sf:X2}");
            }
            {
                uint ff = 0, sf = 0;
                if (SseFastFloat.TrySqrt64(a, mx, ref ff, out ulong fr))
                {
                    accepted++;
                    ulong sr = SseFloat.Sqrt64Slow(a, mx, ref sf);
                    Assert.True(fr == sr && ff == sf, $"sqrt {a:X16} mxcsr {mx:X4}: fast {fr:X16}/{ff:X2}, slow {sr:X16}/{sf:X2}");
                }
            }
        }
        Assert.True(accepted > Cases, $"fast path accepted only {accepted}");
    }

    [Fact]
    public void Single_FastEqualsSlowWheneverAccepted()
    {
        var rng = new Random(4321);
        int accepted = 0;
        for (int i = 0; i < Cases; i++)
        {
            uint a = Value32(rng), b = Partner32(rng, a);
            if (rng.Next(2) == 0) (a, b) = (b, a);
            uint mx = Mxcsrs[rng.Next(Mxcsrs.Length)];
            foreach (FOp op in Ops)
            {
                uint ff = 0, sf = 0;
                if (!SseFastFloat.TryOp32(op, a, b, mx, ref ff, out uint fr)) continue;
                accepted++;
                uint sr = SseFloat.Op32Slow(op, a, b, mx, ref sf);
                Assert.True(fr == sr && ff == sf, $"{op} {a:X8} {b:X8} mxcsr {mx:X4}: fast {fr:X8}/{ff:X2}, slow {sr:X8}/{sf:X2}");
            }
            {
                uint ff = 0, sf = 0;
                if (SseFastFloat.TrySqrt32(a, mx, ref ff, out uint fr))
                {
                    accepted++;
                    uint sr = SseFloat.Sqrt32Slow(a, mx, ref sf);
                    Assert.True(fr == sr && ff == sf, $"sqrt {a:X8} mxcsr {mx:X4}: fast {fr:X8}/{ff:X2}, slow {sr:X8}/{sf:X2}");
                }
            }
        }
        Assert.True(accepted > Cases, $"fast path accepted only {accepted}");
    }

    [Fact]
    public void CommonCasesAreAcceptedAndFlagged()
    {
        uint f = 0;
        Assert.True(SseFastFloat.TryOp64(FOp.Add, BitConverter.DoubleToUInt64Bits(1.0), BitConverter.DoubleToUInt64Bits(2.0), 0x1F80, ref f, out ulong r));
        Assert.Equal(3.0, BitConverter.UInt64BitsToDouble(r));
        Assert.Equal(0u, f);
        Assert.True(SseFastFloat.TryOp64(FOp.Div, BitConverter.DoubleToUInt64Bits(1.0), BitConverter.DoubleToUInt64Bits(3.0), 0x1F80, ref f, out _));
        Assert.Equal(SseFloat.PE, f);
        f = 0;
        Assert.True(SseFastFloat.TryOp32(FOp.Add, BitConverter.SingleToUInt32Bits(1e20f), BitConverter.SingleToUInt32Bits(1e-20f), 0x1F80, ref f, out uint s));
        Assert.Equal(1e20f, BitConverter.UInt32BitsToSingle(s));
        Assert.Equal(SseFloat.PE, f);
        // Directed rounding, PE unmasked, denormal, tiny and overflowing results all decline.
        Assert.False(SseFastFloat.TryOp64(FOp.Add, BitConverter.DoubleToUInt64Bits(1.0), BitConverter.DoubleToUInt64Bits(2.0), 0x3F80, ref f, out _));
        Assert.False(SseFastFloat.TryOp64(FOp.Add, BitConverter.DoubleToUInt64Bits(1.0), BitConverter.DoubleToUInt64Bits(2.0), 0x0F80, ref f, out _));
        Assert.False(SseFastFloat.TryOp64(FOp.Add, 1, BitConverter.DoubleToUInt64Bits(2.0), 0x1F80, ref f, out _));
        Assert.False(SseFastFloat.TryOp64(FOp.Mul, BitConverter.DoubleToUInt64Bits(1e-200), BitConverter.DoubleToUInt64Bits(1e-200), 0x1F80, ref f, out _));
        Assert.False(SseFastFloat.TryOp64(FOp.Mul, BitConverter.DoubleToUInt64Bits(1e200), BitConverter.DoubleToUInt64Bits(1e200), 0x1F80, ref f, out _));
        Assert.False(SseFastFloat.TryOp32(FOp.Div, BitConverter.SingleToUInt32Bits(1f), 0, 0x1F80, ref f, out _));
    }

    [Fact]
    public void ExactIntegerConversionsMatchTheRoundingPath()
    {
        foreach (uint mx in Mxcsrs)
        {
            for (long d = -3; d <= 3; d++)
            {
                foreach (long v in new[] { d, (1L << 24) + d, -(1L << 24) + d, int.MaxValue + Math.Min(d, 0), int.MinValue + Math.Max(d, 0) })
                {
                    uint ff = 0, sf = 0;
                    uint fr = SseFloat.Int32ToSingle((int)v, mx, ref ff);
                    uint sr = v == 0 ? 0 : SseFloat.RoundToSingle((int)v, 0, mx, ref sf);
                    Assert.True(fr == sr && ff == sf, $"cvtsi2ss {v} mxcsr {mx:X4}: {fr:X8}/{ff:X2} vs {sr:X8}/{sf:X2}");
                }
                foreach (long v in new[] { d, (1L << 53) + d, -(1L << 53) + d, long.MaxValue + Math.Min(d, 0), long.MinValue + Math.Max(d, 0) })
                {
                    uint ff = 0, sf = 0;
                    ulong fr = SseFloat.Int64ToDouble(v, mx, ref ff);
                    double h = v;
                    Int128 e = (Int128)v - (Int128)h;
                    ulong sr = v == 0 ? 0 : SseFloat.RoundDouble(h, e > 0 ? 1 : e < 0 ? -1 : 0, mx, ref sf);
                    Assert.True(fr == sr && ff == sf, $"cvtsi2sd {v} mxcsr {mx:X4}: {fr:X16}/{ff:X2} vs {sr:X16}/{sf:X2}");
                }
            }
        }
    }
}
