using System.Runtime.CompilerServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>SSE/SSE2 floating-point arithmetic, MIN/MAX, SQRT, RCP/RSQRT and bitwise logic.</summary>
public static unsafe partial class Inst
{
    private static void RegisterSseArith(OpcodeRegistry r)
    {
        AddSse(r, Mnemonic.Addps, &Addps);
        AddSse(r, Mnemonic.Addpd, &Addpd);
        AddSse(r, Mnemonic.Addss, &Addss);
        AddSse(r, Mnemonic.Addsd, &Addsd);
        AddSse(r, Mnemonic.Subps, &Subps);
        AddSse(r, Mnemonic.Subpd, &Subpd);
        AddSse(r, Mnemonic.Subss, &Subss);
        AddSse(r, Mnemonic.Subsd, &Subsd);
        AddSse(r, Mnemonic.Mulps, &Mulps);
        AddSse(r, Mnemonic.Mulpd, &Mulpd);
        AddSse(r, Mnemonic.Mulss, &Mulss);
        AddSse(r, Mnemonic.Mulsd, &Mulsd);
        AddSse(r, Mnemonic.Divps, &Divps);
        AddSse(r, Mnemonic.Divpd, &Divpd);
        AddSse(r, Mnemonic.Divss, &Divss);
        AddSse(r, Mnemonic.Divsd, &Divsd);
        AddSse(r, Mnemonic.Minps, &Minps);
        AddSse(r, Mnemonic.Minpd, &Minpd);
        AddSse(r, Mnemonic.Minss, &Minss);
        AddSse(r, Mnemonic.Minsd, &Minsd);
        AddSse(r, Mnemonic.Maxps, &Maxps);
        AddSse(r, Mnemonic.Maxpd, &Maxpd);
        AddSse(r, Mnemonic.Maxss, &Maxss);
        AddSse(r, Mnemonic.Maxsd, &Maxsd);
        AddSse(r, Mnemonic.Sqrtps, &Sqrtps);
        AddSse(r, Mnemonic.Sqrtpd, &Sqrtpd);
        AddSse(r, Mnemonic.Sqrtss, &Sqrtss);
        AddSse(r, Mnemonic.Sqrtsd, &Sqrtsd);
        AddSse(r, Mnemonic.Rcpps, &Rcpps);
        AddSse(r, Mnemonic.Rcpss, &Rcpss);
        AddSse(r, Mnemonic.Rsqrtps, &Rsqrtps);
        AddSse(r, Mnemonic.Rsqrtss, &Rsqrtss);
        foreach (var m in new[] { Mnemonic.Andps, Mnemonic.Andpd, Mnemonic.Pand }) AddSse(r, m, &LogicAnd);
        foreach (var m in new[] { Mnemonic.Andnps, Mnemonic.Andnpd, Mnemonic.Pandn }) AddSse(r, m, &LogicAndNot);
        foreach (var m in new[] { Mnemonic.Orps, Mnemonic.Orpd, Mnemonic.Por }) AddSse(r, m, &LogicOr);
        foreach (var m in new[] { Mnemonic.Xorps, Mnemonic.Xorpd, Mnemonic.Pxor }) AddSse(r, m, &LogicXor);
    }

