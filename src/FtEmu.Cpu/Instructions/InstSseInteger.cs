using System.Runtime.Intrinsics;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Element-wise SSE2 integer operation selector (one handler body per shape).</summary>
internal enum IntOp : byte
{
    AddB, AddW, AddD, AddQ, SubB, SubW, SubD, SubQ,
    AddSB, AddSW, AddUSB, AddUSW, SubSB, SubSW, SubUSB, SubUSW,
    MulLW, MulHW, MulHUW, MulUDQ, MAddWD, AvgB, AvgW,
    MinUB, MaxUB, MinSW, MaxSW, SadBW,
    CmpEqB, CmpEqW, CmpEqD, CmpGtB, CmpGtW, CmpGtD,
    PackSSWB, PackSSDW, PackUSWB,
}

/// <summary>SSE2 integer arithmetic, comparisons, packs and shifts on XMM registers.</summary>
public static unsafe partial class Inst
{
    private static void RegisterSseInteger(OpcodeRegistry r)
    {
        AddSse(r, Mnemonic.Paddb, &Paddb);
        AddSse(r, Mnemonic.Paddw, &Paddw);
        AddSse(r, Mnemonic.Paddd, &Paddd);
        AddSse(r, Mnemonic.Paddq, &Paddq);
        AddSse(r, Mnemonic.Psubb, &Psubb);
        AddSse(r, Mnemonic.Psubw, &Psubw);
        AddSse(r, Mnemonic.Psubd, &Psubd);
        AddSse(r, Mnemonic.Psubq, &Psubq);
        AddSse(r, Mnemonic.Paddsb, &Paddsb);
        AddSse(r, Mnemonic.Paddsw, &Paddsw);
        AddSse(r, Mnemonic.Paddusb, &Paddusb);
        AddSse(r, Mnemonic.Paddusw, &Paddusw);
        AddSse(r, Mnemonic.Psubsb, &Psubsb);
        AddSse(r, Mnemonic.Psubsw, &Psubsw);
        AddSse(r, Mnemonic.Psubusb, &Psubusb);
        AddSse(r, Mnemonic.Psubusw, &Psubusw);
        AddSse(r, Mnemonic.Pmullw, &Pmullw);
        AddSse(r, Mnemonic.Pmulhw, &Pmulhw);
        AddSse(r, Mnemonic.Pmulhuw, &Pmulhuw);
        AddSse(r, Mnemonic.Pmuludq, &Pmuludq);
        AddSse(r, Mnemonic.Pmaddwd, &Pmaddwd);
        AddSse(r, Mnemonic.Pavgb, &Pavgb);
        AddSse(r, Mnemonic.Pavgw, &Pavgw);
        AddSse(r, Mnemonic.Pminub, &Pminub);
        AddSse(r, Mnemonic.Pmaxub, &Pmaxub);
        AddSse(r, Mnemonic.Pminsw, &Pminsw);
        AddSse(r, Mnemonic.Pmaxsw, &Pmaxsw);
        AddSse(r, Mnemonic.Psadbw, &Psadbw);
        AddSse(r, Mnemonic.Pcmpeqb, &Pcmpeqb);
        AddSse(r, Mnemonic.Pcmpeqw, &Pcmpeqw);
        AddSse(r, Mnemonic.Pcmpeqd, &Pcmpeqd);
        AddSse(r, Mnemonic.Pcmpgtb, &Pcmpgtb);
        AddSse(r, Mnemonic.Pcmpgtw, &Pcmpgtw);
        AddSse(r, Mnemonic.Pcmpgtd, &Pcmpgtd);
        AddSse(r, Mnemonic.Packsswb, &Packsswb);
        AddSse(r, Mnemonic.Packssdw, &Packssdw);
        AddSse(r, Mnemonic.Packuswb, &Packuswb);
        AddSse(r, Mnemonic.Psllw, &Psllw);
        AddSse(r, Mnemonic.Pslld, &Pslld);
        AddSse(r, Mnemonic.Psllq, &Psllq);
        AddSse(r, Mnemonic.Psrlw, &Psrlw);
        AddSse(r, Mnemonic.Psrld, &Psrld);
        AddSse(r, Mnemonic.Psrlq, &Psrlq);
        AddSse(r, Mnemonic.Psraw, &Psraw);
        AddSse(r, Mnemonic.Psrad, &Psrad);
        AddSse(r, Mnemonic.Pslldq, &Pslldq);
        AddSse(r, Mnemonic.Psrldq, &Psrldq);
    }

