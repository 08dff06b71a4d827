using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>SSE/SSE2 data movement: full, scalar, half, GPR transfers, masks and non-temporal stores.</summary>
public static unsafe partial class Inst
{
    private static void RegisterSseMove(OpcodeRegistry r)
    {
        AddSse(r, Mnemonic.Movaps, &MovAligned);
        AddSse(r, Mnemonic.Movapd, &MovAligned);
        AddSse(r, Mnemonic.Movdqa, &MovAligned);
        AddSse(r, Mnemonic.Movntps, &MovAligned);
        AddSse(r, Mnemonic.Movntpd, &MovAligned);
        AddSse(r, Mnemonic.Movntdq, &MovAligned);
        AddSse(r, Mnemonic.Movups, &MovUnaligned);
        AddSse(r, Mnemonic.Movupd, &MovUnaligned);
        AddSse(r, Mnemonic.Movdqu, &MovUnaligned);
        AddSse(r, Mnemonic.Movnti, &Movnti);
        AddSse(r, Mnemonic.Movss, &Movss);
        r.Add(Code.Movsd_xmm_xmmm64, &MovsdXmm);
        r.Add(Code.Movsd_xmmm64_xmm, &MovsdXmm);
        AddSse(r, Mnemonic.Movlps, &MovLow);
        AddSse(r, Mnemonic.Movlpd, &MovLow);
        AddSse(r, Mnemonic.Movhps, &MovHigh);
        AddSse(r, Mnemonic.Movhpd, &MovHigh);
        AddSse(r, Mnemonic.Movhlps, &Movhlps);
        AddSse(r, Mnemonic.Movlhps, &Movlhps);
        AddSse(r, Mnemonic.Movd, &MovdMovq);
        AddSse(r, Mnemonic.Movq, &MovdMovq);
        AddSse(r, Mnemonic.Movmskps, &Movmskps);
        AddSse(r, Mnemonic.Movmskpd, &Movmskpd);
        AddSse(r, Mnemonic.Pmovmskb, &Pmovmskb);
        AddSse(r, Mnemonic.Maskmovdqu, &Maskmovdqu);
    }

