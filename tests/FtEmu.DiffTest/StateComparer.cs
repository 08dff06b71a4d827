using System.Buffers.Binary;
using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>
/// Compares what the host CPU and FtEmu did with one case: signal, si_code and fault address; the 16
/// GPRs, RIP, RFLAGS (arithmetic flags, DF, IF, NT, AC, ID; not TF/RF, which the trap and the kernel
/// own), FCW, FSW, the abridged tag, MXCSR, the eight 80-bit x87 registers, XMM0..15 and the whole
/// data region. Only <see cref="UndefinedFlags"/> and <see cref="ModelDifferences"/> relax it.
/// </summary>
public static class StateComparer
{
    public const ulong ComparedFlags = 0x1 | 0x4 | 0x10 | 0x40 | 0x80 | 0x200 | 0x400 | 0x800 | 0x4000 | 0x40000 | 0x200000;

    private static readonly string[] s_gprNames =
        ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];

    public static Instruction Decode(DiffCase c)
    {
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(c.Bytes), Layout.CodeBase);
        decoder.Decode(out var ins);
        // A waiting form (FSTSW, FCLEX, ...) is WAIT followed by the no-wait instruction: that one matters.
        if (ins.Code == Code.Wait && c.Code != Code.Wait && decoder.IP < Layout.CodeBase + (ulong)c.Bytes.Length) decoder.Decode(out ins);
        return ins;
    }

    /// <summary>The differing fields, empty when the two agree.</summary>
    public static List<string> Compare(DiffCase c, MachineState native, MachineState emu)
    {
        var diffs = new List<string>();
        var ins = Decode(c);
        if (ModelDifferences.WideMovsxdRead(in ins, native, emu, EffectiveAddress(c, ins))) return diffs;
        if (ModelDifferences.PendingX87StoreFault(in ins, native, emu)) return diffs;
        if (native.Signal != emu.Signal || native.SiCode != emu.SiCode)
            diffs.Add($"signal: native {native.Signal}/{native.SiCode} emu {emu.Signal}/{emu.SiCode}");
        else if (native.Signal != 0 && native.SiCode != GuestSignals.SI_KERNEL && native.FaultAddress != emu.FaultAddress
                 && !ModelDifferences.SameAccess(native.FaultAddress, emu.FaultAddress, EffectiveAddress(c, ins), ins.MemorySize.GetSize()))
            diffs.Add($"si_addr: native 0x{native.FaultAddress:x} emu 0x{emu.FaultAddress:x}");

        bool completed = native.Signal == 0 && emu.Signal == 0;
        var (undefFlags, destUndefined) = completed ? UndefinedFlags.For(c, ins) : (0UL, false);
        int destGpr = destUndefined && ins.Op0Kind == OpKind.Register ? ins.Op0Register.GetFullRegister().GetNumber() : -1;

        for (int i = 0; i < 16; i++)
            if (native.Gpr[i] != emu.Gpr[i] && i != destGpr)
                diffs.Add($"{s_gprNames[i]}: native 0x{native.Gpr[i]:x} emu 0x{emu.Gpr[i]:x}");
        if (native.Rip != emu.Rip) diffs.Add($"rip: native 0x{native.Rip:x} emu 0x{emu.Rip:x}");
        ulong fm = ModelDifferences.FaultedRepCompare(in ins, native, emu) ? 0 : ComparedFlags & ~undefFlags
            & ~ModelDifferences.VendorFlags(ins.Mnemonic, BinaryPrimitives.ReadUInt16LittleEndian(native.Fx.AsSpan(2)), BinaryPrimitives.ReadUInt16LittleEndian(native.Fx));
        if ((native.Rflags & fm) != (emu.Rflags & fm))
            diffs.Add($"rflags: native 0x{native.Rflags & fm:x} emu 0x{emu.Rflags & fm:x} (compared 0x{fm:x})");

        if (completed && (ModelDifferences.UndefinedX87Result(ins.Mnemonic, c.Fx.AsSpan(32, 10)) || ModelDifferences.TinyTranscendental(ins.Mnemonic, c.Fx)))
            CompareMxcsrAndXmm(native, emu, diffs);
        else CompareFpu(ins, native, emu, completed ? UndefinedFlags.X87For(ins) : (ushort)0, diffs);
        CompareData(c, ins, native, emu, destUndefined, diffs);
        return diffs;
    }

    private static void CompareFpu(in Instruction ins, MachineState native, MachineState emu, ushort undefinedCc, List<string> diffs)
    {
        var n = native.Fx.AsSpan();
        var e = emu.Fx.AsSpan();
        // C1 of a transcendental tells which way its (1-ulp-tolerant) result was rounded: not compared.
        bool relaxC1 = ModelDifferences.IsTranscendental(ins.Mnemonic);
        for (int i = 0; i < 8; i++)
        {
            var a = n.Slice(32 + 16 * i, 10);
            var b = e.Slice(32 + 16 * i, 10);
            if (a.SequenceEqual(b)) continue;
            if (ModelDifferences.IsTranscendental(ins.Mnemonic) && ModelDifferences.WithinOneUlp(a, b))
            {
                relaxC1 = true;
                continue;
            }
            diffs.Add($"st({i}): native {F80(a)} emu {F80(b)}");
        }
        ushort fcwN = BinaryPrimitives.ReadUInt16LittleEndian(n), fcwE = BinaryPrimitives.ReadUInt16LittleEndian(e);
        if (fcwN != fcwE) diffs.Add($"fcw: native 0x{fcwN:x4} emu 0x{fcwE:x4}");
        ushort fswN = BinaryPrimitives.ReadUInt16LittleEndian(n[2..]), fswE = BinaryPrimitives.ReadUInt16LittleEndian(e[2..]);
        ushort swMask = (ushort)(~undefinedCc & ~ModelDifferences.VendorFsw(ins.Mnemonic, fswN, fcwN) & (relaxC1 ? ~0x200 : 0xFFFF));
        if ((fswN & swMask) != (fswE & swMask)) diffs.Add($"fsw: native 0x{fswN:x4} emu 0x{fswE:x4}");
        if (n[4] != e[4]) diffs.Add($"ftw (abridged): native 0x{n[4]:x2} emu 0x{e[4]:x2}");
        uint mxN = BinaryPrimitives.ReadUInt32LittleEndian(n[24..]), mxE = BinaryPrimitives.ReadUInt32LittleEndian(e[24..]);
        if (mxN != mxE) diffs.Add($"mxcsr: native 0x{mxN:x} emu 0x{mxE:x}");
        for (int x = 0; x < 16; x++)
        {
            var a = n.Slice(160 + 16 * x, 16);
            var b = e.Slice(160 + 16 * x, 16);
            if (a.SequenceEqual(b)) continue;
            if (ModelDifferences.IsApproximation(ins.Mnemonic) && ins.Op0Register == Register.XMM0 + x && ApproxLanesMatch(ins.Mnemonic, a, b)) continue;
            if (ins.Op0Register == Register.XMM0 + x && ModelDifferences.VendorDotProductNaNs(ins.Mnemonic, a, b)) continue;
            diffs.Add($"xmm{x}: native {Hex128(a)} emu {Hex128(b)}");
        }
    }

    /// <summary>Everything CompareFpu checks except the x87 registers, TOP, tags and C1.</summary>
    private static void CompareMxcsrAndXmm(MachineState native, MachineState emu, List<string> diffs)
    {
        var n = native.Fx.AsSpan();
        var e = emu.Fx.AsSpan();
        ushort fcwN = BinaryPrimitives.ReadUInt16LittleEndian(n), fcwE = BinaryPrimitives.ReadUInt16LittleEndian(e);
        if (fcwN != fcwE) diffs.Add($"fcw: native 0x{fcwN:x4} emu 0x{fcwE:x4}");
        uint mxN = BinaryPrimitives.ReadUInt32LittleEndian(n[24..]), mxE = BinaryPrimitives.ReadUInt32LittleEndian(e[24..]);
        if (mxN != mxE) diffs.Add($"mxcsr: native 0x{mxN:x} emu 0x{mxE:x}");
        if (!n.Slice(160, 256).SequenceEqual(e.Slice(160, 256))) diffs.Add("xmm registers differ");
    }

    private static bool ApproxLanesMatch(Mnemonic m, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        bool scalar = m is Mnemonic.Rcpss or Mnemonic.Rsqrtss;
        for (int k = 0; k < 4; k++)
        {
            uint x = BinaryPrimitives.ReadUInt32LittleEndian(a[(4 * k)..]), y = BinaryPrimitives.ReadUInt32LittleEndian(b[(4 * k)..]);
            if (scalar && k > 0 ? x != y : !ModelDifferences.CloseApproximation(x, y)) return false;
        }
        return true;
    }

    private static void CompareData(DiffCase c, in Instruction ins, MachineState native, MachineState emu, bool destUndefined, List<string> diffs)
    {
        var n = native.Data.AsSpan();
        var e = emu.Data.AsSpan();
        if (n.SequenceEqual(e)) return;
        var skip = new bool[Layout.DataSize];
        if (ModelDifferences.NonCanonicalCall(in ins, native, emu))
        {
            long below = (long)(c.Gpr[4] - 8 - Layout.DataBase);
            for (long k = below; k < below + 8; k++)
                if (k >= 0 && k < Layout.DataSize) skip[k] = true;
        }
        if (ins.OpCount > 0 && HasMemory(ins))
        {
            ulong addr = EffectiveAddress(c, ins);
            foreach (var (s, l) in ModelDifferences.UnspecifiedMemory(ins, addr))
                for (int k = s; k < s + l && k < Layout.DataSize; k++) skip[k] = true;
            if (destUndefined && ins.Op0Kind == OpKind.Memory)
            {
                long off = (long)(addr - Layout.DataBase);
                for (long k = off; k < off + ins.MemorySize.GetSize(); k++)
                    if (k >= 0 && k < Layout.DataSize) skip[k] = true;
            }
        }
        int first = -1, count = 0;
        for (int i = 0; i < Layout.DataSize; i++)
        {
            if (n[i] == e[i] || skip[i]) continue;
            if (first < 0) first = i;
            count++;
        }
        if (count == 0) return;
        int end = Math.Min(Layout.DataSize, first + 16);
        diffs.Add($"memory: {count} bytes differ, first at 0x{Layout.DataBase + (ulong)first:x}: native {Convert.ToHexString(n[first..end])} emu {Convert.ToHexString(e[first..end])}");
    }

    private static bool HasMemory(in Instruction ins)
    {
        for (int i = 0; i < ins.OpCount; i++)
            if (ins.GetOpKind(i) == OpKind.Memory) return true;
        return false;
    }

    public static ulong EffectiveAddress(DiffCase c, in Instruction ins)
    {
        for (int i = 0; i < ins.OpCount; i++)
        {
            // MASKMOVQ/MASKMOVDQU write at DS:RDI, an operand kind of its own.
            if (ins.GetOpKind(i) is not (OpKind.Memory or OpKind.MemorySegRDI)) continue;
            return ins.GetVirtualAddress(i, 0, (Register reg, int _, int _) =>
            {
                if (reg.IsGPR())
                {
                    ulong v = c.Gpr[reg.GetFullRegister().GetNumber()];
                    return reg.GetSize() switch { 1 => reg >= Register.AH && reg <= Register.BH ? (byte)(v >> 8) : (byte)v, 2 => (ushort)v, 4 => (uint)v, _ => v };
                }
                return 0;
            });
        }
        return 0;
    }

    private static string F80(ReadOnlySpan<byte> v) =>
        $"{BinaryPrimitives.ReadUInt16LittleEndian(v[8..]):x4}:{BinaryPrimitives.ReadUInt64LittleEndian(v):x16}";

    private static string Hex128(ReadOnlySpan<byte> v) =>
        $"{BinaryPrimitives.ReadUInt64LittleEndian(v[8..]):x16}{BinaryPrimitives.ReadUInt64LittleEndian(v):x16}";
}
