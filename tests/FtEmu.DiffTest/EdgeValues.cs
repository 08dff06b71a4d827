namespace FtEmu.DiffTest;

/// <summary>Boundary values mixed into the random ones: sign boundaries, NaNs, zeros, infinities, denormals.</summary>
public static class EdgeValues
{
    private static readonly ulong[] s_ints =
    [
        0, 1, 2, 3, 7, 8, 0x1F, 0x20, 0x3F, 0x40, 0x7F, 0x80, 0x81, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x100000000, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000,
        0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFE, 0xFFFFFFFF80000000, 0xFFFFFFFFFFFF8000, 0xFFFFFFFFFFFFFF80,
    ];

    private static readonly uint[] s_float32 =
    [
        0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x3F000000, 0x3FC00000, 0x40200000, 0x7F800000,
        0xFF800000, 0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF812345, 0x7FC12345, 0x00000001, 0x807FFFFF,
        0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x4F000000, 0xCF000000, 0x5F000000, 0xDF000000, 0x4EFFFFFF,
        0x3EFFFFFF, 0x00400000,
    ];

    private static readonly ulong[] s_float64 =
    [
        0x0000000000000000, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000, 0x3FE0000000000000,
        0x3FF8000000000000, 0x4004000000000000, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000,
        0xFFF8000000000000, 0x7FF0000000000001, 0xFFF4000000012345, 0x7FF8000000012345, 0x0000000000000001,
        0x800FFFFFFFFFFFFF, 0x0010000000000000, 0x7FEFFFFFFFFFFFFF, 0x41E0000000000000, 0xC1E0000000000000,
        0x43E0000000000000, 0xC3E0000000000000, 0x41DFFFFFFFC00000, 0x47EFFFFFE0000000, 0x36A0000000000000,
        0x3FDFFFFFFFFFFFFF,
    ];

    /// <summary>An integer of <paramref name="bits"/> bits (sign-extended edges and random bits).</summary>
    public static ulong Int(Rng r, int bits = 64)
    {
        ulong v = r.Below(10) switch
        {
            < 4 => r.Next(),
            4 => (ulong)(long)(r.Below(33) - 16),
            5 => (r.Next() & ~0xFFUL) | (byte)r.Pick(s_ints),
            _ => r.Pick(s_ints),
        };
        if (bits < 64 && r.Chance(30))
        {
            // An edge of the operand's own width (0x7F.., 0x80..) in an otherwise random register.
            ulong m = (1UL << bits) - 1;
            ulong e = r.Below(4) switch { 0 => m >> 1, 1 => (m >> 1) + 1, 2 => m, _ => 0 };
            v = (r.Next() & ~m) | e;
        }
        return v;
    }

    public static uint Float32(Rng r) => r.Below(3) switch
    {
        0 => (uint)r.Next(),
        1 => BitConverter.SingleToUInt32Bits((float)(r.Below(2001) - 1000) / (1 << r.Below(8))),
        _ => r.Pick(s_float32),
    };

    public static ulong Float64(Rng r) => r.Below(3) switch
    {
        0 => r.Next(),
        1 => BitConverter.DoubleToUInt64Bits((double)(r.Below(2001) - 1000) / (1 << r.Below(8))),
        _ => r.Pick(s_float64),
    };

    /// <summary>An 80-bit x87 value as (sign|exponent, significand), including the encodings only x87 has.</summary>
    public static (ushort Se, ulong Mant) Float80(Rng r)
    {
        ushort sign = (ushort)(r.Chance(50) ? 0x8000 : 0);
        const ulong J = 1UL << 63;
        ulong m = r.Next();
        (int e, ulong mm) = r.Below(20) switch
        {
            0 => (0, 0UL),                                   // zero
            1 => (0x7FFF, J),                                // infinity
            2 => (0x7FFF, J | (1UL << 62) | (m & 0xFFFF)),   // quiet NaN
            3 => (0x7FFF, J | ((m & 0x3FFFFFFFFFFFFFFF) | 1)), // signalling NaN
            4 => (0, m & ~J | 1),                            // denormal
            5 => (0, m | J),                                 // pseudo-denormal
            6 => (1 + r.Below(0x7FFE), m & ~J),              // unnormal
            7 => (0x7FFF, m & ~J),                           // pseudo-NaN / pseudo-infinity
            8 => (0x3FFF, J),                                // 1.0
            9 => (0x3FFE + r.Below(3), J | (m >> r.Below(64)) ), // around 0.5 .. 2, with few bits set
            10 => (0x403E, J | (m >> 1)),                    // near 2^63 (FIST, FBSTP limits)
            11 => (0x3FFF + r.Below(64), J | (m & ~((1UL << (63 - r.Below(64))) - 1))), // integers
            12 => (0x7FFE, ulong.MaxValue),                  // largest finite
            13 => (1, J),                                    // smallest normal
            14 => (0x3FFF + r.Below(2), 0xC90FDAA22168C234 ^ (m & 7)), // near pi/2, pi
            _ => (0x3FFF - 40 + r.Below(80), J | m),         // moderate normal
        };
        return ((ushort)(sign | e), mm);
    }
}
