using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>
/// What compiled code calls for ADDSD/SUBSD/MULSD/DIVSD and their PD forms: one small method per
/// operation with the host-arithmetic fast path of <see cref="SseFastFloat"/> specialised for it,
/// the interpreter's own software path otherwise. The MXCSR flags and the #XM rule are the
/// handlers' (<see cref="Inst.SimdFlagsAt"/>). They are calls, not inlined into the region: inlined
/// they made nbody's peak memory 14 MB larger and it ran no faster.
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

    /// <summary>The method compiled code calls for operation <paramref name="op"/> (scalar or packed).</summary>
    public static System.Reflection.MethodInfo For(FOp op, bool scalar) =>
        typeof(JitSseFloatOps).GetMethod((op, scalar) switch
        {
            (FOp.Add, true) => nameof(AddSd), (FOp.Sub, true) => nameof(SubSd), (FOp.Mul, true) => nameof(MulSd), (FOp.Div, true) => nameof(DivSd),
            (FOp.Add, false) => nameof(AddPd), (FOp.Sub, false) => nameof(SubPd), (FOp.Mul, false) => nameof(MulPd), _ => nameof(DivPd),
        })!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Scalar64(Cpu cpu, FOp op, ulong a, ulong b, ulong ip)
    {
        CpuState* s = cpu.State;
        uint mx = s->Mxcsr, flags = 0;
        // The fast path requires PE masked and round-to-nearest, and PE is the only flag it sets: no fault.
        if (SseFastFloat.TryOp64(op, a, b, mx, ref flags, out ulong r))
        {
            s->Mxcsr = mx | flags;
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
            s->Mxcsr = mx | flags;
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
}
