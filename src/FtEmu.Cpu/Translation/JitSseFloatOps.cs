using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector128<ulong>;

namespace FtEmu.Cpu;

/// <summary>
/// What compiled code calls for ADDSD/SUBSD/MULSD/DIVSD/MINSD/MAXSD, their PD forms and SQRTSD/SQRTPD: one small method per
/// operation with the host-arithmetic fast path of <see cref="SseFastFloat"/> specialised for it,
/// the interpreter's own software path otherwise. The MXCSR flags and the #XM rule are the
/// handlers' (<see cref="Inst.SimdFlagsAt"/>). Compiled code inlines only the sticky fast paths
/// below and calls these where that declines (in a region with resuming stubs), for MIN/MAX and SQRTPD.
/// </summary>
internal static unsafe class JitSseFloatOps
{
    [MethodImpl(MethodImplOptions.NoInlining)] public static ulong AddSd(Cpu cpu, ulong a, ulong b, ulong ip) => Scalar64(cpu, FOp.Add, a, b, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static ulong SubSd(Cpu cpu, ulong a, ulong b, ulong ip) => Scalar64(cpu, FOp.Sub, a, b, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static ulong MulSd(Cpu cpu, ulong a, ulong b, ulong ip) => Scalar64(cpu, FOp.Mul, a, b, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static ulong DivSd(Cpu cpu, ulong a, ulong b, ulong ip) => Scalar64(cpu, FOp.Div, a, b, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static void AddPd(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip) => Packed64(cpu, FOp.Add, dest, lo, hi, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static void SubPd(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip) => Packed64(cpu, FOp.Sub, dest, lo, hi, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static void MulPd(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip) => Packed64(cpu, FOp.Mul, dest, lo, hi, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static void DivPd(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip) => Packed64(cpu, FOp.Div, dest, lo, hi, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static ulong MinSd(Cpu cpu, ulong a, ulong b, ulong ip) => MinMaxScalar64(cpu, FOp.Min, a, b, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static ulong MaxSd(Cpu cpu, ulong a, ulong b, ulong ip) => MinMaxScalar64(cpu, FOp.Max, a, b, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static void MinPd(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip) => MinMaxPacked64(cpu, FOp.Min, dest, lo, hi, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static void MaxPd(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip) => MinMaxPacked64(cpu, FOp.Max, dest, lo, hi, ip);

    // What compiled code inlines: the host operation and its range checks on the values in vector
    // registers while MXCSR already has PE (rounding to nearest, PE masked), when MXCSR stays as it
    // is (SseFastFloat.Op64Sticky); NaN in the low lane otherwise, and the region leaves for the
    // interpreter (or, resuming, calls the method above) with the state of the op's start. Before,
    // every operation was a call with the registers, the count and the flag record written back
    // ahead of it, its operands and result passed through general registers and the state.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double AddSticky(uint mxcsr, double x, double y) => SseFastFloat.Op64Sticky(FOp.Add, mxcsr, x, y);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double SubSticky(uint mxcsr, double x, double y) => SseFastFloat.Op64Sticky(FOp.Sub, mxcsr, x, y);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double MulSticky(uint mxcsr, double x, double y) => SseFastFloat.Op64Sticky(FOp.Mul, mxcsr, x, y);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double DivSticky(uint mxcsr, double x, double y) => SseFastFloat.Op64Sticky(FOp.Div, mxcsr, x, y);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V AddPdSticky(uint mxcsr, V x, V y) => SseFastFloat.PackedOp64Sticky(FOp.Add, mxcsr, x.AsDouble(), y.AsDouble()).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V SubPdSticky(uint mxcsr, V x, V y) => SseFastFloat.PackedOp64Sticky(FOp.Sub, mxcsr, x.AsDouble(), y.AsDouble()).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MulPdSticky(uint mxcsr, V x, V y) => SseFastFloat.PackedOp64Sticky(FOp.Mul, mxcsr, x.AsDouble(), y.AsDouble()).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V DivPdSticky(uint mxcsr, V x, V y) => SseFastFloat.PackedOp64Sticky(FOp.Div, mxcsr, x.AsDouble(), y.AsDouble()).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double SqrtSticky(uint mxcsr, double x) => SseFastFloat.Sqrt64Sticky(mxcsr, x);

    // Moves between an XMM register's vector and its low lane as a double or a lane's bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double LowDouble(V v) => v.AsDouble().ToScalar();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V WithLowDouble(V v, double x) => v.AsDouble().WithElement(0, x).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong LowBits(V v) => v.ToScalar();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong HighBits(V v) => v.GetElement(1);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double BitsToDouble(ulong bits) => BitConverter.UInt64BitsToDouble(bits);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong DoubleToBits(double x) => BitConverter.DoubleToUInt64Bits(x);

    public static readonly System.Reflection.MethodInfo SqrtStickyMethod = Method(nameof(SqrtSticky));
    public static readonly System.Reflection.MethodInfo SqrtSdMethod = Method(nameof(SqrtSd));
    public static readonly System.Reflection.MethodInfo LowDoubleMethod = Method(nameof(LowDouble));
    public static readonly System.Reflection.MethodInfo WithLowDoubleMethod = Method(nameof(WithLowDouble));
    public static readonly System.Reflection.MethodInfo LowBitsMethod = Method(nameof(LowBits));
    public static readonly System.Reflection.MethodInfo HighBitsMethod = Method(nameof(HighBits));
    public static readonly System.Reflection.MethodInfo BitsToDoubleMethod = Method(nameof(BitsToDouble));
    public static readonly System.Reflection.MethodInfo DoubleToBitsMethod = Method(nameof(DoubleToBits));

    private static System.Reflection.MethodInfo Method(string name) => typeof(JitSseFloatOps).GetMethod(name)!;

    public static readonly System.Reflection.MethodInfo SqrtPdMethod = Method(nameof(SqrtPd));

    /// <summary>
    /// One row per operation: the method compiled code calls for it, scalar and packed, and the
    /// sticky fast path it inlines (none for MIN/MAX). Looked up once: the emitter asks per op.
    /// </summary>
    private static readonly (FOp Op, string Sd, string Pd, string? StickySd, string? StickyPd)[] s_rows =
    {
        (FOp.Add, nameof(AddSd), nameof(AddPd), nameof(AddSticky), nameof(AddPdSticky)),
        (FOp.Sub, nameof(SubSd), nameof(SubPd), nameof(SubSticky), nameof(SubPdSticky)),
        (FOp.Mul, nameof(MulSd), nameof(MulPd), nameof(MulSticky), nameof(MulPdSticky)),
        (FOp.Div, nameof(DivSd), nameof(DivPd), nameof(DivSticky), nameof(DivPdSticky)),
        (FOp.Min, nameof(MinSd), nameof(MinPd), null, null),
        (FOp.Max, nameof(MaxSd), nameof(MaxPd), null, null),
    };

    private static readonly Dictionary<(FOp, bool Scalar), (System.Reflection.MethodInfo Full, System.Reflection.MethodInfo? Sticky)> s_methods = BuildMethods();

    private static Dictionary<(FOp, bool), (System.Reflection.MethodInfo, System.Reflection.MethodInfo?)> BuildMethods()
    {
        var t = new Dictionary<(FOp, bool), (System.Reflection.MethodInfo, System.Reflection.MethodInfo?)>();
        foreach (var (op, sd, pd, stickySd, stickyPd) in s_rows)
        {
            t.Add((op, true), (Method(sd), stickySd == null ? null : Method(stickySd)));
            t.Add((op, false), (Method(pd), stickyPd == null ? null : Method(stickyPd)));
        }
        return t;
    }

    /// <summary>The method compiled code calls for operation <paramref name="op"/> (scalar or packed).</summary>
    public static System.Reflection.MethodInfo For(FOp op, bool scalar) => s_methods[(op, scalar)].Full;

    /// <summary>The sticky fast path of ADD/SUB/MUL/DIV, scalar (doubles) or packed (vectors), or null for MIN/MAX.</summary>
    public static System.Reflection.MethodInfo? StickyFor(FOp op, bool scalar) => s_methods[(op, scalar)].Sticky;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Scalar64(Cpu cpu, FOp op, ulong a, ulong b, ulong ip)
    {
        CpuState* s = cpu.State;
        uint mx = s->Mxcsr, flags = 0;
        // The fast path requires PE masked and round-to-nearest, and PE is the only flag it sets: no fault.
        if (SseFastFloat.TryOp64(op, a, b, mx, ref flags, out ulong r))
        {
            if (flags != 0) s->Mxcsr = mx | flags; // PE is the only flag there, and once set it stays
            return r;
        }
        return Scalar64Slow(cpu, op, a, b, ip);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Scalar64Slow(Cpu cpu, FOp op, ulong a, ulong b, ulong ip)
    {
        uint flags = 0;
        ulong r = SseFloat.Op64Slow(op, a, b, cpu.State->Mxcsr, ref flags);
        Inst.SimdFlagsAt(cpu, ip, flags);
        return r;
    }

    /// <summary>Both lanes; the destination register is written only after both (and the flags) are known, as the handler does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Packed64(Cpu cpu, FOp op, int dest, ulong lo, ulong hi, ulong ip)
    {
        CpuState* s = cpu.State;
        ulong* d = s->Xmm + 2 * dest;
        uint mx = s->Mxcsr, flags = 0;
        if (SseFastFloat.TryOp64(op, d[0], lo, mx, ref flags, out ulong r0) && SseFastFloat.TryOp64(op, d[1], hi, mx, ref flags, out ulong r1))
        {
            if (flags != 0) s->Mxcsr = mx | flags; // PE is the only flag there, and once set it stays
            d[0] = r0;
            d[1] = r1;
            return;
        }
        Packed64Slow(cpu, op, dest, lo, hi, ip);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Packed64Slow(Cpu cpu, FOp op, int dest, ulong lo, ulong hi, ulong ip)
    {
        CpuState* s = cpu.State;
        ulong* d = s->Xmm + 2 * dest;
        uint mx = s->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Op64(op, d[0], lo, mx, ref flags);
        ulong r1 = SseFloat.Op64(op, d[1], hi, mx, ref flags);
        Inst.SimdFlagsAt(cpu, ip, flags);
        d[0] = r0;
        d[1] = r1;
    }

    // MIN/MAX have no host fast path (SseFastFloat declines them): the software rule is a few
    // compares, and the MXCSR/#XM step is skipped when it has nothing to merge (it would change nothing).
    private static ulong MinMaxScalar64(Cpu cpu, FOp op, ulong a, ulong b, ulong ip)
    {
        uint flags = 0;
        ulong r = SseFloat.Op64Slow(op, a, b, cpu.State->Mxcsr, ref flags);
        if (flags != 0) Inst.SimdFlagsAt(cpu, ip, flags);
        return r;
    }

    private static void MinMaxPacked64(Cpu cpu, FOp op, int dest, ulong lo, ulong hi, ulong ip)
    {
        CpuState* s = cpu.State;
        ulong* d = s->Xmm + 2 * dest;
        uint mx = s->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Op64Slow(op, d[0], lo, mx, ref flags);
        ulong r1 = SseFloat.Op64Slow(op, d[1], hi, mx, ref flags);
        if (flags != 0) Inst.SimdFlagsAt(cpu, ip, flags);
        d[0] = r0;
        d[1] = r1;
    }

    /// <summary>SQRTSD: the result for the low lane (the emitter stores it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ulong SqrtSd(Cpu cpu, ulong a, ulong ip)
    {
        CpuState* s = cpu.State;
        uint mx = s->Mxcsr, flags = 0;
        if (SseFastFloat.TrySqrt64(a, mx, ref flags, out ulong r))
        {
            if (flags != 0) s->Mxcsr = mx | flags; // PE is the only flag there, and once set it stays
            return r;
        }
        return SqrtSdSlow(cpu, a, ip);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong SqrtSdSlow(Cpu cpu, ulong a, ulong ip)
    {
        uint flags = 0;
        ulong r = SseFloat.Sqrt64Slow(a, cpu.State->Mxcsr, ref flags);
        Inst.SimdFlagsAt(cpu, ip, flags);
        return r;
    }

    /// <summary>SQRTPD of the source lanes into register <paramref name="dest"/>, written after both lanes and the flags.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SqrtPd(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip)
    {
        CpuState* s = cpu.State;
        ulong* d = s->Xmm + 2 * dest;
        uint mx = s->Mxcsr, flags = 0;
        if (SseFastFloat.TrySqrt64(lo, mx, ref flags, out ulong r0) && SseFastFloat.TrySqrt64(hi, mx, ref flags, out ulong r1))
        {
            if (flags != 0) s->Mxcsr = mx | flags; // PE is the only flag there, and once set it stays
            d[0] = r0;
            d[1] = r1;
            return;
        }
        SqrtPdSlow(cpu, dest, lo, hi, ip);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SqrtPdSlow(Cpu cpu, int dest, ulong lo, ulong hi, ulong ip)
    {
        CpuState* s = cpu.State;
        uint mx = s->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Sqrt64(lo, mx, ref flags);
        ulong r1 = SseFloat.Sqrt64(hi, mx, ref flags);
        Inst.SimdFlagsAt(cpu, ip, flags);
        ulong* d = s->Xmm + 2 * dest;
        d[0] = r0;
        d[1] = r1;
    }
}
