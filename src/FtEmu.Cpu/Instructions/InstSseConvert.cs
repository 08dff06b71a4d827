using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>SSE/SSE2 conversions between integers, single and double precision (XMM forms only).</summary>
public static unsafe partial class Inst
{
    private static void RegisterSseConvert(OpcodeRegistry r)
    {
        AddSse(r, Mnemonic.Cvtsi2ss, &Cvtsi2ss);
        AddSse(r, Mnemonic.Cvtsi2sd, &Cvtsi2sd);
        AddSse(r, Mnemonic.Cvtss2si, &Cvtss2si);
        AddSse(r, Mnemonic.Cvttss2si, &Cvttss2si);
        AddSse(r, Mnemonic.Cvtsd2si, &Cvtsd2si);
        AddSse(r, Mnemonic.Cvttsd2si, &Cvttsd2si);
        AddSse(r, Mnemonic.Cvtss2sd, &Cvtss2sd);
        AddSse(r, Mnemonic.Cvtsd2ss, &Cvtsd2ss);
        AddSse(r, Mnemonic.Cvtps2pd, &Cvtps2pd);
        AddSse(r, Mnemonic.Cvtpd2ps, &Cvtpd2ps);
        AddSse(r, Mnemonic.Cvtdq2ps, &Cvtdq2ps);
        AddSse(r, Mnemonic.Cvtps2dq, &Cvtps2dq);
        AddSse(r, Mnemonic.Cvttps2dq, &Cvttps2dq);
        AddSse(r, Mnemonic.Cvtdq2pd, &Cvtdq2pd);
        AddSse(r, Mnemonic.Cvtpd2dq, &Cvtpd2dq);
        AddSse(r, Mnemonic.Cvttpd2dq, &Cvttpd2dq);
    }

    public static void Cvtsi2ss(Cpu cpu, ref DecodedOp op)
    {
        ulong v = ReadSrcInt(cpu, ref op);
        uint mx = cpu.State->Mxcsr, flags = 0;
        uint r = op.Size1 == 8 ? SseFloat.Int64ToSingle((long)v, mx, ref flags) : SseFloat.Int32ToSingle((int)v, mx, ref flags);
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = (d[0] & 0xFFFFFFFF00000000) | r;
    }

    public static void Cvtsi2sd(Cpu cpu, ref DecodedOp op)
    {
        ulong v = ReadSrcInt(cpu, ref op);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r = op.Size1 == 8 ? SseFloat.Int64ToDouble((long)v, mx, ref flags) : BitConverter.DoubleToUInt64Bits((int)v);
        SimdFlags(cpu, ref op, flags);
        Xmm(cpu, op.Reg0)[0] = r;
    }

