using System.Numerics;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// SSE4.1 integer operations: min/max, multiplies, 64-bit compares (PCMPGTQ is SSE4.2), pack,
/// sign/zero extension, PTEST, word blend, MPSADBW, PHMINPOSUW, element insert/extract and
/// MOVNTDQA. The floating-point ones (ROUND, DP, BLEND) are in the Sse41Float family.
/// </summary>
public static unsafe partial class Inst
{
    private static void RegisterSse41(OpcodeRegistry r) => AddXmmTable(r, new[]
    {
        H(Mnemonic.Pminsb, &XmmOp<MinOf<sbyte>>), H(Mnemonic.Pminsd, &XmmOp<MinOf<int>>),
        H(Mnemonic.Pminuw, &XmmOp<MinOf<ushort>>), H(Mnemonic.Pminud, &XmmOp<MinOf<uint>>),
        H(Mnemonic.Pmaxsb, &XmmOp<MaxOf<sbyte>>), H(Mnemonic.Pmaxsd, &XmmOp<MaxOf<int>>),
        H(Mnemonic.Pmaxuw, &XmmOp<MaxOf<ushort>>), H(Mnemonic.Pmaxud, &XmmOp<MaxOf<uint>>),
        H(Mnemonic.Pmulld, &XmmOp<Pmulld>), H(Mnemonic.Pmuldq, &XmmOp<Pmuldq>),
        H(Mnemonic.Pcmpeqq, &XmmOp<CompareQ<Equal>>), H(Mnemonic.Pcmpgtq, &XmmOp<CompareQ<Greater>>),
        H(Mnemonic.Packusdw, &XmmOp<Packusdw>),
        H(Mnemonic.Pmovsxbw, &XmmOp<Extend<sbyte, short>>), H(Mnemonic.Pmovsxbd, &XmmOp<Extend<sbyte, int>>),
        H(Mnemonic.Pmovsxbq, &XmmOp<Extend<sbyte, long>>), H(Mnemonic.Pmovsxwd, &XmmOp<Extend<short, int>>),
        H(Mnemonic.Pmovsxwq, &XmmOp<Extend<short, long>>), H(Mnemonic.Pmovsxdq, &XmmOp<Extend<int, long>>),
        H(Mnemonic.Pmovzxbw, &XmmOp<Extend<byte, ushort>>), H(Mnemonic.Pmovzxbd, &XmmOp<Extend<byte, uint>>),
        H(Mnemonic.Pmovzxbq, &XmmOp<Extend<byte, ulong>>), H(Mnemonic.Pmovzxwd, &XmmOp<Extend<ushort, uint>>),
        H(Mnemonic.Pmovzxwq, &XmmOp<Extend<ushort, ulong>>), H(Mnemonic.Pmovzxdq, &XmmOp<Extend<uint, ulong>>),
        H(Mnemonic.Pblendw, &XmmOp<BlendImm<ushort>>),
        H(Mnemonic.Mpsadbw, &XmmOp<Mpsadbw>), H(Mnemonic.Phminposuw, &XmmOp<Phminposuw>),
        H(Mnemonic.Movntdqa, &XmmOp<AlignedLoad>),
        H(Mnemonic.Ptest, &Ptest),
        H(Mnemonic.Pinsrb, &Pinsr), H(Mnemonic.Pinsrd, &Pinsr), H(Mnemonic.Pinsrq, &Pinsr),
        H(Mnemonic.Pextrb, &Pextr), H(Mnemonic.Pextrd, &Pextr), H(Mnemonic.Pextrq, &Pextr),
        H(Mnemonic.Insertps, &Insertps), H(Mnemonic.Extractps, &Pextr),
    });

