using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>
/// What compiled code calls for ADDSD/SUBSD/MULSD/DIVSD and their PD forms: the host-arithmetic
/// fast path of <see cref="SseFastFloat"/> inline (the operation is a constant at each call site,
/// so .NET folds the switch), the interpreter's own software path otherwise. The MXCSR flags and
/// the #XM rule are the handlers' (<see cref="Inst.SimdFlagsAt"/>).
/// </summary>
internal static unsafe class JitSseFloatOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Scalar64(Cpu cpu, FOp op, ulong a, ulong b, ulong ip)
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
    public static void Packed64(Cpu cpu, FOp op, int dest, ulong lo, ulong hi, ulong ip)
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