    public static void MovAligned(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Xmm)
        {
            ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
            ulong* d = Xmm(cpu, op.Reg0);
            d[0] = lo;
            d[1] = hi;
        }
        else
        {
            ulong* s = Xmm(cpu, op.Reg1);
            cpu.Memory.Write128(AlignedAddress(cpu, ref op), s[0], s[1]);
        }
    }

    public static void MovUnaligned(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Xmm)
        {
            ReadSrc128Unaligned(cpu, ref op, out ulong lo, out ulong hi);
            ulong* d = Xmm(cpu, op.Reg0);
            d[0] = lo;
            d[1] = hi;
        }
        else
        {
            ulong* s = Xmm(cpu, op.Reg1);
            cpu.Memory.Write128(cpu.EffectiveAddress(ref op), s[0], s[1]);
        }
    }

    public static void Movnti(Cpu cpu, ref DecodedOp op) =>
        cpu.Memory.Write(cpu.EffectiveAddress(ref op), cpu.ReadGpr(op.Reg1, op.Size1), op.Size1);

    public static void Movss(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Memory)
        {
            cpu.Memory.Write32(cpu.EffectiveAddress(ref op), (uint)Xmm(cpu, op.Reg1)[0]);
            return;
        }
        ulong* d = Xmm(cpu, op.Reg0);
        if (op.Kind1 == OperandKind.Xmm) d[0] = (d[0] & 0xFFFFFFFF00000000) | (uint)Xmm(cpu, op.Reg1)[0];
        else
        {
            d[0] = cpu.Memory.Read32(cpu.EffectiveAddress(ref op));
            d[1] = 0;
        }
    }

    public static void MovsdXmm(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Memory)
        {
            cpu.Memory.Write64(cpu.EffectiveAddress(ref op), Xmm(cpu, op.Reg1)[0]);
            return;
        }
        ulong* d = Xmm(cpu, op.Reg0);
        if (op.Kind1 == OperandKind.Xmm) d[0] = Xmm(cpu, op.Reg1)[0];
        else
        {
            d[0] = cpu.Memory.Read64(cpu.EffectiveAddress(ref op));
            d[1] = 0;
        }
    }

    public static void MovLow(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Memory) cpu.Memory.Write64(cpu.EffectiveAddress(ref op), Xmm(cpu, op.Reg1)[0]);
        else Xmm(cpu, op.Reg0)[0] = cpu.Memory.Read64(cpu.EffectiveAddress(ref op));
    }

    public static void MovHigh(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Memory) cpu.Memory.Write64(cpu.EffectiveAddress(ref op), Xmm(cpu, op.Reg1)[1]);
        else Xmm(cpu, op.Reg0)[1] = cpu.Memory.Read64(cpu.EffectiveAddress(ref op));
    }

    public static void Movhlps(Cpu cpu, ref DecodedOp op) => Xmm(cpu, op.Reg0)[0] = Xmm(cpu, op.Reg1)[1];

    public static void Movlhps(Cpu cpu, ref DecodedOp op) => Xmm(cpu, op.Reg0)[1] = Xmm(cpu, op.Reg1)[0];

    /// <summary>MOVD/MOVQ in every XMM form: loads zero the rest of the register.</summary>
    public static void MovdMovq(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Xmm)
        {
            ulong v = op.Kind1 switch
            {
                OperandKind.Xmm => Xmm(cpu, op.Reg1)[0],
                OperandKind.Gpr => cpu.ReadGpr(op.Reg1, op.Size1),
                _ => cpu.Memory.Read(cpu.EffectiveAddress(ref op), op.Size1),
            };
            if (op.Size1 == 4) v = (uint)v;
            ulong* d = Xmm(cpu, op.Reg0);
            d[0] = v;
            d[1] = 0;
            return;
        }
        ulong s = Xmm(cpu, op.Reg1)[0];
        if (op.Kind0 == OperandKind.Gpr) cpu.WriteGpr(op.Reg0, op.Size0, s);
        else cpu.Memory.Write(cpu.EffectiveAddress(ref op), s, op.Size0);
    }

    public static void Movmskps(Cpu cpu, ref DecodedOp op)
    {
        ulong* s = Xmm(cpu, op.Reg1);
        ulong m = ((s[0] >> 31) & 1) | ((s[0] >> 62) & 2) | ((s[1] >> 29) & 4) | ((s[1] >> 60) & 8);
        cpu.WriteGpr(op.Reg0, op.Size0, m);
    }

    public static void Movmskpd(Cpu cpu, ref DecodedOp op)
    {
        ulong* s = Xmm(cpu, op.Reg1);
        cpu.WriteGpr(op.Reg0, op.Size0, (s[0] >> 63) | ((s[1] >> 62) & 2));
    }

    public static void Pmovmskb(Cpu cpu, ref DecodedOp op)
    {
        ulong* s = Xmm(cpu, op.Reg1);
        ulong m = 0;
        for (int i = 0; i < 8; i++)
        {
            m |= ((s[0] >> (8 * i + 7)) & 1) << i;
            m |= ((s[1] >> (8 * i + 7)) & 1) << (i + 8);
        }
        cpu.WriteGpr(op.Reg0, op.Size0, m);
    }

    /// <summary>Stores the bytes of operand 1 whose mask byte (operand 2) has its top bit set, at [RDI].</summary>
    public static void Maskmovdqu(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.State->Gpr[Reg.Rdi];
        if ((op.Prefix & OpPrefix.Address32) != 0) a = (uint)a;
        if (op.Segment != 0) a += op.Segment == 1 ? cpu.State->FsBase : cpu.State->GsBase;
        ulong* s = Xmm(cpu, op.Reg1);
        ulong* m = Xmm(cpu, op.Reg2);
        // The host checks all 16 bytes, masked or not, before storing any.
        if (!cpu.Memory.IsWritable(a, 16))
        {
            ulong bad = cpu.Memory.IsWritable(a, 1) ? (a | GuestMemory.PageMask) + 1 : a;
            throw GuestFault.Segv(bad, cpu.Memory.IsMapped(bad));
        }
        for (int i = 0; i < 16; i++)
        {
            ulong mq = m[i >> 3], sq = s[i >> 3];
            int sh = 8 * (i & 7);
            if (((mq >> (sh + 7)) & 1) != 0) cpu.Memory.Write8(a + (ulong)i, (byte)(sq >> sh));
        }
    }
}