    public static void Paddb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddB);
    public static void Paddw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddW);
    public static void Paddd(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddD);
    public static void Paddq(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddQ);
    public static void Psubb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubB);
    public static void Psubw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubW);
    public static void Psubd(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubD);
    public static void Psubq(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubQ);
    public static void Paddsb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddSB);
    public static void Paddsw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddSW);
    public static void Paddusb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddUSB);
    public static void Paddusw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AddUSW);
    public static void Psubsb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubSB);
    public static void Psubsw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubSW);
    public static void Psubusb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubUSB);
    public static void Psubusw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SubUSW);
    public static void Pmullw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MulLW);
    public static void Pmulhw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MulHW);
    public static void Pmulhuw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MulHUW);
    public static void Pmuludq(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MulUDQ);
    public static void Pmaddwd(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MAddWD);
    public static void Pavgb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AvgB);
    public static void Pavgw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.AvgW);
    public static void Pminub(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MinUB);
    public static void Pmaxub(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MaxUB);
    public static void Pminsw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MinSW);
    public static void Pmaxsw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.MaxSW);
    public static void Psadbw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.SadBW);
    public static void Pcmpeqb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.CmpEqB);
    public static void Pcmpeqw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.CmpEqW);
    public static void Pcmpeqd(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.CmpEqD);
    public static void Pcmpgtb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.CmpGtB);
    public static void Pcmpgtw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.CmpGtW);
    public static void Pcmpgtd(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.CmpGtD);
    public static void Packsswb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.PackSSWB);
    public static void Packssdw(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.PackSSDW);
    public static void Packuswb(Cpu cpu, ref DecodedOp op) => IntBinary(cpu, ref op, IntOp.PackUSWB);

    private static void IntBinary(Cpu cpu, ref DecodedOp op, IntOp f)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        var a = Vector128.Create(d[0], d[1]);
        var b = Vector128.Create(lo, hi);
        Vector128<ulong> r;
        switch (f)
        {
            case IntOp.AddB: r = (a.AsByte() + b.AsByte()).AsUInt64(); break;
            case IntOp.AddW: r = (a.AsUInt16() + b.AsUInt16()).AsUInt64(); break;
            case IntOp.AddD: r = (a.AsUInt32() + b.AsUInt32()).AsUInt64(); break;
            case IntOp.AddQ: r = a + b; break;
            case IntOp.SubB: r = (a.AsByte() - b.AsByte()).AsUInt64(); break;
            case IntOp.SubW: r = (a.AsUInt16() - b.AsUInt16()).AsUInt64(); break;
            case IntOp.SubD: r = (a.AsUInt32() - b.AsUInt32()).AsUInt64(); break;
            case IntOp.SubQ: r = a - b; break;
            case IntOp.MulLW: r = (a.AsUInt16() * b.AsUInt16()).AsUInt64(); break;
            case IntOp.MulUDQ:
                r = Vector128.Create((ulong)(uint)d[0] * (uint)lo, (ulong)(uint)d[1] * (uint)hi);
                break;
            case IntOp.MinUB: r = Vector128.Min(a.AsByte(), b.AsByte()).AsUInt64(); break;
            case IntOp.MaxUB: r = Vector128.Max(a.AsByte(), b.AsByte()).AsUInt64(); break;
            case IntOp.MinSW: r = Vector128.Min(a.AsInt16(), b.AsInt16()).AsUInt64(); break;
            case IntOp.MaxSW: r = Vector128.Max(a.AsInt16(), b.AsInt16()).AsUInt64(); break;
            case IntOp.CmpEqB: r = Vector128.Equals(a.AsByte(), b.AsByte()).AsUInt64(); break;
            case IntOp.CmpEqW: r = Vector128.Equals(a.AsUInt16(), b.AsUInt16()).AsUInt64(); break;
            case IntOp.CmpEqD: r = Vector128.Equals(a.AsUInt32(), b.AsUInt32()).AsUInt64(); break;
            case IntOp.CmpGtB: r = Vector128.GreaterThan(a.AsSByte(), b.AsSByte()).AsUInt64(); break;
            case IntOp.CmpGtW: r = Vector128.GreaterThan(a.AsInt16(), b.AsInt16()).AsUInt64(); break;
            case IntOp.CmpGtD: r = Vector128.GreaterThan(a.AsInt32(), b.AsInt32()).AsUInt64(); break;
            default:
                r = IntLanes(f, a, b);
                break;
        }
        d[0] = r.GetElement(0);
        d[1] = r.GetElement(1);
    }

    /// <summary>The lane-by-lane operations that have no exact portable vector form.</summary>
    private static Vector128<ulong> IntLanes(IntOp f, Vector128<ulong> va, Vector128<ulong> vb)
    {
        ulong* pa = stackalloc ulong[2];
        ulong* pb = stackalloc ulong[2];
        ulong* pr = stackalloc ulong[2];
        va.Store(pa);
        vb.Store(pb);
        byte* ab = (byte*)pa, bb = (byte*)pb, rb = (byte*)pr;
        short* aw = (short*)pa, bw = (short*)pb, rw = (short*)pr;
        int* ad = (int*)pa, bd = (int*)pb, rd = (int*)pr;
        switch (f)
        {
            case IntOp.AddSB: for (int i = 0; i < 16; i++) rb[i] = (byte)SatS8((sbyte)ab[i] + (sbyte)bb[i]); break;
            case IntOp.SubSB: for (int i = 0; i < 16; i++) rb[i] = (byte)SatS8((sbyte)ab[i] - (sbyte)bb[i]); break;
            case IntOp.AddUSB: for (int i = 0; i < 16; i++) rb[i] = SatU8(ab[i] + bb[i]); break;
            case IntOp.SubUSB: for (int i = 0; i < 16; i++) rb[i] = SatU8(ab[i] - bb[i]); break;
            case IntOp.AddSW: for (int i = 0; i < 8; i++) rw[i] = SatS16(aw[i] + bw[i]); break;
            case IntOp.SubSW: for (int i = 0; i < 8; i++) rw[i] = SatS16(aw[i] - bw[i]); break;
            case IntOp.AddUSW: for (int i = 0; i < 8; i++) rw[i] = (short)SatU16((ushort)aw[i] + (ushort)bw[i]); break;
            case IntOp.SubUSW: for (int i = 0; i < 8; i++) rw[i] = (short)SatU16((ushort)aw[i] - (ushort)bw[i]); break;
            case IntOp.MulHW: for (int i = 0; i < 8; i++) rw[i] = (short)((aw[i] * bw[i]) >> 16); break;
            case IntOp.MulHUW: for (int i = 0; i < 8; i++) rw[i] = (short)(((uint)(ushort)aw[i] * (ushort)bw[i]) >> 16); break;
            case IntOp.MAddWD:
                for (int i = 0; i < 4; i++) rd[i] = unchecked(aw[2 * i] * bw[2 * i] + aw[2 * i + 1] * bw[2 * i + 1]);
                break;
            case IntOp.AvgB: for (int i = 0; i < 16; i++) rb[i] = (byte)((ab[i] + bb[i] + 1) >> 1); break;
            case IntOp.AvgW: for (int i = 0; i < 8; i++) rw[i] = (short)(((ushort)aw[i] + (ushort)bw[i] + 1) >> 1); break;
            case IntOp.SadBW:
                for (int h = 0; h < 2; h++)
                {
                    int sum = 0;
                    for (int i = 0; i < 8; i++) sum += Math.Abs(ab[8 * h + i] - bb[8 * h + i]);
                    pr[h] = (ulong)sum;
                }
                break;
            case IntOp.PackSSWB:
                for (int i = 0; i < 8; i++)
                {
                    rb[i] = (byte)SatS8(aw[i]);
                    rb[i + 8] = (byte)SatS8(bw[i]);
                }
                break;
            case IntOp.PackUSWB:
                for (int i = 0; i < 8; i++)
                {
                    rb[i] = SatU8(aw[i]);
                    rb[i + 8] = SatU8(bw[i]);
                }
                break;
            default: // PackSSDW
                for (int i = 0; i < 4; i++)
                {
                    rw[i] = SatS16(ad[i]);
                    rw[i + 4] = SatS16(bd[i]);
                }
                break;
        }
        return Vector128.Load(pr);
    }

    private static sbyte SatS8(int v) => (sbyte)Math.Clamp(v, sbyte.MinValue, sbyte.MaxValue);
    private static byte SatU8(int v) => (byte)Math.Clamp(v, 0, 255);
    private static short SatS16(int v) => (short)Math.Clamp(v, short.MinValue, short.MaxValue);
    private static ushort SatU16(int v) => (ushort)Math.Clamp(v, 0, 65535);

    // ---- shifts: count from imm8 or the low quadword of xmm/m128; counts past the width saturate ----

    private static ulong ShiftCount(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind1 == OperandKind.Immediate) return (byte)op.Imm;
        ReadSrc128(cpu, ref op, out ulong lo, out _);
        return lo;
    }

    /// <summary>kind: 0 left, 1 logical right, 2 arithmetic right; width in bits.</summary>
    private static void ShiftLanes(Cpu cpu, ref DecodedOp op, int kind, int width)
    {
        ulong count = ShiftCount(cpu, ref op);
        ulong* d = Xmm(cpu, op.Reg0);
        var v = Vector128.Create(d[0], d[1]);
        Vector128<ulong> r;
        if (count >= (ulong)width)
        {
            if (kind != 2)
            {
                d[0] = 0;
                d[1] = 0;
                return;
            }
            count = (ulong)width - 1;
        }
        int c = (int)count;
        r = (kind, width) switch
        {
            (0, 16) => Vector128.ShiftLeft(v.AsUInt16(), c).AsUInt64(),
            (0, 32) => Vector128.ShiftLeft(v.AsUInt32(), c).AsUInt64(),
            (0, _) => Vector128.ShiftLeft(v, c),
            (1, 16) => Vector128.ShiftRightLogical(v.AsUInt16(), c).AsUInt64(),
            (1, 32) => Vector128.ShiftRightLogical(v.AsUInt32(), c).AsUInt64(),
            (1, _) => Vector128.ShiftRightLogical(v, c),
            (_, 16) => Vector128.ShiftRightArithmetic(v.AsInt16(), c).AsUInt64(),
            _ => Vector128.ShiftRightArithmetic(v.AsInt32(), c).AsUInt64(),
        };
        d[0] = r.GetElement(0);
        d[1] = r.GetElement(1);
    }

    public static void Psllw(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 0, 16);
    public static void Pslld(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 0, 32);
    public static void Psllq(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 0, 64);
    public static void Psrlw(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 1, 16);
    public static void Psrld(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 1, 32);
    public static void Psrlq(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 1, 64);
    public static void Psraw(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 2, 16);
    public static void Psrad(Cpu cpu, ref DecodedOp op) => ShiftLanes(cpu, ref op, 2, 32);

    public static void Pslldq(Cpu cpu, ref DecodedOp op)
    {
        int n = (byte)op.Imm;
        ulong* d = Xmm(cpu, op.Reg0);
        UInt128 v = ((UInt128)d[1] << 64) | d[0];
        v = n > 15 ? 0 : v << (8 * n);
        d[0] = (ulong)v;
        d[1] = (ulong)(v >> 64);
    }

    public static void Psrldq(Cpu cpu, ref DecodedOp op)
    {
        int n = (byte)op.Imm;
        ulong* d = Xmm(cpu, op.Reg0);
        UInt128 v = ((UInt128)d[1] << 64) | d[0];
        v = n > 15 ? 0 : v >> (8 * n);
        d[0] = (ulong)v;
        d[1] = (ulong)(v >> 64);
    }
}
