using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// SSE4.2 packed string compares PCMPESTRI/M (explicit lengths in EAX/RAX and EDX/RDX) and
/// PCMPISTRI/M (lengths up to the first zero element). imm8 selects the element format [1:0],
/// the aggregation [3:2], the polarity [5:4] and the output form [6]. Operand 1 (the register)
/// is the set, ranges or needle; operand 2 (xmm/m128, never alignment-checked) is the text.
/// </summary>
public static unsafe partial class Inst
{
    private static void RegisterSse42String(OpcodeRegistry r)
    {
        AddSse(r, Mnemonic.Pcmpestri, &Pcmpestri);
        AddSse(r, Mnemonic.Pcmpestri64, &Pcmpestri);
        AddSse(r, Mnemonic.Pcmpestrm, &Pcmpestrm);
        AddSse(r, Mnemonic.Pcmpestrm64, &Pcmpestrm);
        AddSse(r, Mnemonic.Pcmpistri, &Pcmpistri);
        AddSse(r, Mnemonic.Pcmpistrm, &Pcmpistrm);
    }

    public static void Pcmpestri(Cpu cpu, ref DecodedOp op) => StringCompare(cpu, ref op, explicitLengths: true, mask: false);
    public static void Pcmpestrm(Cpu cpu, ref DecodedOp op) => StringCompare(cpu, ref op, explicitLengths: true, mask: true);
    public static void Pcmpistri(Cpu cpu, ref DecodedOp op) => StringCompare(cpu, ref op, explicitLengths: false, mask: false);
    public static void Pcmpistrm(Cpu cpu, ref DecodedOp op) => StringCompare(cpu, ref op, explicitLengths: false, mask: true);

    private static void StringCompare(Cpu cpu, ref DecodedOp op, bool explicitLengths, bool mask)
    {
        ulong* t = stackalloc ulong[4];
        ulong* a = t, b = t + 2;
        ReadXmmSource(cpu, ref op, b, unaligned: true);
        ulong* d = Xmm(cpu, op.Reg0);
        a[0] = d[0];
        a[1] = d[1];
        int imm = (byte)op.Imm;
        bool words = (imm & 1) != 0;
        int n = words ? 8 : 16;
        int* x = stackalloc int[16];
        int* y = stackalloc int[16];
        for (int i = 0; i < n; i++)
        {
            x[i] = Element(a, i, imm);
            y[i] = Element(b, i, imm);
        }
        int la, lb;
        if (explicitLengths)
        {
            bool wide = op.Code is Code.Pcmpestri64_xmm_xmmm128_imm8 or Code.Pcmpestrm64_xmm_xmmm128_imm8;
            la = ExplicitLength(cpu.State->Gpr[Reg.Rax], wide, n);
            lb = ExplicitLength(cpu.State->Gpr[Reg.Rdx], wide, n);
        }
        else
        {
            la = ImplicitLength(x, n);
            lb = ImplicitLength(y, n);
        }
        uint res = Aggregate(x, y, la, lb, n, (imm >> 2) & 3);
        uint all = (1u << n) - 1;
        res = ((imm >> 4) & 3) switch
        {
            1 => res ^ all,
            3 => res ^ ((1u << lb) - 1),
            _ => res,
        };
        ulong f = 0;
        if (res != 0) f |= RFlags.CF;
        if (lb < n) f |= RFlags.ZF;
        if (la < n) f |= RFlags.SF;
        if ((res & 1) != 0) f |= RFlags.OF;
        if (mask)
        {
            ulong* m = Xmm(cpu, 0);
            if ((imm & 0x40) == 0)
            {
                m[0] = res;
                m[1] = 0;
            }
            else
            {
                int w = 16 / n; // element bytes
                byte* mb = (byte*)m;
                for (int i = 0; i < 16; i++) mb[i] = ((res >> (i / w)) & 1) != 0 ? (byte)0xFF : (byte)0;
            }
        }
        else
        {
            int index = res == 0 ? n : (imm & 0x40) == 0 ? System.Numerics.BitOperations.TrailingZeroCount(res) : 31 - System.Numerics.BitOperations.LeadingZeroCount(res);
            cpu.State->Gpr[Reg.Rcx] = (ulong)index;
        }
        SetArithFlags(cpu, f);
    }

    /// <summary>Element i of a 128-bit value in the imm8[1:0] format (ub, uw, sb, sw).</summary>
    private static int Element(ulong* v, int i, int imm) => (imm & 3) switch
    {
        0 => ((byte*)v)[i],
        1 => ((ushort*)v)[i],
        2 => ((sbyte*)v)[i],
        _ => ((short*)v)[i],
    };

    /// <summary>|EAX| (or |RAX| with REX.W) saturated to the element count.</summary>
    private static int ExplicitLength(ulong reg, bool wide, int n)
    {
        long v = wide ? (long)reg : (int)reg;
        // |long.MinValue| does not fit; it saturates like any other large length.
        return v == long.MinValue ? n : (int)Math.Min(Math.Abs(v), n);
    }

    private static int ImplicitLength(int* v, int n)
    {
        for (int i = 0; i < n; i++)
            if (v[i] == 0) return i;
        return n;
    }

    /// <summary>
    /// IntRes1: bit j says whether text element j (y) matches. Pairs with an invalid element (past
    /// its string's length) are forced as the SDM tables say: false for equal-any and ranges; for
    /// equal-each true when both are invalid; for equal-ordered true when the needle has ended.
    /// </summary>
    private static uint Aggregate(int* x, int* y, int la, int lb, int n, int mode)
    {
        uint res = 0;
        switch (mode)
        {
            case 0: // equal any: y[j] is in the set x[0..la)
                for (int j = 0; j < lb; j++)
                    for (int i = 0; i < la; i++)
                        if (x[i] == y[j])
                        {
                            res |= 1u << j;
                            break;
                        }
                break;
            case 1: // ranges: x[i] <= y[j] <= x[i+1] for a pair (i, i+1) of valid bounds
                for (int j = 0; j < lb; j++)
                    for (int i = 0; i + 1 < la; i += 2)
                        if (x[i] <= y[j] && y[j] <= x[i + 1])
                        {
                            res |= 1u << j;
                            break;
                        }
                break;
            case 2: // equal each
                for (int j = 0; j < n; j++)
                {
                    bool va = j < la, vb = j < lb;
                    if (va && vb ? x[j] == y[j] : !va && !vb) res |= 1u << j;
                }
                break;
            default: // equal ordered: the needle x starts at text position j
                for (int j = 0; j < n; j++)
                {
                    bool match = true;
                    for (int i = 0; i < n - j && match; i++)
                    {
                        if (i >= la) break;
                        match = j + i < lb && x[i] == y[j + i];
                    }
                    if (match) res |= 1u << j;
                }
                break;
        }
        return res;
    }
}
