using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// SSE4.1 floating point: ROUNDxx, the dot products DPPS/DPPD and the blends (BLENDPS/PD by
/// imm8, BLENDVPS/PD and PBLENDVB by the sign bits of the implicit XMM0).
/// </summary>
public static unsafe partial class Inst
{
    private static void RegisterSse41Float(OpcodeRegistry r) => AddXmmTable(r, new[]
    {
        H(Mnemonic.Roundps, &XmmOp<Round<AllLanes, F32>>), H(Mnemonic.Roundpd, &XmmOp<Round<AllLanes, F64>>),
        H(Mnemonic.Roundss, &XmmOp<Round<LowLane, F32>>), H(Mnemonic.Roundsd, &XmmOp<Round<LowLane, F64>>),
        H(Mnemonic.Dpps, &XmmOp<Dpps>), H(Mnemonic.Dppd, &XmmOp<Dppd>),
        H(Mnemonic.Blendps, &XmmOp<BlendImm<uint>>), H(Mnemonic.Blendpd, &XmmOp<BlendImm<ulong>>),
        H(Mnemonic.Blendvps, &XmmOp<BlendVar<uint>>), H(Mnemonic.Blendvpd, &XmmOp<BlendVar<ulong>>), H(Mnemonic.Pblendvb, &XmmOp<BlendVar<byte>>),
    });

    internal interface ILanes { static abstract bool All { get; } }
    internal struct AllLanes : ILanes { public static bool All => true; }
    internal struct LowLane : ILanes { public static bool All => false; }

    internal interface IPrecision { static abstract bool Wide { get; } }
    internal struct F32 : IPrecision { public static bool Wide => false; }
    internal struct F64 : IPrecision { public static bool Wide => true; }

    /// <summary>
    /// Rounds to an integral value: imm8[1:0] is the rounding mode unless imm8[2] selects MXCSR.RC;
    /// imm8[3] suppresses the precision exception. Only an SNaN signals (IE); DAZ applies.
    /// </summary>
    internal struct Round<TL, TP> : IXmmOp where TL : struct, ILanes where TP : struct, IPrecision
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint mx = cpu.State->Mxcsr;
            int mode = (imm & 4) != 0 ? SseFloat.Mode(mx) : imm & 3;
            bool suppress = (imm & 8) != 0;
            if (TP.Wide)
            {
                for (int i = 0; i < (TL.All ? 2 : 1); i++) r[i] = SseFloat.RoundIntegral64(b[i], mode, suppress, mx, ref flags);
            }
            else
            {
                uint* y = (uint*)b, z = (uint*)r;
                for (int i = 0; i < (TL.All ? 4 : 1); i++) z[i] = SseFloat.RoundIntegral32(y[i], mode, suppress, mx, ref flags);
            }
        }
    }

    /// <summary>
    /// Products of the lanes imm8[7:4] selects (others +0.0), summed in two steps of adds, each rounded
    /// under MXCSR; the sums go to the lanes imm8[3:0] selects. The operand order of each add is what
    /// Intel hardware does (it decides only which NaN comes out of two, as the first operand wins):
    /// t[i] = p[i^1] + p[i], then lane i gets t[i] + t[i^2]. So the lanes can differ in a NaN's payload
    /// and sign, never in a number. The steps run one after another as on hardware, each with the SIMD
    /// exception rules of its own (<see cref="DotProductStep"/>): a step's masked flags stay set even when
    /// a later step traps, and an unmasked exception in one step raises #XM before the next step runs.
    /// Flags are the same whatever the order, so the lanes whose sums are not kept add nothing.
    /// </summary>
    internal struct Dpps : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint* x = (uint*)a, y = (uint*)b, z = (uint*)r;
            uint mx = cpu.State->Mxcsr;
            uint* p = stackalloc uint[4];
            for (int i = 0; i < 4; i++) p[i] = ((imm >> (4 + i)) & 1) != 0 ? SseFloat.Op32(FOp.Mul, x[i], y[i], mx, ref flags) : 0;
            if (DotProductStep(cpu, ref flags)) return;
            uint* t = stackalloc uint[4];
            t[0] = SseFloat.Op32(FOp.Add, p[1], p[0], mx, ref flags);
            t[2] = SseFloat.Op32(FOp.Add, p[3], p[2], mx, ref flags);
            uint unused = 0;
            t[1] = SseFloat.Op32(FOp.Add, p[0], p[1], mx, ref unused);
            t[3] = SseFloat.Op32(FOp.Add, p[2], p[3], mx, ref unused);
            if (DotProductStep(cpu, ref flags)) return;
            uint* sum = stackalloc uint[4];
            sum[0] = SseFloat.Op32(FOp.Add, t[0], t[2], mx, ref flags);
            for (int i = 1; i < 4; i++) sum[i] = SseFloat.Op32(FOp.Add, t[i], t[i ^ 2], mx, ref unused);
            for (int i = 0; i < 4; i++) z[i] = ((imm >> i) & 1) != 0 ? sum[i] : 0;
        }
    }

    /// <summary>As <see cref="Dpps"/> with two lanes: lane i gets p[i] + p[i^1] (Intel's order, which picks the NaN of two).</summary>
    internal struct Dppd : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint mx = cpu.State->Mxcsr;
            ulong p0 = (imm & 0x10) != 0 ? SseFloat.Op64(FOp.Mul, a[0], b[0], mx, ref flags) : 0;
            ulong p1 = (imm & 0x20) != 0 ? SseFloat.Op64(FOp.Mul, a[1], b[1], mx, ref flags) : 0;
            if (DotProductStep(cpu, ref flags)) return;
            uint unused = 0;
            ulong sum0 = SseFloat.Op64(FOp.Add, p0, p1, mx, ref flags);
            ulong sum1 = SseFloat.Op64(FOp.Add, p1, p0, mx, ref unused);
            r[0] = (imm & 1) != 0 ? sum0 : 0;
            r[1] = (imm & 2) != 0 ? sum1 : 0;
        }
    }

    /// <summary>
    /// Ends one step of a dot product. If the step raised an unmasked exception, its flags are left in
    /// <paramref name="flags"/> for <see cref="SimdFlags"/> to report and trap on, and the caller stops
    /// (true). Otherwise they are masked ones: they go to MXCSR now, so that a trap in a later step
    /// (whose unmasked pre-computation exception drops that step's own post-computation flags) keeps them.
    /// </summary>
    private static bool DotProductStep(Cpu cpu, ref uint flags)
    {
        uint mx = cpu.State->Mxcsr;
        if ((flags & ~(mx >> 7) & 0x3F) != 0) return true;
        cpu.State->Mxcsr = mx | flags;
        flags = 0;
        return false;
    }

    /// <summary>Element i comes from the source where the top bit of XMM0's element i is set.</summary>
    internal struct BlendVar<T> : IXmmOp where T : unmanaged
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            byte* mask = (byte*)Xmm(cpu, 0);
            T* y = (T*)b, z = (T*)r;
            for (int i = 0; i < 16 / sizeof(T); i++)
                if ((mask[(i + 1) * sizeof(T) - 1] & 0x80) != 0) z[i] = y[i];
        }
    }
}
