using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// SSE3: alternating and horizontal add/subtract, duplicating moves and LDDQU. FISTTP is in the x87
/// load/store family; MONITOR/MWAIT stay SIGILL as they are in Linux user mode.
/// </summary>
public static unsafe partial class Inst
{
    private static void RegisterSse3(OpcodeRegistry r) => AddXmmTable(r, new[]
    {
        H(Mnemonic.Addsubps, &XmmOp<AddSubPs>), H(Mnemonic.Addsubpd, &XmmOp<AddSubPd>),
        H(Mnemonic.Haddps, &XmmOp<HorizontalPs<AddF>>), H(Mnemonic.Haddpd, &XmmOp<HorizontalPd<AddF>>),
        H(Mnemonic.Hsubps, &XmmOp<HorizontalPs<SubF>>), H(Mnemonic.Hsubpd, &XmmOp<HorizontalPd<SubF>>),
        H(Mnemonic.Movshdup, &XmmOp<DupDwords<Odd>>), H(Mnemonic.Movsldup, &XmmOp<DupDwords<Even>>),
        H(Mnemonic.Movddup, &XmmOp<Movddup>), H(Mnemonic.Lddqu, &XmmOp<Lddqu>),
    });

    internal interface IFloatOp { static abstract FOp Op { get; } }
    internal struct AddF : IFloatOp { public static FOp Op => FOp.Add; }
    internal struct SubF : IFloatOp { public static FOp Op => FOp.Sub; }

    internal interface ILaneParity { static abstract int Offset { get; } }
    internal struct Even : ILaneParity { public static int Offset => 0; }
    internal struct Odd : ILaneParity { public static int Offset => 1; }

    /// <summary>Even lanes subtract, odd lanes add.</summary>
    internal struct AddSubPs : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint* x = (uint*)a, y = (uint*)b, z = (uint*)r;
            uint mx = cpu.State->Mxcsr;
            for (int i = 0; i < 4; i++) z[i] = SseFloat.Op32((i & 1) == 0 ? FOp.Sub : FOp.Add, x[i], y[i], mx, ref flags);
        }
    }

    internal struct AddSubPd : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint mx = cpu.State->Mxcsr;
            r[0] = SseFloat.Op64(FOp.Sub, a[0], b[0], mx, ref flags);
            r[1] = SseFloat.Op64(FOp.Add, a[1], b[1], mx, ref flags);
        }
    }

    /// <summary>Adjacent pairs of the destination, then of the source: (x0 op x1, x2 op x3, y0 op y1, y2 op y3).</summary>
    internal struct HorizontalPs<TF> : IXmmOp where TF : struct, IFloatOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint* x = (uint*)a, y = (uint*)b, z = (uint*)r;
            uint mx = cpu.State->Mxcsr;
            z[0] = SseFloat.Op32(TF.Op, x[0], x[1], mx, ref flags);
            z[1] = SseFloat.Op32(TF.Op, x[2], x[3], mx, ref flags);
            z[2] = SseFloat.Op32(TF.Op, y[0], y[1], mx, ref flags);
            z[3] = SseFloat.Op32(TF.Op, y[2], y[3], mx, ref flags);
        }
    }

    internal struct HorizontalPd<TF> : IXmmOp where TF : struct, IFloatOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint mx = cpu.State->Mxcsr;
            r[0] = SseFloat.Op64(TF.Op, a[0], a[1], mx, ref flags);
            r[1] = SseFloat.Op64(TF.Op, b[0], b[1], mx, ref flags);
        }
    }

    /// <summary>MOVSLDUP/MOVSHDUP: each even (odd) dword of the source into both lanes of its pair.</summary>
    internal struct DupDwords<TP> : IXmmOp where TP : struct, ILaneParity
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            uint* y = (uint*)b, z = (uint*)r;
            for (int i = 0; i < 4; i += 2) z[i] = z[i + 1] = y[i + TP.Offset];
        }
    }

    /// <summary>The low quadword (xmm or m64) into both halves.</summary>
    internal struct Movddup : IXmmOp
    {
        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags) => r[0] = r[1] = b[0];
    }

    internal struct Lddqu : IXmmOp
    {
        public static bool Unaligned => true;

        public static void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags)
        {
            r[0] = b[0];
            r[1] = b[1];
        }
    }
}
