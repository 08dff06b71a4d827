using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>
/// Where the comparison is relaxed, each in one stated, narrow way; everything else is exact.
/// <list type="bullet">
/// <item>x87 last-instruction pointers (FOP, FIP/FCS, FDP/FDS) in FXSAVE/FNSTENV/FNSAVE images and in
/// the register state: implementation-defined (AMD saves them only while an exception is pending;
/// Intel may deprecate FCS/FDS). Not compared.</item>
/// <item>MXCSR_MASK in an FXSAVE image: the model's value (0xFFFF), not the host's. Not compared.</item>
/// <item>Bytes the register state does not define: the reserved upper 6 bytes of each ST slot and
/// bytes 416..511 of the FXSAVE register image (the kernel's XSAVE software area).</item>
/// <item>x87 transcendentals (F2XM1, FYL2X, FYL2XP1, FPTAN, FPATAN, FSIN, FCOS, FSINCOS): results within
/// 1 ulp of the 64-bit significand (same sign and class), and C1 (round-up) is not compared.</item>
/// <item>C1 after FCOMI/FCOMIP/FUCOMI/FUCOMIP: the SDM says "set to 0" (what the model does); the
/// AMD host leaves it unchanged. Not compared for those four.</item>
/// <item>C0, C2, C3 after FCOM/FUCOM/FICOM/FTST (and popping forms) that raised an unmasked invalid
/// exception: the SDM says the condition codes are not set (what the model does); the AMD host sets
/// them to "unordered". Not compared in exactly that case.</item>
/// <item>F2XM1 with |ST(0)| &gt; 1 and FYL2XP1 with |ST(0)| &gt;= 1 - sqrt(2)/2: the SDM calls the result
/// undefined. The x87 registers, TOP, tags and C1 are not compared for exactly those operands.</item>
/// <item>EFLAGS after FCOMI/FCOMIP/FUCOMI/FUCOMIP that raised an unmasked invalid exception: the SDM
/// says they are not set (what the model does); the AMD host sets "unordered". Not compared then.</item>
/// <item>si_addr of a page fault in a multi-byte access that crosses into a bad page: any address
/// inside the faulting part of the access (which byte the CPU reports is implementation-defined).</item>
/// <item>RCPPS/RCPSS/RSQRTPS/RSQRTSS: the SDM only bounds the approximation (relative error at most
/// 1.5 * 2^-12); a lane matches when both are finite, same sign, and within that bound of each other's
/// exact counterpart (checked as within 2^-10 relative of each other); zeros, infinities and NaNs are exact.</item>
/// <item>MOVSXD r16, m16 (66h 63 /r): the SDM's form reads 2 bytes (what the model does); the AMD host
/// reads 4. When only the wider read reaches a bad page, the host faults and the model completes: that
/// one outcome is not compared (seen once in 10,000,000 cases: an operand 2 bytes before an unmapped page).</item>
/// <item>Where Intel and AMD hosts differ (the model follows the one its first host was, AMD, unless stated):
/// <list type="bullet">
/// <item>CALL to a non-canonical target (#GP): Intel has already written the return address below RSP,
/// AMD has not; RSP is unchanged on both. The 8 bytes at RSP-8 are not compared then.</item>
/// <item>REP CMPS/SCAS that fault after some iterations: Intel's RFLAGS are the last completed compare's,
/// AMD's (and the model's) those from before the instruction. RFLAGS are not compared when both faulted.</item>
/// <item>An x87 store (FST/FSTP/FIST/FISTP/FISTTP/FBSTP) to a bad address whose value raises an unmasked
/// exception: Intel does not touch memory and leaves the exception pending (the instruction completes);
/// AMD (and the model) take the fault (SIGSEGV, or SIGBUS for a non-canonical stack address). That one
/// pair of outcomes is not compared.</item>
/// <item>FSIN, FSINCOS, FPTAN and FPATAN of tiny operands (exponent field 0 or 1: denormals, pseudo-denormals
/// and the smallest normal binade): Intel returns the operand, AMD the neighbour rounding directs, and with
/// an unmasked underflow the wrapped result. The x87 registers and the status word are not compared there.</item>
/// <item>DPPS and DPPD add the products in different orders (the model follows Intel), which picks a
/// different NaN of two: on a host that is not Intel's, a destination lane that is a NaN on both sides
/// is not compared.</item>
/// <item>The 1-ulp tolerance of transcendentals counts consecutive 80-bit values across the boundary
/// between denormals and normals (0000:7FFF... and 0001:8000... are neighbours).</item>
/// </list></item>
/// </list>
/// CPUID and RDTSC are not run at all (see <see cref="ClaimedCodes.Excluded"/>).
/// </summary>
public static class ModelDifferences
{
    /// <summary>Offsets in an FXSAVE image of FOP (6..7), FIP (8..15), FDP (16..23) and MXCSR_MASK (28..31).</summary>
    public static readonly (int Start, int Length)[] FxsaveUnspecified = [(6, 18), (28, 4)];