    /// <summary>MOVNTDQA: a plain load of an aligned m128 (the non-temporal hint has no effect here).</summary>
    internal struct AlignedLoad : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            r[0] = b[0];
            r[1] = b[1];
        }
    }

    internal struct MinOf<T> : IXmmOp where T : unmanaged, IBinaryInteger<T>
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            T* x = (T*)a, y = (T*)b, z = (T*)r;
            for (int i = 0; i < 16 / sizeof(T); i++) z[i] = T.Min(x[i], y[i]);
        }
    }

    internal struct MaxOf<T> : IXmmOp where T : unmanaged, IBinaryInteger<T>
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            T* x = (T*)a, y = (T*)b, z = (T*)r;
            for (int i = 0; i < 16 / sizeof(T); i++) z[i] = T.Max(x[i], y[i]);
        }
    }

    /// <summary>Low 32 bits of each signed dword product.</summary>
    internal struct Pmulld : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint* x = (uint*)a, y = (uint*)b, z = (uint*)r;
            for (int i = 0; i < 4; i++) z[i] = unchecked(x[i] * y[i]);
        }
    }

    /// <summary>Signed 32x32 -> 64 products of dwords 0 and 2.</summary>
    internal struct Pmuldq : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            r[0] = (ulong)((long)(int)a[0] * (int)b[0]);
            r[1] = (ulong)((long)(int)a[1] * (int)b[1]);
        }
    }

    internal interface IQCompare { static abstract bool Test(long x, long y); }
    internal struct Equal : IQCompare { public static bool Test(long x, long y) => x == y; }
    internal struct Greater : IQCompare { public static bool Test(long x, long y) => x > y; }

    internal struct CompareQ<TC> : IXmmOp where TC : struct, IQCompare
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            r[0] = TC.Test((long)a[0], (long)b[0]) ? ulong.MaxValue : 0;
            r[1] = TC.Test((long)a[1], (long)b[1]) ? ulong.MaxValue : 0;
        }
    }

    /// <summary>Signed dwords to unsigned words with saturation: destination's into the low half, source's into the high.</summary>
    internal struct Packusdw : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            int* x = (int*)a, y = (int*)b;
            ushort* z = (ushort*)r;
            for (int i = 0; i < 4; i++)
            {
                z[i] = SatU16(x[i]);
                z[i + 4] = SatU16(y[i]);
            }
        }
    }

    /// <summary>PMOVSX*/PMOVZX*: the low elements of the source widened; signedness comes from TFrom.</summary>
    internal struct Extend<TFrom, TTo> : IXmmOp where TFrom : unmanaged, IBinaryInteger<TFrom> where TTo : unmanaged, IBinaryInteger<TTo>
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            TFrom* y = (TFrom*)b;
            TTo* z = (TTo*)r;
            for (int i = 0; i < 16 / sizeof(TTo); i++) z[i] = TTo.CreateTruncating(y[i]);
        }
    }

    /// <summary>Element i comes from the source where imm8 bit i is set (PBLENDW, BLENDPS, BLENDPD).</summary>
    internal struct BlendImm<T> : IXmmOp where T : unmanaged
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            T* y = (T*)b, z = (T*)r;
            for (int i = 0; i < 16 / sizeof(T); i++)
                if (((imm >> i) & 1) != 0) z[i] = y[i];
        }
    }

    /// <summary>
    /// Eight sums of absolute differences between a sliding 4-byte window of the destination
    /// (starting at byte 4*imm8[2]) and the source's 4-byte block imm8[1:0].
    /// </summary>
    internal struct Mpsadbw : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            byte* x = (byte*)a + 4 * ((imm >> 2) & 1), y = (byte*)b + 4 * (imm & 3);
            ushort* z = (ushort*)r;
            for (int i = 0; i < 8; i++)
            {
                int sum = 0;
                for (int k = 0; k < 4; k++) sum += Math.Abs(x[i + k] - y[k]);
                z[i] = (ushort)sum;
            }
        }
    }

    /// <summary>The smallest unsigned word of the source and its (lowest) index; the rest zero.</summary>
    internal struct Phminposuw : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            ushort* y = (ushort*)b;
            int index = 0;
            for (int i = 1; i < 8; i++)
                if (y[i] < y[index]) index = i;
            r[0] = y[index] | ((ulong)index << 16);
            r[1] = 0;
        }
    }

    /// <summary>ZF: destination AND source is zero; CF: NOT destination AND source is zero; the other flags clear.</summary>
    public static void Ptest(Cpu cpu, ref DecodedOp op)
    {
        ulong* b = stackalloc ulong[2];
        ReadXmmSource(cpu, ref op, b, unaligned: false);
        ulong* d = Xmm(cpu, op.Reg0);
        ulong f = 0;
        if (((d[0] & b[0]) | (d[1] & b[1])) == 0) f |= RFlags.ZF;
        if (((~d[0] & b[0]) | (~d[1] & b[1])) == 0) f |= RFlags.CF;
        SetArithFlags(cpu, f);
    }

    /// <summary>PINSRB/D/Q: a GPR or memory element into the destination element imm8 (modulo the count).</summary>
    public static void Pinsr(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Code switch
        {
            Code.Pinsrb_xmm_r32m8_imm8 or Code.Pinsrb_xmm_r64m8_imm8 => 1,
            Code.Pinsrd_xmm_rm32_imm8 => 4,
            _ => 8,
        };
        ulong v = op.Kind1 == OperandKind.Gpr ? cpu.ReadGpr(op.Reg1, 8) : cpu.Memory.Read(cpu.EffectiveAddress(ref op), size);
        int i = (int)op.Imm & (16 / size - 1);
        byte* d = (byte*)Xmm(cpu, op.Reg0);
        for (int k = 0; k < size; k++) d[i * size + k] = (byte)(v >> (8 * k));
    }

    /// <summary>PEXTRB/D/Q and EXTRACTPS: element imm8 to memory, or zero-extended into a GPR.</summary>
    public static void Pextr(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Code switch
        {
            Code.Pextrb_r32m8_xmm_imm8 or Code.Pextrb_r64m8_xmm_imm8 => 1,
            Code.Pextrq_rm64_xmm_imm8 => 8,
            _ => 4,
        };
        int i = (int)op.Imm & (16 / size - 1);
        byte* s = (byte*)Xmm(cpu, op.Reg1);
        ulong v = 0;
        for (int k = 0; k < size; k++) v |= (ulong)s[i * size + k] << (8 * k);
        if (op.Kind0 == OperandKind.Gpr) cpu.WriteGpr(op.Reg0, op.Size0 < 4 ? 4 : op.Size0, v);
        else cpu.Memory.Write(cpu.EffectiveAddress(ref op), v, size);
    }

    /// <summary>
    /// A single (source dword imm8[7:6], or the m32) into destination dword imm8[5:4], then the
    /// dwords selected by imm8[3:0] zeroed.
    /// </summary>
    public static void Insertps(Cpu cpu, ref DecodedOp op)
    {
        int imm = (byte)op.Imm;
        uint v = op.Kind1 == OperandKind.Xmm
            ? ((uint*)Xmm(cpu, op.Reg1))[imm >> 6]
            : cpu.Memory.Read32(cpu.EffectiveAddress(ref op));
        uint* d = (uint*)Xmm(cpu, op.Reg0);
        d[(imm >> 4) & 3] = v;
        for (int i = 0; i < 4; i++)
            if (((imm >> i) & 1) != 0) d[i] = 0;
    }
}
