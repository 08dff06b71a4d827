using System.Runtime.CompilerServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// SSE/SSE2 on XMM registers: registration, operand access shared by the Sse* family files, MXCSR and
/// FXSAVE/FXRSTOR. Only legacy (non-VEX) XMM encodings are registered; MMX-register forms stay SIGILL
/// because CPUID does not claim MMX.
/// </summary>
public static unsafe partial class Inst
{
    /// <summary>MXCSR bits that may be set (DAZ supported); anything else in LDMXCSR/FXRSTOR is #GP.</summary>
    private const uint MxcsrWritable = 0xFFFF;

    /// <summary>
    /// Legacy-encoded, non-MMX codes grouped by mnemonic, ascending within a group: mnemonic m's are
    /// s_legacyXmmCodes[s_legacyXmmStart[m] .. s_legacyXmmStart[m + 1]]. Arrays, not a dictionary of
    /// lists over Iced's enums, so that ReadyToRun code builds it without the JIT.
    /// </summary>
    private static Code[]? s_legacyXmmCodes;
    private static int[]? s_legacyXmmStart;

    private static void RegisterSse(OpcodeRegistry r)
    {
        RegisterSseMove(r);
        RegisterSseArith(r);
        RegisterSseCompare(r);
        RegisterSseConvert(r);
        RegisterSseInteger(r);
        RegisterSseShuffle(r);
        r.Add(Code.Ldmxcsr_m32, &Ldmxcsr);
        r.Add(Code.Stmxcsr_m32, &Stmxcsr);
        r.Add(Code.Fxsave_m512byte, &SseFxsave);
        r.Add(Code.Fxsave64_m512byte, &SseFxsave);
        r.Add(Code.Fxrstor_m512byte, &SseFxrstor);
        r.Add(Code.Fxrstor64_m512byte, &SseFxrstor);
    }

    /// <summary>Registers every legacy-encoded, non-MMX form of <paramref name="m"/>.</summary>
    private static void AddSse(OpcodeRegistry r, Mnemonic m, delegate*<Cpu, ref DecodedOp, void> handler)
    {
        if (s_legacyXmmCodes == null) IndexLegacyXmmCodes();
        int from = s_legacyXmmStart![(int)m], to = s_legacyXmmStart[(int)m + 1];
        if (from == to) throw new KeyNotFoundException($"{m} has no legacy XMM encoding");
        for (int i = from; i < to; i++) r.Add(s_legacyXmmCodes![i], handler);
    }

    /// <summary>Fills <see cref="s_legacyXmmCodes"/> by counting sort on the mnemonic.</summary>
    private static void IndexLegacyXmmCodes()
    {
        string[] names = IcedEnums.CodeNames;
        var start = new int[IcedEnums.MnemonicCount + 1];
        var legacy = new bool[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            legacy[i] = !(name.StartsWith("VEX_", StringComparison.Ordinal) || name.StartsWith("EVEX_", StringComparison.Ordinal) ||
                name.StartsWith("XOP_", StringComparison.Ordinal) || name.StartsWith("MVEX_", StringComparison.Ordinal) ||
                name.Contains("_mm", StringComparison.Ordinal));
            if (legacy[i]) start[(int)((Code)i).Mnemonic() + 1]++;
        }
        for (int m = 0; m < IcedEnums.MnemonicCount; m++) start[m + 1] += start[m];
        var codes = new Code[start[^1]];
        var next = (int[])start.Clone();
        for (int i = 0; i < names.Length; i++)
            if (legacy[i]) codes[next[(int)((Code)i).Mnemonic()]++] = (Code)i;
        s_legacyXmmStart = start;
        s_legacyXmmCodes = codes;
    }

    // ---- operand access ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong* Xmm(Cpu cpu, int n) => cpu.State->Xmm + 2 * n;

    internal static GuestFault GeneralProtection() => new(GuestFault.SIGSEGV, GuestFault.SI_KERNEL, 0);

