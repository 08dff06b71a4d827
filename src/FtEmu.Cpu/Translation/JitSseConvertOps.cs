using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>
/// What compiled code calls for CVTSI2SD r/m64 and CVTTSD2SI: the interpreter's conversions
/// (<see cref="SseFloat.Int64ToDouble"/>, which converts integers of at most 53 bits exactly up front,
/// and <see cref="SseFloat.ToInteger"/>) and its MXCSR/#XM step, skipped when the conversion raised
/// nothing (merging no flags changes nothing and cannot fault).
/// </summary>
internal static unsafe class JitSseConvertOps
{
    public static readonly System.Reflection.MethodInfo Cvtsi2sd64Method = typeof(JitSseConvertOps).GetMethod(nameof(Cvtsi2sd64))!;
    public static readonly System.Reflection.MethodInfo Cvttsd2siMethod = typeof(JitSseConvertOps).GetMethod(nameof(Cvttsd2si))!;

    /// <summary>CVTSI2SD xmm, r/m64: the new low lane.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ulong Cvtsi2sd64(Cpu cpu, long v, ulong ip)
    {
        uint flags = 0;
        ulong r = SseFloat.Int64ToDouble(v, cpu.State->Mxcsr, ref flags);
        if (flags != 0) Inst.SimdFlagsAt(cpu, ip, flags);
        return r;
    }

    /// <summary>CVTTSD2SI r32/r64, xmm/m64: the integer (the emitter writes it with the GPR rules of its size).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ulong Cvttsd2si(Cpu cpu, ulong a, bool wide, ulong ip)
    {
        uint mx = cpu.State->Mxcsr, flags = 0;
        long v = SseFloat.ToInteger(SseFloat.DoubleValue(SseFloat.Daz64(a, mx)), true, wide, mx, ref flags);
        if (flags != 0) Inst.SimdFlagsAt(cpu, ip, flags);
        return (ulong)v;
    }
}