    // Inlined into each handler so that f is a constant and the fast path's dispatch folds away.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PackedSingle(Cpu cpu, ref DecodedOp op, FOp f)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Op32(f, (uint)d[0], (uint)lo, mx, ref flags);
        r0 |= (ulong)SseFloat.Op32(f, (uint)(d[0] >> 32), (uint)(lo >> 32), mx, ref flags) << 32;
        ulong r1 = SseFloat.Op32(f, (uint)d[1], (uint)hi, mx, ref flags);
        r1 |= (ulong)SseFloat.Op32(f, (uint)(d[1] >> 32), (uint)(hi >> 32), mx, ref flags) << 32;
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PackedDouble(Cpu cpu, ref DecodedOp op, FOp f)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Op64(f, d[0], lo, mx, ref flags);
        ulong r1 = SseFloat.Op64(f, d[1], hi, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScalarSingle(Cpu cpu, ref DecodedOp op, FOp f)
    {
        uint b = ReadSrc32(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        uint mx = cpu.State->Mxcsr, flags = 0;
        uint r = SseFloat.Op32(f, (uint)d[0], b, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        d[0] = (d[0] & 0xFFFFFFFF00000000) | r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScalarDouble(Cpu cpu, ref DecodedOp op, FOp f)
    {
        ulong b = ReadSrc64(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong w0 = SseFloat.Op64(f, d[0], b, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        d[0] = w0;
    }

    public static void Addps(Cpu cpu, ref DecodedOp op) => PackedSingle(cpu, ref op, FOp.Add);
    public static void Addpd(Cpu cpu, ref DecodedOp op) => PackedDouble(cpu, ref op, FOp.Add);
    public static void Addss(Cpu cpu, ref DecodedOp op) => ScalarSingle(cpu, ref op, FOp.Add);
    public static void Addsd(Cpu cpu, ref DecodedOp op) => ScalarDouble(cpu, ref op, FOp.Add);
    public static void Subps(Cpu cpu, ref DecodedOp op) => PackedSingle(cpu, ref op, FOp.Sub);
    public static void Subpd(Cpu cpu, ref DecodedOp op) => PackedDouble(cpu, ref op, FOp.Sub);
    public static void Subss(Cpu cpu, ref DecodedOp op) => ScalarSingle(cpu, ref op, FOp.Sub);
    public static void Subsd(Cpu cpu, ref DecodedOp op) => ScalarDouble(cpu, ref op, FOp.Sub);
    public static void Mulps(Cpu cpu, ref DecodedOp op) => PackedSingle(cpu, ref op, FOp.Mul);
    public static void Mulpd(Cpu cpu, ref DecodedOp op) => PackedDouble(cpu, ref op, FOp.Mul);
    public static void Mulss(Cpu cpu, ref DecodedOp op) => ScalarSingle(cpu, ref op, FOp.Mul);
    public static void Mulsd(Cpu cpu, ref DecodedOp op) => ScalarDouble(cpu, ref op, FOp.Mul);
    public static void Divps(Cpu cpu, ref DecodedOp op) => PackedSingle(cpu, ref op, FOp.Div);
    public static void Divpd(Cpu cpu, ref DecodedOp op) => PackedDouble(cpu, ref op, FOp.Div);
    public static void Divss(Cpu cpu, ref DecodedOp op) => ScalarSingle(cpu, ref op, FOp.Div);
    public static void Divsd(Cpu cpu, ref DecodedOp op) => ScalarDouble(cpu, ref op, FOp.Div);
    public static void Minps(Cpu cpu, ref DecodedOp op) => PackedSingle(cpu, ref op, FOp.Min);
    public static void Minpd(Cpu cpu, ref DecodedOp op) => PackedDouble(cpu, ref op, FOp.Min);
    public static void Minss(Cpu cpu, ref DecodedOp op) => ScalarSingle(cpu, ref op, FOp.Min);
    public static void Minsd(Cpu cpu, ref DecodedOp op) => ScalarDouble(cpu, ref op, FOp.Min);
    public static void Maxps(Cpu cpu, ref DecodedOp op) => PackedSingle(cpu, ref op, FOp.Max);
    public static void Maxpd(Cpu cpu, ref DecodedOp op) => PackedDouble(cpu, ref op, FOp.Max);
    public static void Maxss(Cpu cpu, ref DecodedOp op) => ScalarSingle(cpu, ref op, FOp.Max);
    public static void Maxsd(Cpu cpu, ref DecodedOp op) => ScalarDouble(cpu, ref op, FOp.Max);

    public static void Sqrtps(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Sqrt32((uint)lo, mx, ref flags) | (ulong)SseFloat.Sqrt32((uint)(lo >> 32), mx, ref flags) << 32;
        ulong r1 = SseFloat.Sqrt32((uint)hi, mx, ref flags) | (ulong)SseFloat.Sqrt32((uint)(hi >> 32), mx, ref flags) << 32;
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    public static void Sqrtpd(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Sqrt64(lo, mx, ref flags);
        ulong r1 = SseFloat.Sqrt64(hi, mx, ref flags);
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    public static void Sqrtss(Cpu cpu, ref DecodedOp op)
    {
        uint b = ReadSrc32(cpu, ref op);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong* d = Xmm(cpu, op.Reg0);
        ulong w0 = (d[0] & 0xFFFFFFFF00000000) | SseFloat.Sqrt32(b, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        d[0] = w0;
    }

    public static void Sqrtsd(Cpu cpu, ref DecodedOp op)
    {
        ulong b = ReadSrc64(cpu, ref op);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong w0 = SseFloat.Sqrt64(b, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        Xmm(cpu, op.Reg0)[0] = w0;
    }

    public static void Rcpps(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = SseFloat.Reciprocal32((uint)lo) | (ulong)SseFloat.Reciprocal32((uint)(lo >> 32)) << 32;
        d[1] = SseFloat.Reciprocal32((uint)hi) | (ulong)SseFloat.Reciprocal32((uint)(hi >> 32)) << 32;
    }

    public static void Rcpss(Cpu cpu, ref DecodedOp op)
    {
        uint b = ReadSrc32(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = (d[0] & 0xFFFFFFFF00000000) | SseFloat.Reciprocal32(b);
    }

    public static void Rsqrtps(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = SseFloat.ReciprocalSqrt32((uint)lo) | (ulong)SseFloat.ReciprocalSqrt32((uint)(lo >> 32)) << 32;
        d[1] = SseFloat.ReciprocalSqrt32((uint)hi) | (ulong)SseFloat.ReciprocalSqrt32((uint)(hi >> 32)) << 32;
    }

    public static void Rsqrtss(Cpu cpu, ref DecodedOp op)
    {
        uint b = ReadSrc32(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = (d[0] & 0xFFFFFFFF00000000) | SseFloat.ReciprocalSqrt32(b);
    }

    public static void LogicAnd(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] &= lo;
        d[1] &= hi;
    }

    public static void LogicAndNot(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = ~d[0] & lo;
        d[1] = ~d[1] & hi;
    }

    public static void LogicOr(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] |= lo;
        d[1] |= hi;
    }

    public static void LogicXor(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] ^= lo;
        d[1] ^= hi;
    }
}