    /// <summary>FNSTENV/FNSAVE environment: FIP, FCS/FOP, FDP, FDS fields (32-bit format offsets 12..27; 16-bit 6..13).</summary>
    public static (int Start, int Length) EnvPointers(bool env16) => env16 ? (6, 8) : (12, 16);

    /// <summary>The host faulted in bytes 2..3 of a MOVSXD r16, m16 operand that the model reads as 2 bytes (see the list above).</summary>
    public static bool WideMovsxdRead(in Instruction ins, MachineState native, MachineState emu, ulong address) =>
        ins.Code == Code.Movsxd_r16_rm16 && ins.Op1Kind == OpKind.Memory && native.Signal == GuestSignals.SIGSEGV && emu.Signal == 0
        && native.FaultAddress >= address + 2 && native.FaultAddress < address + 4;

    /// <summary>Both reported fault addresses lie in the same access [start, start+size), in bad pages.</summary>
    public static bool SameAccess(ulong a, ulong b, ulong start, int size) =>
        size > 1 && a >= start && b >= start && a < start + (ulong)size && b < start + (ulong)size;

    /// <summary>RFLAGS bits whose value after this instruction is vendor-defined (see the list above).</summary>
    public static ulong VendorFlags(Mnemonic m, ushort nativeFsw, ushort fcw) =>
        (nativeFsw & 1) != 0 && (fcw & 1) == 0 && m is Mnemonic.Fcomi or Mnemonic.Fcomip or Mnemonic.Fucomi or Mnemonic.Fucomip
            ? UndefinedFlags.Arith : 0;

    /// <summary>FSW bits whose value after this instruction is vendor-defined (see the list above).</summary>
    public static ushort VendorFsw(Mnemonic m, ushort nativeFsw, ushort fcw)
    {
        if (m is Mnemonic.Fcomi or Mnemonic.Fcomip or Mnemonic.Fucomi or Mnemonic.Fucomip) return 0x200;
        bool unmaskedInvalid = (nativeFsw & 1) != 0 && (fcw & 1) == 0;
        if (unmaskedInvalid && m is Mnemonic.Fcom or Mnemonic.Fcomp or Mnemonic.Fcompp or Mnemonic.Fucom or Mnemonic.Fucomp
                or Mnemonic.Fucompp or Mnemonic.Ficom or Mnemonic.Ficomp or Mnemonic.Ftst)
            return 0x100 | 0x400 | 0x4000;
        return 0;
    }

    /// <summary>F2XM1/FYL2XP1 with ST(0) outside the range where the SDM defines the result (finite operands only).</summary>
    public static bool UndefinedX87Result(Mnemonic m, ReadOnlySpan<byte> st0)
    {
        ushort se = BitConverter.ToUInt16(st0[8..]);
        ulong mant = BitConverter.ToUInt64(st0);
        int e = se & 0x7FFF;
        if (e == 0x7FFF || (mant >> 63) == 0) return false; // NaN, infinity, denormal, unnormal: defined (invalid or tiny)
        return m switch
        {
            // |x| > 1, compared exactly (a double would round 1 + 2^-63 to 1).
            Mnemonic.F2xm1 => e > 0x3FFF || (e == 0x3FFF && mant != 1UL << 63),
            Mnemonic.Fyl2xp1 => Math.ScaleB(mant / 9223372036854775808.0, e - 0x3FFF) >= 1 - Math.Sqrt(2) / 2,
            _ => false,
        };
    }

    /// <summary>A faulting CALL to a non-canonical target: Intel has written the return address at RSP-8 (see above).</summary>
    public static bool NonCanonicalCall(in Instruction ins, MachineState native, MachineState emu) =>
        ins.Mnemonic == Mnemonic.Call && native.Signal == GuestSignals.SIGSEGV && emu.Signal == GuestSignals.SIGSEGV
        && native.SiCode == GuestSignals.SI_KERNEL && emu.SiCode == GuestSignals.SI_KERNEL;

    /// <summary>A REP CMPS/SCAS that faulted on both: its RFLAGS are vendor-defined (see above).</summary>
    public static bool FaultedRepCompare(in Instruction ins, MachineState native, MachineState emu) =>
        native.Signal != 0 && emu.Signal != 0 && (ins.HasRepPrefix || ins.HasRepnePrefix)
        && ins.Mnemonic is Mnemonic.Cmpsb or Mnemonic.Cmpsw or Mnemonic.Cmpsd or Mnemonic.Cmpsq
            or Mnemonic.Scasb or Mnemonic.Scasw or Mnemonic.Scasd or Mnemonic.Scasq;

    /// <summary>An x87 store that completed on the host with an unmasked exception pending (FSW.ES) and faulted on its address in the model.</summary>
    public static bool PendingX87StoreFault(in Instruction ins, MachineState native, MachineState emu) =>
        native.Signal == 0 && emu.Signal is GuestSignals.SIGSEGV or GuestSignals.SIGBUS && (BitConverter.ToUInt16(native.Fx, 2) & 0x80) != 0
        && ins.Mnemonic is Mnemonic.Fst or Mnemonic.Fstp or Mnemonic.Fist or Mnemonic.Fistp or Mnemonic.Fisttp or Mnemonic.Fbstp;

