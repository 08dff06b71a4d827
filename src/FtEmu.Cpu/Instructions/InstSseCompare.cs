using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>SSE/SSE2 floating-point comparisons: CMPcc (masks) and (U)COMIS* (EFLAGS).</summary>
public static unsafe partial class Inst
{
    private static void RegisterSseCompare(OpcodeRegistry r)
    {
        AddSse(r, Mnemonic.Cmpps, &Cmpps);
        AddSse(r, Mnemonic.Cmppd, &Cmppd);
        AddSse(r, Mnemonic.Cmpss, &Cmpss);
        r.Add(Code.Cmpsd_xmm_xmmm64_imm8, &CmpsdXmm);
        AddSse(r, Mnemonic.Comiss, &Comiss);
        AddSse(r, Mnemonic.Ucomiss, &Ucomiss);
        AddSse(r, Mnemonic.Comisd, &Comisd);
        AddSse(r, Mnemonic.Ucomisd, &Ucomisd);
    }

    private static ulong Mask32(bool b) => b ? 0xFFFFFFFFUL : 0;

    public static void Cmpps(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        int p = (int)op.Imm & 7;
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = Mask32(SseFloat.Compare32((uint)d[0], (uint)lo, p, mx, ref flags))
            | Mask32(SseFloat.Compare32((uint)(d[0] >> 32), (uint)(lo >> 32), p, mx, ref flags)) << 32;
        ulong r1 = Mask32(SseFloat.Compare32((uint)d[1], (uint)hi, p, mx, ref flags))
            | Mask32(SseFloat.Compare32((uint)(d[1] >> 32), (uint)(hi >> 32), p, mx, ref flags)) << 32;
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    public static void Cmppd(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        int p = (int)op.Imm & 7;
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Compare64(d[0], lo, p, mx, ref flags) ? ulong.MaxValue : 0;
        ulong r1 = SseFloat.Compare64(d[1], hi, p, mx, ref flags) ? ulong.MaxValue : 0;
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    public static void Cmpss(Cpu cpu, ref DecodedOp op)
    {
        uint b = ReadSrc32(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong w0 = (d[0] & 0xFFFFFFFF00000000) | Mask32(SseFloat.Compare32((uint)d[0], b, (int)op.Imm & 7, mx, ref flags));
        SimdFlags(cpu, ref op, flags);
        d[0] = w0;
    }

    public static void CmpsdXmm(Cpu cpu, ref DecodedOp op)
    {
        ulong b = ReadSrc64(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong w0 = SseFloat.Compare64(d[0], b, (int)op.Imm & 7, mx, ref flags) ? ulong.MaxValue : 0;
        SimdFlags(cpu, ref op, flags);
        d[0] = w0;
    }

    /// <summary>ZF, PF, CF from the comparison outcome; OF, SF, AF cleared.</summary>
    private static void SetComiFlags(Cpu cpu, ref DecodedOp op, int outcome, uint flags)
    {
        SimdFlags(cpu, ref op, flags);
        cpu.SetFlags(RFlags.Arith, ComiRflags(outcome));
    }

    /// <summary>The six arithmetic flags of a (U)COMIS* outcome (0 greater, 1 less, 2 equal, 3 unordered).</summary>
    internal static ulong ComiRflags(int outcome) => outcome switch
    {
        0 => 0,
        1 => RFlags.CF,
        2 => RFlags.ZF,
        _ => RFlags.ZF | RFlags.PF | RFlags.CF,
    };

    public static void Comiss(Cpu cpu, ref DecodedOp op)
    {
        uint flags = 0;
        int o = SseFloat.Comi32((uint)Xmm(cpu, op.Reg0)[0], ReadSrc32(cpu, ref op), true, cpu.State->Mxcsr, ref flags);
        SetComiFlags(cpu, ref op, o, flags);
    }

    public static void Ucomiss(Cpu cpu, ref DecodedOp op)
    {
        uint flags = 0;
        int o = SseFloat.Comi32((uint)Xmm(cpu, op.Reg0)[0], ReadSrc32(cpu, ref op), false, cpu.State->Mxcsr, ref flags);
        SetComiFlags(cpu, ref op, o, flags);
    }

    public static void Comisd(Cpu cpu, ref DecodedOp op)
    {
        uint flags = 0;
        int o = SseFloat.Comi64(Xmm(cpu, op.Reg0)[0], ReadSrc64(cpu, ref op), true, cpu.State->Mxcsr, ref flags);
        SetComiFlags(cpu, ref op, o, flags);
    }

    public static void Ucomisd(Cpu cpu, ref DecodedOp op)
    {
        uint flags = 0;
        int o = SseFloat.Comi64(Xmm(cpu, op.Reg0)[0], ReadSrc64(cpu, ref op), false, cpu.State->Mxcsr, ref flags);
        SetComiFlags(cpu, ref op, o, flags);
    }
}
