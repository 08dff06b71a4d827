using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>SSE/SSE2 shuffles, unpacks and word insert/extract.</summary>
public static unsafe partial class Inst
{
    private static void RegisterSseShuffle(OpcodeRegistry r)
    {
        AddSse(r, Mnemonic.Shufps, &Shufps);
        AddSse(r, Mnemonic.Shufpd, &Shufpd);
        AddSse(r, Mnemonic.Unpcklps, &Punpckldq);
        AddSse(r, Mnemonic.Unpckhps, &Punpckhdq);
        AddSse(r, Mnemonic.Unpcklpd, &Punpcklqdq);
        AddSse(r, Mnemonic.Unpckhpd, &Punpckhqdq);
        AddSse(r, Mnemonic.Punpcklbw, &Punpcklbw);
        AddSse(r, Mnemonic.Punpckhbw, &Punpckhbw);
        AddSse(r, Mnemonic.Punpcklwd, &Punpcklwd);
        AddSse(r, Mnemonic.Punpckhwd, &Punpckhwd);
        AddSse(r, Mnemonic.Punpckldq, &Punpckldq);
        AddSse(r, Mnemonic.Punpckhdq, &Punpckhdq);
        AddSse(r, Mnemonic.Punpcklqdq, &Punpcklqdq);
        AddSse(r, Mnemonic.Punpckhqdq, &Punpckhqdq);
        AddSse(r, Mnemonic.Pshufd, &Pshufd);
        AddSse(r, Mnemonic.Pshuflw, &Pshuflw);
        AddSse(r, Mnemonic.Pshufhw, &Pshufhw);
        AddSse(r, Mnemonic.Pextrw, &Pextrw);
        AddSse(r, Mnemonic.Pinsrw, &Pinsrw);
    }

    private static uint Dword(ulong lo, ulong hi, int i) => (uint)((i < 2 ? lo : hi) >> (32 * (i & 1)));

    public static void Shufps(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        int imm = (byte)op.Imm;
        ulong dl = d[0], dh = d[1];
        d[0] = Dword(dl, dh, imm & 3) | (ulong)Dword(dl, dh, (imm >> 2) & 3) << 32;
        d[1] = Dword(lo, hi, (imm >> 4) & 3) | (ulong)Dword(lo, hi, (imm >> 6) & 3) << 32;
    }

    public static void Shufpd(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        int imm = (byte)op.Imm;
        ulong r0 = (imm & 1) == 0 ? d[0] : d[1];
        ulong r1 = (imm & 2) == 0 ? lo : hi;
        d[0] = r0;
        d[1] = r1;
    }

    /// <summary>Interleaves elements of <paramref name="size"/> bytes from the low (or high) halves of dest and source.</summary>
    private static void Unpack(Cpu cpu, ref DecodedOp op, int size, bool high)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        ulong a = high ? d[1] : d[0];
        ulong b = high ? hi : lo;
        if (size == 8)
        {
            d[0] = a;
            d[1] = b;
            return;
        }
        int bits = 8 * size;
        ulong mask = (1UL << bits) - 1;
        int n = 8 / size; // elements per half
        ulong r0 = 0, r1 = 0;
        for (int i = 0; i < n; i++)
        {
            ulong ea = (a >> (bits * i)) & mask, eb = (b >> (bits * i)) & mask;
            int pos = 2 * i * bits; // bit position in the 128-bit result
            if (pos < 64) r0 |= (ea << pos) | (eb << (pos + bits));
            else r1 |= (ea << (pos - 64)) | (eb << (pos - 64 + bits));
        }
        d[0] = r0;
        d[1] = r1;
    }

    public static void Punpcklbw(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 1, false);
    public static void Punpckhbw(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 1, true);
    public static void Punpcklwd(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 2, false);
    public static void Punpckhwd(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 2, true);
    public static void Punpckldq(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 4, false);
    public static void Punpckhdq(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 4, true);
    public static void Punpcklqdq(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 8, false);
    public static void Punpckhqdq(Cpu cpu, ref DecodedOp op) => Unpack(cpu, ref op, 8, true);

    public static void Pshufd(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        int imm = (byte)op.Imm;
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = Dword(lo, hi, imm & 3) | (ulong)Dword(lo, hi, (imm >> 2) & 3) << 32;
        d[1] = Dword(lo, hi, (imm >> 4) & 3) | (ulong)Dword(lo, hi, (imm >> 6) & 3) << 32;
    }

    private static ulong ShuffleWords(ulong q, int imm)
    {
        ulong r = 0;
        for (int i = 0; i < 4; i++) r |= ((q >> (16 * ((imm >> (2 * i)) & 3))) & 0xFFFF) << (16 * i);
        return r;
    }

    public static void Pshuflw(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = ShuffleWords(lo, (byte)op.Imm);
        d[1] = hi;
    }

    public static void Pshufhw(Cpu cpu, ref DecodedOp op)
    {
        ReadSrc128(cpu, ref op, out ulong lo, out ulong hi);
        ulong* d = Xmm(cpu, op.Reg0);
        d[0] = lo;
        d[1] = ShuffleWords(hi, (byte)op.Imm);
    }

    public static void Pextrw(Cpu cpu, ref DecodedOp op)
    {
        int i = (int)op.Imm & 7;
        ushort w = (ushort)(Xmm(cpu, op.Reg1)[i >> 2] >> (16 * (i & 3)));
        if (op.Kind0 == OperandKind.Gpr) cpu.WriteGpr(op.Reg0, op.Size0, w);
        else cpu.Memory.Write16(cpu.EffectiveAddress(ref op), w);
    }

    public static void Pinsrw(Cpu cpu, ref DecodedOp op)
    {
        ushort w = op.Kind1 == OperandKind.Gpr ? (ushort)cpu.ReadGpr(op.Reg1, 4) : cpu.Memory.Read16(cpu.EffectiveAddress(ref op));
        int i = (int)op.Imm & 7;
        ulong* d = Xmm(cpu, op.Reg0);
        int sh = 16 * (i & 3);
        d[i >> 2] = (d[i >> 2] & ~(0xFFFFUL << sh)) | ((ulong)w << sh);
    }
}
