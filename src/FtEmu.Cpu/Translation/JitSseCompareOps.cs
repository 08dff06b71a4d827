using System.Runtime.CompilerServices;

namespace FtEmu.Cpu;

/// <summary>
/// What compiled code calls for COMISD/UCOMISD: the interpreter's comparison (<see cref="SseFloat.Comi64"/>),
/// its MXCSR/#XM step (<see cref="Inst.SimdFlagsAt"/>, skipped when there is nothing to merge: ordered
/// operands that are not denormal raise nothing in any MXCSR mode) and its RFLAGS write, in that order,
/// so #XM leaves RFLAGS as it was.
/// </summary>
internal static unsafe class JitSseCompareOps
{
    public static readonly System.Reflection.MethodInfo ComisdMethod = typeof(JitSseCompareOps).GetMethod(nameof(Comisd))!;
    public static readonly System.Reflection.MethodInfo UcomisdMethod = typeof(JitSseCompareOps).GetMethod(nameof(Ucomisd))!;

    [MethodImpl(MethodImplOptions.NoInlining)] public static void Comisd(Cpu cpu, ulong a, ulong b, ulong ip) => Comi64(cpu, a, b, true, ip);
    [MethodImpl(MethodImplOptions.NoInlining)] public static void Ucomisd(Cpu cpu, ulong a, ulong b, ulong ip) => Comi64(cpu, a, b, false, ip);

    /// <summary>
    /// What compiled code inlines: the status flags of COMISD/UCOMISD (ZF, PF, CF; OF, SF, AF clear)
    /// for operands that are normal or zero, which raise nothing in any MXCSR mode; ulong.MaxValue
    /// (a NaN or denormal operand) to decline, and the region leaves for the interpreter or calls
    /// the method above.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong OrderedFlags(double x, double y) =>
        !SseFastFloat.NormalOrZero(x) || !SseFastFloat.NormalOrZero(y) ? ulong.MaxValue : x < y ? RFlags.CF : x == y ? RFlags.ZF : 0;

    public static readonly System.Reflection.MethodInfo OrderedFlagsMethod = typeof(JitSseCompareOps).GetMethod(nameof(OrderedFlags))!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Comi64(Cpu cpu, ulong a, ulong b, bool signalQuiet, ulong ip)
    {
        uint flags = 0;
        int outcome = SseFloat.Comi64(a, b, signalQuiet, cpu.State->Mxcsr, ref flags);
        if (flags != 0) Inst.SimdFlagsAt(cpu, ip, flags);
        cpu.SetFlags(RFlags.Arith, Inst.ComiRflags(outcome));
    }
}
