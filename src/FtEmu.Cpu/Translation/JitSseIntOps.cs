using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector128<ulong>;

namespace FtEmu.Cpu;

/// <summary>
/// The SSE integer operations compiled blocks call (inlined by .NET into the block, so each is a
/// few host vector instructions). Each computes exactly what the interpreter's handler computes
/// (Instructions/InstSse*.cs), for every input: a value in, a value out, no state or memory access,
/// so a fault while reading an operand happens before any destination is written. Only portable
/// <see cref="Vector128"/> operations, so they are exact on any host; counts and immediates are
/// checked here as the SDM says (a shift count at or past the element width gives 0, or fills
/// with the sign), never left to .NET's masking of shift counts.
/// </summary>
internal static unsafe class JitSseIntOps
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)] public static V Make(ulong lo, ulong hi) => Vector128.Create(lo, hi);

    /// <summary>Loads 16 bytes of XMM state (no alignment needed).</summary>
    [MethodImpl(Inline)] public static V Load(ulong* p) => Vector128.Load(p);

    [MethodImpl(Inline)] public static void Store(ulong* p, V v) => v.Store(p);

    // ---- logic (PAND/ANDPS/ANDPD, ...: the same bits) ----

    [MethodImpl(Inline)] public static V And(V a, V b) => a & b;
    /// <summary>PANDN: NOT destination AND source.</summary>
    [MethodImpl(Inline)] public static V AndNot(V a, V b) => Vector128.AndNot(b, a);
    [MethodImpl(Inline)] public static V Or(V a, V b) => a | b;
    [MethodImpl(Inline)] public static V Xor(V a, V b) => a ^ b;

    // ---- wrapping add/subtract ----

    [MethodImpl(Inline)] public static V AddB(V a, V b) => (a.AsByte() + b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V AddW(V a, V b) => (a.AsUInt16() + b.AsUInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V AddD(V a, V b) => (a.AsUInt32() + b.AsUInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V AddQ(V a, V b) => a + b;
    [MethodImpl(Inline)] public static V SubB(V a, V b) => (a.AsByte() - b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V SubW(V a, V b) => (a.AsUInt16() - b.AsUInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V SubD(V a, V b) => (a.AsUInt32() - b.AsUInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V SubQ(V a, V b) => a - b;

    // ---- unsigned saturating add/subtract: min(a, ~b) + b cannot wrap; max(a, b) - b cannot go below 0 ----

    [MethodImpl(Inline)] public static V AddUSB(V a, V b) => (Vector128.Min(a.AsByte(), ~b.AsByte()) + b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V AddUSW(V a, V b) => (Vector128.Min(a.AsUInt16(), ~b.AsUInt16()) + b.AsUInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V SubUSB(V a, V b) => (Vector128.Max(a.AsByte(), b.AsByte()) - b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V SubUSW(V a, V b) => (Vector128.Max(a.AsUInt16(), b.AsUInt16()) - b.AsUInt16()).AsUInt64();

    // ---- signed saturating add/subtract ----

    [MethodImpl(Inline)] public static V AddSB(V a, V b) => Vector128.AddSaturate(a.AsSByte(), b.AsSByte()).AsUInt64();
    [MethodImpl(Inline)] public static V AddSW(V a, V b) => Vector128.AddSaturate(a.AsInt16(), b.AsInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V SubSB(V a, V b) => Vector128.SubtractSaturate(a.AsSByte(), b.AsSByte()).AsUInt64();
    [MethodImpl(Inline)] public static V SubSW(V a, V b) => Vector128.SubtractSaturate(a.AsInt16(), b.AsInt16()).AsUInt64();

    // ---- multiply, average, sums ----

    [MethodImpl(Inline)] public static V MulLW(V a, V b) => (a.AsUInt16() * b.AsUInt16()).AsUInt64();

    /// <summary>PMULHW/PMULHUW: the high word of each 32-bit product.</summary>
    [MethodImpl(Inline)]
    public static V MulHW(V a, V b) => Vector128.Narrow(
        Vector128.ShiftRightArithmetic(Vector128.WidenLower(a.AsInt16()) * Vector128.WidenLower(b.AsInt16()), 16),
        Vector128.ShiftRightArithmetic(Vector128.WidenUpper(a.AsInt16()) * Vector128.WidenUpper(b.AsInt16()), 16)).AsUInt64();

    [MethodImpl(Inline)]
    public static V MulHUW(V a, V b) => Vector128.Narrow(
        Vector128.ShiftRightLogical(Vector128.WidenLower(a.AsUInt16()) * Vector128.WidenLower(b.AsUInt16()), 16),
        Vector128.ShiftRightLogical(Vector128.WidenUpper(a.AsUInt16()) * Vector128.WidenUpper(b.AsUInt16()), 16)).AsUInt64();

    /// <summary>
    /// PMADDWD: signed word products, adjacent pairs summed (wrapping, as 0x8000 * 0x8000 twice
    /// does). Each quadword of the products holds a pair; its low 32 bits plus its high 32 bits is
    /// the sum, and narrowing keeps those low 32 bits.
    /// </summary>
    [MethodImpl(Inline)]
    public static V MAddWD(V a, V b)
    {
        var lo = (Vector128.WidenLower(a.AsInt16()) * Vector128.WidenLower(b.AsInt16())).AsUInt64();
        var hi = (Vector128.WidenUpper(a.AsInt16()) * Vector128.WidenUpper(b.AsInt16())).AsUInt64();
        return Vector128.Narrow(lo + Vector128.ShiftRightLogical(lo, 32), hi + Vector128.ShiftRightLogical(hi, 32)).AsUInt64();
    }

    /// <summary>PSADBW: per quadword, the sum of the 8 absolute byte differences (at most 2040).</summary>
    [MethodImpl(Inline)]
    public static V SadBW(V a, V b)
    {
        var d = Vector128.Max(a.AsByte(), b.AsByte()) - Vector128.Min(a.AsByte(), b.AsByte());
        return Vector128.Create((ulong)Vector128.Sum(Vector128.WidenLower(d)), Vector128.Sum(Vector128.WidenUpper(d)));
    }

    /// <summary>PMULLD: the low 32 bits of each doubleword product.</summary>
    [MethodImpl(Inline)] public static V MulLD(V a, V b) => (a.AsUInt32() * b.AsUInt32()).AsUInt64();

    /// <summary>PMULDQ: signed products of doublewords 0 and 2.</summary>
    [MethodImpl(Inline)]
    public static V MulDQ(V a, V b) =>
        Vector128.Create((ulong)((long)(int)a.GetElement(0) * (int)b.GetElement(0)), (ulong)((long)(int)a.GetElement(1) * (int)b.GetElement(1)));

    /// <summary>PMULUDQ: the low doublewords of each quadword, multiplied to 64 bits.</summary>
    [MethodImpl(Inline)]
    public static V MulUDQ(V a, V b) =>
        Vector128.Create((ulong)(uint)a.GetElement(0) * (uint)b.GetElement(0), (ulong)(uint)a.GetElement(1) * (uint)b.GetElement(1));

    /// <summary>PAVGB/PAVGW: (a + b + 1) >> 1 without widening, as (a | b) - ((a ^ b) >> 1).</summary>
    [MethodImpl(Inline)]
    public static V AvgB(V a, V b) => ((a.AsByte() | b.AsByte()) - Vector128.ShiftRightLogical(a.AsByte() ^ b.AsByte(), 1)).AsUInt64();

    [MethodImpl(Inline)]
    public static V AvgW(V a, V b) => ((a.AsUInt16() | b.AsUInt16()) - Vector128.ShiftRightLogical(a.AsUInt16() ^ b.AsUInt16(), 1)).AsUInt64();

    // ---- min/max, compares (all-ones or zero per element) ----

    [MethodImpl(Inline)] public static V MinUB(V a, V b) => Vector128.Min(a.AsByte(), b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V MaxUB(V a, V b) => Vector128.Max(a.AsByte(), b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V MinSW(V a, V b) => Vector128.Min(a.AsInt16(), b.AsInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V MaxSW(V a, V b) => Vector128.Max(a.AsInt16(), b.AsInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V MinSB(V a, V b) => Vector128.Min(a.AsSByte(), b.AsSByte()).AsUInt64();
    [MethodImpl(Inline)] public static V MaxSB(V a, V b) => Vector128.Max(a.AsSByte(), b.AsSByte()).AsUInt64();
    [MethodImpl(Inline)] public static V MinUW(V a, V b) => Vector128.Min(a.AsUInt16(), b.AsUInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V MaxUW(V a, V b) => Vector128.Max(a.AsUInt16(), b.AsUInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V MinSD(V a, V b) => Vector128.Min(a.AsInt32(), b.AsInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V MaxSD(V a, V b) => Vector128.Max(a.AsInt32(), b.AsInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V MinUD(V a, V b) => Vector128.Min(a.AsUInt32(), b.AsUInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V MaxUD(V a, V b) => Vector128.Max(a.AsUInt32(), b.AsUInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V CmpEqQ(V a, V b) => Vector128.Equals(a, b);
    [MethodImpl(Inline)] public static V CmpGtQ(V a, V b) => Vector128.GreaterThan(a.AsInt64(), b.AsInt64()).AsUInt64();
    [MethodImpl(Inline)] public static V CmpEqB(V a, V b) => Vector128.Equals(a.AsByte(), b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V CmpEqW(V a, V b) => Vector128.Equals(a.AsUInt16(), b.AsUInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V CmpEqD(V a, V b) => Vector128.Equals(a.AsUInt32(), b.AsUInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V CmpGtB(V a, V b) => Vector128.GreaterThan(a.AsSByte(), b.AsSByte()).AsUInt64();
    [MethodImpl(Inline)] public static V CmpGtW(V a, V b) => Vector128.GreaterThan(a.AsInt16(), b.AsInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V CmpGtD(V a, V b) => Vector128.GreaterThan(a.AsInt32(), b.AsInt32()).AsUInt64();

    // ---- packs: clamp to the narrow type's range, then narrow (destination elements low, source high) ----

    [MethodImpl(Inline)]
    public static V PackSSWB(V a, V b) => Vector128.Narrow(Clamp(a.AsInt16(), -128, 127), Clamp(b.AsInt16(), -128, 127)).AsUInt64();

    [MethodImpl(Inline)]
    public static V PackUSWB(V a, V b) => Vector128.Narrow(Clamp(a.AsInt16(), 0, 255).AsUInt16(), Clamp(b.AsInt16(), 0, 255).AsUInt16()).AsUInt64();

    [MethodImpl(Inline)]
    public static V PackSSDW(V a, V b) => Vector128.Narrow(Clamp(a.AsInt32(), short.MinValue, short.MaxValue), Clamp(b.AsInt32(), short.MinValue, short.MaxValue)).AsUInt64();

    [MethodImpl(Inline)]
    public static V PackUSDW(V a, V b) => Vector128.Narrow(Clamp(a.AsInt32(), 0, ushort.MaxValue).AsUInt32(), Clamp(b.AsInt32(), 0, ushort.MaxValue).AsUInt32()).AsUInt64();

    [MethodImpl(Inline)]
    private static Vector128<short> Clamp(Vector128<short> v, short lo, short hi) => Vector128.Min(Vector128.Max(v, Vector128.Create(lo)), Vector128.Create(hi));

    [MethodImpl(Inline)]
    private static Vector128<int> Clamp(Vector128<int> v, int lo, int hi) => Vector128.Min(Vector128.Max(v, Vector128.Create(lo)), Vector128.Create(hi));

    // ---- unpacks: elements of the low (high) halves of destination and source interleaved, destination first ----

    [MethodImpl(Inline)]
    public static V UnpackLowB(V a, V b) => (Vector128.WidenLower(a.AsByte()) | Vector128.ShiftLeft(Vector128.WidenLower(b.AsByte()), 8)).AsUInt64();

    [MethodImpl(Inline)]
    public static V UnpackHighB(V a, V b) => (Vector128.WidenUpper(a.AsByte()) | Vector128.ShiftLeft(Vector128.WidenUpper(b.AsByte()), 8)).AsUInt64();

    [MethodImpl(Inline)]
    public static V UnpackLowW(V a, V b) => (Vector128.WidenLower(a.AsUInt16()) | Vector128.ShiftLeft(Vector128.WidenLower(b.AsUInt16()), 16)).AsUInt64();

    [MethodImpl(Inline)]
    public static V UnpackHighW(V a, V b) => (Vector128.WidenUpper(a.AsUInt16()) | Vector128.ShiftLeft(Vector128.WidenUpper(b.AsUInt16()), 16)).AsUInt64();

    [MethodImpl(Inline)]
    public static V UnpackLowD(V a, V b) => Vector128.WidenLower(a.AsUInt32()) | Vector128.ShiftLeft(Vector128.WidenLower(b.AsUInt32()), 32);

    [MethodImpl(Inline)]
    public static V UnpackHighD(V a, V b) => Vector128.WidenUpper(a.AsUInt32()) | Vector128.ShiftLeft(Vector128.WidenUpper(b.AsUInt32()), 32);

    [MethodImpl(Inline)] public static V UnpackLowQ(V a, V b) => Vector128.Create(a.GetElement(0), b.GetElement(0));
    [MethodImpl(Inline)] public static V UnpackHighQ(V a, V b) => Vector128.Create(a.GetElement(1), b.GetElement(1));

    // ---- one source (PABS*, PMOVZX*/PMOVSX*: the low elements widened) ----

    /// <summary>PABS*: max(v, -v) signed, so the most negative value stays as it is (its unsigned magnitude).</summary>
    [MethodImpl(Inline)] public static V AbsB(V b) => Vector128.Max(b.AsSByte(), -b.AsSByte()).AsUInt64();
    [MethodImpl(Inline)] public static V AbsW(V b) => Vector128.Max(b.AsInt16(), -b.AsInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V AbsD(V b) => Vector128.Max(b.AsInt32(), -b.AsInt32()).AsUInt64();
    [MethodImpl(Inline)] public static V ZxBW(V b) => Vector128.WidenLower(b.AsByte()).AsUInt64();
    [MethodImpl(Inline)] public static V ZxBD(V b) => Vector128.WidenLower(Vector128.WidenLower(b.AsByte())).AsUInt64();
    [MethodImpl(Inline)] public static V ZxBQ(V b) => Vector128.WidenLower(Vector128.WidenLower(Vector128.WidenLower(b.AsByte())));
    [MethodImpl(Inline)] public static V ZxWD(V b) => Vector128.WidenLower(b.AsUInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V ZxWQ(V b) => Vector128.WidenLower(Vector128.WidenLower(b.AsUInt16()));
    [MethodImpl(Inline)] public static V ZxDQ(V b) => Vector128.WidenLower(b.AsUInt32());
    [MethodImpl(Inline)] public static V SxBW(V b) => Vector128.WidenLower(b.AsSByte()).AsUInt64();
    [MethodImpl(Inline)] public static V SxBD(V b) => Vector128.WidenLower(Vector128.WidenLower(b.AsSByte())).AsUInt64();
    [MethodImpl(Inline)] public static V SxBQ(V b) => Vector128.WidenLower(Vector128.WidenLower(Vector128.WidenLower(b.AsSByte()))).AsUInt64();
    [MethodImpl(Inline)] public static V SxWD(V b) => Vector128.WidenLower(b.AsInt16()).AsUInt64();
    [MethodImpl(Inline)] public static V SxWQ(V b) => Vector128.WidenLower(Vector128.WidenLower(b.AsInt16())).AsUInt64();
    [MethodImpl(Inline)] public static V SxDQ(V b) => Vector128.WidenLower(b.AsInt32()).AsUInt64();

    // ---- element shifts by a count (imm8, or the low quadword of xmm/m128) ----

    [MethodImpl(Inline)] public static V Sllw(V a, ulong c) => c >= 16 ? V.Zero : Vector128.ShiftLeft(a.AsUInt16(), (int)c).AsUInt64();
    [MethodImpl(Inline)] public static V Slld(V a, ulong c) => c >= 32 ? V.Zero : Vector128.ShiftLeft(a.AsUInt32(), (int)c).AsUInt64();
    [MethodImpl(Inline)] public static V Sllq(V a, ulong c) => c >= 64 ? V.Zero : Vector128.ShiftLeft(a, (int)c);
    [MethodImpl(Inline)] public static V Srlw(V a, ulong c) => c >= 16 ? V.Zero : Vector128.ShiftRightLogical(a.AsUInt16(), (int)c).AsUInt64();
    [MethodImpl(Inline)] public static V Srld(V a, ulong c) => c >= 32 ? V.Zero : Vector128.ShiftRightLogical(a.AsUInt32(), (int)c).AsUInt64();
    [MethodImpl(Inline)] public static V Srlq(V a, ulong c) => c >= 64 ? V.Zero : Vector128.ShiftRightLogical(a, (int)c);
    [MethodImpl(Inline)] public static V Sraw(V a, ulong c) => Vector128.ShiftRightArithmetic(a.AsInt16(), c >= 16 ? 15 : (int)c).AsUInt64();
    [MethodImpl(Inline)] public static V Srad(V a, ulong c) => Vector128.ShiftRightArithmetic(a.AsInt32(), c >= 32 ? 31 : (int)c).AsUInt64();

    /// <summary>PSLLDQ: the whole register left by imm8 bytes (16 or more: zero).</summary>
    [MethodImpl(Inline)]
    public static V Slldq(V a, ulong n)
    {
        if (n > 15) return V.Zero;
        UInt128 v = new UInt128(a.GetElement(1), a.GetElement(0)) << (8 * (int)n);
        return Vector128.Create((ulong)v, (ulong)(v >> 64));
    }

    [MethodImpl(Inline)]
    public static V Srldq(V a, ulong n)
    {
        if (n > 15) return V.Zero;
        UInt128 v = new UInt128(a.GetElement(1), a.GetElement(0)) >> (8 * (int)n);
        return Vector128.Create((ulong)v, (ulong)(v >> 64));
    }

    // ---- shuffles ----

    /// <summary>PSHUFD: result doubleword i is source doubleword imm8[2i+1:2i].</summary>
    [MethodImpl(Inline)]
    public static V Pshufd(V b, int imm)
    {
        var d = b.AsUInt32();
        return Vector128.Create(d.GetElement(imm & 3), d.GetElement((imm >> 2) & 3), d.GetElement((imm >> 4) & 3), d.GetElement((imm >> 6) & 3)).AsUInt64();
    }

    /// <summary>PSHUFLW: the low four words shuffled by imm8, the high quadword copied.</summary>
    [MethodImpl(Inline)]
    public static V Pshuflw(V b, int imm) => Vector128.Create(ShuffleWords(b.GetElement(0), imm), b.GetElement(1));

    [MethodImpl(Inline)]
    public static V Pshufhw(V b, int imm) => Vector128.Create(b.GetElement(0), ShuffleWords(b.GetElement(1), imm));

    [MethodImpl(Inline)]
    private static ulong ShuffleWords(ulong q, int imm) =>
        (q >> (16 * (imm & 3)) & 0xFFFF) | (q >> (16 * ((imm >> 2) & 3)) & 0xFFFF) << 16
        | (q >> (16 * ((imm >> 4) & 3)) & 0xFFFF) << 32 | (q >> (16 * ((imm >> 6) & 3)) & 0xFFFF) << 48;

    /// <summary>
    /// PSHUFB: byte i is destination byte (source byte i AND 15), or 0 when the source byte's top
    /// bit is set. Keeping bit 7 and bits 3..0 makes every zeroing index at least 128, which
    /// <see cref="Vector128.Shuffle(Vector128{byte}, Vector128{byte})"/> maps to 0, and the others 0..15.
    /// </summary>
    [MethodImpl(Inline)]
    public static V Pshufb(V a, V b) => Vector128.Shuffle(a.AsByte(), b.AsByte() & Vector128.Create((byte)0x8F)).AsUInt64();

    /// <summary>PALIGNR: destination:source as one 32-byte value, shifted right by imm8 bytes; the low 16 remain.</summary>
    [MethodImpl(Inline)]
    public static V Palignr(V a, V b, int n)
    {
        UInt128 lo = new(b.GetElement(1), b.GetElement(0)), hi = new(a.GetElement(1), a.GetElement(0));
        UInt128 r = n >= 32 ? UInt128.Zero : n >= 16 ? hi >> (8 * (n - 16)) : n == 0 ? lo : (lo >> (8 * n)) | (hi << (128 - 8 * n));
        return Vector128.Create((ulong)r, (ulong)(r >> 64));
    }

    /// <summary>PBLENDW: word i from the source where imm8 bit i is set.</summary>
    [MethodImpl(Inline)]
    public static V Pblendw(V a, V b, int imm)
    {
        var mask = Vector128.Create(
            (ushort)-(imm & 1), (ushort)-((imm >> 1) & 1), (ushort)-((imm >> 2) & 1), (ushort)-((imm >> 3) & 1),
            (ushort)-((imm >> 4) & 1), (ushort)-((imm >> 5) & 1), (ushort)-((imm >> 6) & 1), (ushort)-((imm >> 7) & 1));
        return Vector128.ConditionalSelect(mask, b.AsUInt16(), a.AsUInt16()).AsUInt64();
    }

    /// <summary>PMOVMSKB: the top bit of each byte, byte 0 in bit 0, zero-extended.</summary>
    [MethodImpl(Inline)] public static ulong Pmovmskb(V s) => s.AsByte().ExtractMostSignificantBits();

    /// <summary>The 16-byte operand of a legacy SSE instruction must be 16-aligned: #GP (SIGSEGV, SI_KERNEL) as <see cref="Inst.AlignedAddress"/>.</summary>
    [MethodImpl(Inline)]
    public static void CheckAligned(ulong address)
    {
        if ((address & 15) != 0) ThrowGeneralProtection();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowGeneralProtection() => throw Inst.GeneralProtection();
}