    private static void SingleToInt(Cpu cpu, ref DecodedOp op, bool truncate)
    {
        uint mx = cpu.State->Mxcsr, flags = 0;
        uint a = SseFloat.Daz32(ReadSrc32(cpu, ref op), mx);
        long v = SseFloat.ToInteger(SseFloat.SingleValue(a), truncate, op.Size0 == 8, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        cpu.WriteGpr(op.Reg0, op.Size0, (ulong)v);
    }

    private static void DoubleToInt(Cpu cpu, ref DecodedOp op, bool truncate)
    {
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong a = SseFloat.Daz64(ReadSrc64(cpu, ref op), mx);
        long v = SseFloat.ToInteger(SseFloat.DoubleValue(a), truncate, op.Size0 == 8, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        cpu.WriteGpr(op.Reg0, op.Size0, (ulong)v);
    }

    public static void Cvtss2si(Cpu cpu, ref DecodedOp op) => SingleToInt(cpu, ref op, false);
    public static void Cvttss2si(Cpu cpu, ref DecodedOp op) => SingleToInt(cpu, ref op, true);
    public static void Cvtsd2si(Cpu cpu, ref DecodedOp op) => DoubleToInt(cpu, ref op, false);
    public static void Cvttsd2si(Cpu cpu, ref DecodedOp op) => DoubleToInt(cpu, ref op, true);

    public static void Cvtss2sd(Cpu cpu, ref DecodedOp op)
    {
        uint a = ReadSrc32(cpu, ref op);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong w0 = SseFloat.SingleToDouble(a, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        Xmm(cpu, op.Reg0)[0] = w0;
    }

    public static void Cvtsd2ss(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadSrc64(cpu, ref op);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong* d = Xmm(cpu, op.Reg0);
        ulong w0 = (d[0] & 0xFFFFFFFF00000000) | SseFloat.DoubleToSingle(a, mx, ref flags);
        SimdFlags(cpu, ref op, flags);
        d[0] = w0;
    }

    public static void Cvtps2pd(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadSrc64(cpu, ref op);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SseFloat.SingleToDouble((uint)a, mx, ref flags);
        ulong r1 = SseFloat.SingleToDouble((uint)(a >> 32), mx, ref flags);
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    public static void Cvtpd2ps(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r = SseFloat.DoubleToSingle(lo, mx, ref flags) | (ulong)SseFloat.DoubleToSingle(hi, mx, ref flags) << 32;
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = r;
        d[1] = 0;
    }

    public static void Cvtdq2ps(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SseFloat.Int32ToSingle((int)lo, mx, ref flags) | (ulong)SseFloat.Int32ToSingle((int)(lo >> 32), mx, ref flags) << 32;
        ulong r1 = SseFloat.Int32ToSingle((int)hi, mx, ref flags) | (ulong)SseFloat.Int32ToSingle((int)(hi >> 32), mx, ref flags) << 32;
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    private static ulong SingleLaneToInt32(uint a, bool truncate, uint mx, ref uint flags) =>
        (uint)SseFloat.ToInteger(SseFloat.SingleValue(SseFloat.Daz32(a, mx)), truncate, false, mx, ref flags);

    private static void PackedSingleToInt32(Cpu cpu, ref DecodedOp op, bool truncate)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r0 = SingleLaneToInt32((uint)lo, truncate, mx, ref flags) | SingleLaneToInt32((uint)(lo >> 32), truncate, mx, ref flags) << 32;
        ulong r1 = SingleLaneToInt32((uint)hi, truncate, mx, ref flags) | SingleLaneToInt32((uint)(hi >> 32), truncate, mx, ref flags) << 32;
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = r0;
        d[1] = r1;
    }

    public static void Cvtps2dq(Cpu cpu, ref DecodedOp op) => PackedSingleToInt32(cpu, ref op, false);
    public static void Cvttps2dq(Cpu cpu, ref DecodedOp op) => PackedSingleToInt32(cpu, ref op, true);

    public static void Cvtdq2pd(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadSrc64(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = BitConverter.DoubleToUInt64Bits((int)a);
        d[1] = BitConverter.DoubleToUInt64Bits((int)(a >> 32));
    }

    private static ulong DoubleLaneToInt32(ulong a, bool truncate, uint mx, ref uint flags) =>
        (uint)SseFloat.ToInteger(SseFloat.DoubleValue(SseFloat.Daz64(a, mx)), truncate, false, mx, ref flags);

    private static void PackedDoubleToInt32(Cpu cpu, ref DecodedOp op, bool truncate)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        uint mx = cpu.State->Mxcsr, flags = 0;
        ulong r = DoubleLaneToInt32(lo, truncate, mx, ref flags) | DoubleLaneToInt32(hi, truncate, mx, ref flags) << 32;
        ulong* d = Xmm(cpu, op.Reg0);
        SimdFlags(cpu, ref op, flags);
        d[0] = r;
        d[1] = 0;
    }

    public static void Cvtpd2dq(Cpu cpu, ref DecodedOp op) => PackedDoubleToInt32(cpu, ref op, false);
    public static void Cvttpd2dq(Cpu cpu, ref DecodedOp op) => PackedDoubleToInt32(cpu, ref op, true);
}