    /// <summary>Address of a 16-byte operand that must be aligned (#GP otherwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AlignedAddress(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.EffectiveAddress(ref op);
        if ((a & 15) != 0) throw GeneralProtection();
        return a;
    }

    /// <summary>Operand 1 as xmm or aligned m128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReadSrc128(Cpu cpu, ref DecodedOp op, out ulong lo, out ulong hi)
    {
        if (op.Kind1 == OperandKind.Xmm)
        {
            ulong* p = Xmm(cpu, op.Reg1);
            lo = p[0];
            hi = p[1];
        }
        else cpu.Memory.Read128(AlignedAddress(cpu, ref op), out lo, out hi);
    }

    /// <summary>Operand 1 as xmm or unaligned m128.</summary>
    internal static void ReadSrc128Unaligned(Cpu cpu, ref DecodedOp op, out ulong lo, out ulong hi)
    {
        if (op.Kind1 == OperandKind.Xmm)
        {
            ulong* p = Xmm(cpu, op.Reg1);
            lo = p[0];
            hi = p[1];
        }
        else cpu.Memory.Read128(cpu.EffectiveAddress(ref op), out lo, out hi);
    }

    /// <summary>Operand 1 as the low quadword of an xmm or m64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ReadSrc64(Cpu cpu, ref DecodedOp op) =>
        op.Kind1 == OperandKind.Xmm ? Xmm(cpu, op.Reg1)[0] : cpu.Memory.Read64(cpu.EffectiveAddress(ref op));

    /// <summary>Operand 1 as the low doubleword of an xmm or m32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint ReadSrc32(Cpu cpu, ref DecodedOp op) =>
        op.Kind1 == OperandKind.Xmm ? (uint)Xmm(cpu, op.Reg1)[0] : cpu.Memory.Read32(cpu.EffectiveAddress(ref op));

    /// <summary>Operand 1 as a GPR or memory integer of the operand's size.</summary>
    internal static ulong ReadSrcInt(Cpu cpu, ref DecodedOp op) =>
        op.Kind1 == OperandKind.Gpr ? cpu.ReadGpr(op.Reg1, op.Size1) : cpu.Memory.Read(cpu.EffectiveAddress(ref op), op.Size1);

    /// <summary>
    /// Merges an instruction's exception flags into MXCSR. An unmasked one raises #XM, which Linux
    /// reports as SIGFPE at the instruction, before the destination is written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SimdFlags(Cpu cpu, ref DecodedOp op, uint flags) => SimdFlagsAt(cpu, op.Ip, flags);

    /// <summary><see cref="SimdFlags"/> for the instruction at <paramref name="ip"/> (compiled code has no DecodedOp at hand).</summary>
    internal static void SimdFlagsAt(Cpu cpu, ulong ip, uint flags)
    {
        uint mx = cpu.State->Mxcsr;
        // An unmasked pre-computation exception (IE, DE, ZE) in any lane traps before any result is
        // computed, so the post-computation ones (OE, UE, PE) of the other lanes are not raised.
        const uint pre = SseFloat.IE | SseFloat.DE | SseFloat.ZE;
        if ((flags & ~(mx >> 7) & pre) != 0) flags &= pre;
        cpu.State->Mxcsr = mx | flags;
        uint unmasked = flags & ~(mx >> 7) & 0x3F;
        // Linux derives si_code from every unmasked flag set in MXCSR, sticky ones from earlier included.
        if (unmasked != 0) throw new GuestFault(GuestFault.SIGFPE, SimdFpeCode((mx | flags) & ~(mx >> 7) & 0x3F), ip);
    }

    /// <summary>si_code Linux derives from the unmasked MXCSR exceptions.</summary>
    private static int SimdFpeCode(uint e) =>
        (e & SseFloat.IE) != 0 ? 7 : (e & SseFloat.ZE) != 0 ? 3 : (e & SseFloat.OE) != 0 ? 4 : (e & (SseFloat.UE | SseFloat.DE)) != 0 ? 5 : 6;

    // ---- MXCSR and FXSAVE ----

    public static void Ldmxcsr(Cpu cpu, ref DecodedOp op)
    {
        uint v = cpu.Memory.Read32(cpu.EffectiveAddress(ref op));
        if ((v & ~MxcsrWritable) != 0) throw GeneralProtection();
        cpu.State->Mxcsr = v;
    }

    public static void Stmxcsr(Cpu cpu, ref DecodedOp op) =>
        cpu.Memory.Write32(cpu.EffectiveAddress(ref op), cpu.State->Mxcsr);

    /// <summary>FXSAVE/FXRSTOR check a non-canonical address (#GP, or #SS through RSP/RBP) before alignment, unlike SSE loads.</summary>
    private static ulong FxAddress(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.EffectiveAddress(ref op);
        if (!GuestFault.IsCanonical(a)) throw GuestFault.NonCanonicalAccess();
        return AlignedAddress(cpu, ref op);
    }

    public static void SseFxsave(Cpu cpu, ref DecodedOp op)
    {
        ulong a = FxAddress(cpu, ref op);
        Span<byte> area = stackalloc byte[Cpu.FxsaveSize];
        cpu.FxSave(area);
        // In 64-bit mode FXSAVE leaves bytes 416..511 (reserved and software-available) alone; the image
        // from FxSave zeroes them, so merge. An image that cannot be written whole faults before any write.
        if (!cpu.Memory.IsWritable(a, Cpu.FxsaveSize))
        {
            ulong bad = a;
            while (cpu.Memory.IsWritable(bad, 1)) bad = (bad | GuestMemory.PageMask) + 1;
            throw GuestFault.Segv(bad, cpu.Memory.IsMapped(bad));
        }
        cpu.Memory.TryRead(a + 416, area[416..]);
        for (int i = 0; i < Cpu.FxsaveSize; i += 16)
            cpu.Memory.Write128(a + (ulong)i, BitConverter.ToUInt64(area[i..]), BitConverter.ToUInt64(area[(i + 8)..]));
    }

    public static void SseFxrstor(Cpu cpu, ref DecodedOp op)
    {
        ulong a = FxAddress(cpu, ref op);
        Span<byte> area = stackalloc byte[Cpu.FxsaveSize];
        for (int i = 0; i < Cpu.FxsaveSize; i += 16)
        {
            cpu.Memory.Read128(a + (ulong)i, out ulong lo, out ulong hi);
            BitConverter.TryWriteBytes(area[i..], lo);
            BitConverter.TryWriteBytes(area[(i + 8)..], hi);
        }
        if ((BitConverter.ToUInt32(area[24..]) & ~MxcsrWritable) != 0) throw GeneralProtection();
        cpu.FxRestore(area);
    }
}