    /// <summary>FSIN/FSINCOS/FPTAN/FPATAN with a tiny operand in ST(0) (or ST(1) for FPATAN): vendor-defined (see above).</summary>
    public static bool TinyTranscendental(Mnemonic m, ReadOnlySpan<byte> fx)
    {
        static bool Tiny(ReadOnlySpan<byte> st) => (BitConverter.ToUInt16(st[8..]) & 0x7FFF) <= 1;
        return m switch
        {
            Mnemonic.Fsin or Mnemonic.Fsincos or Mnemonic.Fptan => Tiny(fx.Slice(32, 10)),
            Mnemonic.Fpatan => Tiny(fx.Slice(48, 10)) || Tiny(fx.Slice(32, 10)),
            _ => false,
        };
    }

    /// <summary>A DPPS/DPPD destination on a non-Intel host whose lanes agree but for NaN against NaN.</summary>
    public static bool VendorDotProductNaNs(Mnemonic m, ReadOnlySpan<byte> native, ReadOnlySpan<byte> emu)
    {
        if (m is not (Mnemonic.Dpps or Mnemonic.Dppd) || HostCpu.IsIntel) return false;
        int lane = m == Mnemonic.Dpps ? 4 : 8;
        for (int k = 0; k < 16; k += lane)
        {
            var a = native.Slice(k, lane);
            var b = emu.Slice(k, lane);
            if (a.SequenceEqual(b)) continue;
            bool nan = lane == 4
                ? float.IsNaN(BitConverter.ToSingle(a)) && float.IsNaN(BitConverter.ToSingle(b))
                : double.IsNaN(BitConverter.ToDouble(a)) && double.IsNaN(BitConverter.ToDouble(b));
            if (!nan) return false;
        }
        return true;
    }

    public static bool IsApproximation(Mnemonic m) => m is Mnemonic.Rcpps or Mnemonic.Rcpss or Mnemonic.Rsqrtps or Mnemonic.Rsqrtss;

    /// <summary>Two float32 approximations of the same value: both finite and nonzero, same sign, within 2^-10 relative.</summary>
    public static bool CloseApproximation(uint a, uint b)
    {
        if (a == b) return true;
        float fa = BitConverter.UInt32BitsToSingle(a), fb = BitConverter.UInt32BitsToSingle(b);
        if (!float.IsFinite(fa) || !float.IsFinite(fb) || fa == 0 || fb == 0 || (a >> 31) != (b >> 31)) return false;
        return Math.Abs((double)fa - fb) <= Math.Abs((double)fa) * (1.0 / 1024);
    }

    private static readonly HashSet<Mnemonic> s_transcendental =
    [
        Mnemonic.F2xm1, Mnemonic.Fyl2x, Mnemonic.Fyl2xp1, Mnemonic.Fptan, Mnemonic.Fpatan,
        Mnemonic.Fsin, Mnemonic.Fcos, Mnemonic.Fsincos,
    ];

    public static bool IsTranscendental(Mnemonic m) => s_transcendental.Contains(m);

    /// <summary>The memory ranges (data-region offsets) this instruction writes whose contents are implementation-defined.</summary>
    public static IEnumerable<(int Start, int Length)> UnspecifiedMemory(Instruction ins, ulong address)
    {
        long off = (long)(address - Layout.DataBase);
        if (off < 0 || off >= Layout.DataSize) yield break;
        switch (ins.Mnemonic)
        {
            case Mnemonic.Fxsave or Mnemonic.Fxsave64:
                foreach (var (s, l) in FxsaveUnspecified) yield return ((int)off + s, l);
                break;
            case Mnemonic.Fnstenv or Mnemonic.Fstenv or Mnemonic.Fnsave or Mnemonic.Fsave:
            {
                var (s, l) = EnvPointers(ins.MemorySize is MemorySize.FpuEnv14 or MemorySize.FpuState94);
                yield return ((int)off + s, l);
                break;
            }
        }
    }

    /// <summary>Two 80-bit values at most 1 ulp apart, same sign and both finite nonzero of the same exponent range.</summary>
    public static bool WithinOneUlp(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        ushort sa = BitConverter.ToUInt16(a[8..]), sb = BitConverter.ToUInt16(b[8..]);
        if ((sa & 0x8000) != (sb & 0x8000)) return false;
        if ((sa & 0x7FFF) == 0x7FFF || (sb & 0x7FFF) == 0x7FFF) return false;
        UInt128 oa = Ordinal80(sa, BitConverter.ToUInt64(a)), ob = Ordinal80(sb, BitConverter.ToUInt64(b));
        UInt128 d = oa > ob ? oa - ob : ob - oa;
        return d <= 1;
    }

    /// <summary>
    /// The magnitude of a finite 80-bit value as an ordinal in which consecutive values are consecutive,
    /// across binades and across the denormal/normal boundary: a denormal counts by its significand, a
    /// normal by exponent and fraction (the sign is the caller's).
    /// </summary>
    public static UInt128 Ordinal80(ushort se, ulong sig) =>
        (se & 0x7FFF) == 0 ? sig : ((UInt128)(uint)(se & 0x7FFF) << 63) | (sig & ~(1UL << 63));
}
