using FtEmu.Cpu;
using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>
/// The set of Iced Codes the CPUID model claims: FtEmu implements the Code, it is valid in 64-bit
/// mode, and every CPUID feature Iced lists for it is claimed by <see cref="CpuidModel"/>. The claimed
/// features are read from the model's bits through <see cref="s_featureBits"/>, so claiming a new
/// feature there (SSE4.1, ...) adds its instructions here without touching the tester.
/// </summary>
public static class ClaimedCodes
{
    private enum Leaf { L1Ecx, L1Edx, L7Ebx, Ext1Ecx, Ext1Edx }

    /// <summary>CPUID bit → the Iced features it stands for (Intel SDM vol. 2A, CPUID; AMD APM vol. 3, E.4).</summary>
    private static readonly (Leaf Leaf, int Bit, CpuidFeature[] Features)[] s_featureBits =
    [
        (Leaf.L1Edx, 0, [CpuidFeature.FPU, CpuidFeature.FPU287, CpuidFeature.FPU387]),
        (Leaf.L1Edx, 4, [CpuidFeature.TSC]),
        (Leaf.L1Edx, 8, [CpuidFeature.CX8]),
        (Leaf.L1Edx, 15, [CpuidFeature.CMOV]),
        (Leaf.L1Edx, 19, [CpuidFeature.CLFSH]),
        (Leaf.L1Edx, 23, [CpuidFeature.MMX]),
        (Leaf.L1Edx, 24, [CpuidFeature.FXSR]),
        (Leaf.L1Edx, 25, [CpuidFeature.SSE]),
        (Leaf.L1Edx, 26, [CpuidFeature.SSE2]),
        (Leaf.L1Ecx, 0, [CpuidFeature.SSE3]),
        (Leaf.L1Ecx, 1, [CpuidFeature.PCLMULQDQ]),
        (Leaf.L1Ecx, 3, [CpuidFeature.MONITOR]),
        (Leaf.L1Ecx, 9, [CpuidFeature.SSSE3]),
        (Leaf.L1Ecx, 12, [CpuidFeature.FMA]),
        (Leaf.L1Ecx, 13, [CpuidFeature.CMPXCHG16B]),
        (Leaf.L1Ecx, 19, [CpuidFeature.SSE4_1]),
        (Leaf.L1Ecx, 20, [CpuidFeature.SSE4_2]),
        (Leaf.L1Ecx, 22, [CpuidFeature.MOVBE]),
        (Leaf.L1Ecx, 23, [CpuidFeature.POPCNT]),
        (Leaf.L1Ecx, 25, [CpuidFeature.AES]),
        (Leaf.L1Ecx, 26, [CpuidFeature.XSAVE]),
        (Leaf.L1Ecx, 28, [CpuidFeature.AVX]),
        (Leaf.L1Ecx, 29, [CpuidFeature.F16C]),
        (Leaf.L1Ecx, 30, [CpuidFeature.RDRAND]),
        (Leaf.L7Ebx, 0, [CpuidFeature.FSGSBASE]),
        (Leaf.L7Ebx, 3, [CpuidFeature.BMI1]),
        (Leaf.L7Ebx, 5, [CpuidFeature.AVX2]),
        (Leaf.L7Ebx, 8, [CpuidFeature.BMI2]),
        (Leaf.L7Ebx, 18, [CpuidFeature.RDSEED]),
        (Leaf.L7Ebx, 19, [CpuidFeature.ADX]),
        (Leaf.L7Ebx, 29, [CpuidFeature.SHA]),
        (Leaf.Ext1Ecx, 5, [CpuidFeature.LZCNT]),
        (Leaf.Ext1Ecx, 6, [CpuidFeature.SSE4A]),
        (Leaf.Ext1Ecx, 8, [CpuidFeature.PREFETCHW]),
        (Leaf.Ext1Edx, 11, [CpuidFeature.SYSCALL]),
        (Leaf.Ext1Edx, 27, [CpuidFeature.RDTSCP]),
        (Leaf.Ext1Edx, 29, [CpuidFeature.X64]),
    ];

    /// <summary>Features every x86-64 processor has without a CPUID bit of their own.</summary>
    private static readonly CpuidFeature[] s_baseline =
    [
        CpuidFeature.INTEL8086, CpuidFeature.INTEL186, CpuidFeature.INTEL286, CpuidFeature.INTEL386,
        CpuidFeature.INTEL486, CpuidFeature.CPUID, CpuidFeature.MULTIBYTENOP, CpuidFeature.PAUSE,
    ];

    /// <summary>
    /// Claimed Codes this harness cannot run, with the reason. Everything else claimed must be generated.
    /// </summary>
    public static readonly IReadOnlyDictionary<Mnemonic, string> Excluded = new Dictionary<Mnemonic, string>
    {
        [Mnemonic.Syscall] = "enters the guest OS; tested by the guest-program tests",
        [Mnemonic.Cpuid] = "model-defined: returns CpuidModel, not the host's CPUID (docs/cpu-model.md)",
        [Mnemonic.Rdtsc] = "model-defined: an input at the boundary, not a function of the state",
        [Mnemonic.Int] = "software interrupt: the kernel's behaviour, not the CPU's",
        [Mnemonic.Int1] = "debug trap: the kernel's behaviour, not the CPU's",
        [Mnemonic.Int3] = "the harness uses int3 as its end-of-case marker",
        [Mnemonic.Into] = "invalid in 64-bit mode",
    };

    public static uint ModelBits(int leaf) => leaf switch
    {
        (int)Leaf.L1Ecx => CpuidModel.Query(1, 0).Ecx,
        (int)Leaf.L1Edx => CpuidModel.Query(1, 0).Edx,
        (int)Leaf.L7Ebx => CpuidModel.Query(0, 0).Eax >= 7 ? CpuidModel.Query(7, 0).Ebx : 0,
        (int)Leaf.Ext1Ecx => CpuidModel.Query(0x80000001, 0).Ecx,
        _ => CpuidModel.Query(0x80000001, 0).Edx,
    };

    /// <summary>Features the model claims, read from its CPUID leaves.</summary>
    public static HashSet<CpuidFeature> ClaimedFeatures()
    {
        var set = new HashSet<CpuidFeature>(s_baseline);
        foreach (var (leaf, bit, features) in s_featureBits)
            if ((ModelBits((int)leaf) & (1u << bit)) != 0)
                set.UnionWith(features);
        return set;
    }

    /// <summary>Why a Code the model claims is not run here, or null if it must be generated.</summary>
    public static string? ExclusionReason(Code code)
    {
        var op = code.ToOpCode();
        if (Excluded.TryGetValue(code.Mnemonic(), out var why)) return why;
        // The model is GenuineIntel: these encodings (o16 near branches, RET, indirect CALL/JMP) decode as
        // their 64-bit forms on Intel and in FtEmu, but the AMD host truncates RIP to 16 bits.
        if (!op.IntelDecoder64) return "vendor-defined: AMD-only form in 64-bit mode (Intel ignores 66h here)";
        for (int i = 0; i < op.OpCount; i++)
        {
            switch (op.GetOpKind(i))
            {
                case OpCodeOperandKind.farbr2_2 or OpCodeOperandKind.farbr4_2:
                    return "far transfer";
                case OpCodeOperandKind.seg_reg when i == 0:
                    return "segment load";
            }
        }
        switch (code.Mnemonic())
        {
            case Mnemonic.Retf or Mnemonic.Iret or Mnemonic.Iretd or Mnemonic.Iretq:
                return "far transfer";
            case Mnemonic.Lss or Mnemonic.Lfs or Mnemonic.Lgs:
                return "segment load";
            case Mnemonic.Pop when op.Op0Kind is OpCodeOperandKind.fs or OpCodeOperandKind.gs:
                return "segment load";
            case Mnemonic.Jmp or Mnemonic.Call when op.Op0Kind == OpCodeOperandKind.mem && code.ToString().Contains("m16", StringComparison.Ordinal):
                return "far transfer";
        }
        return null;
    }

    /// <summary>Is <paramref name="code"/> claimed: implemented, valid in 64-bit mode, all its features claimed?</summary>
    public static bool IsClaimed(Code code, HashSet<CpuidFeature> features)
    {
        if (code == Code.INVALID || !OpcodeTable.IsImplemented(code)) return false;
        var op = code.ToOpCode();
        if (!op.IsInstruction || !op.Mode64) return false;
        foreach (var f in code.CpuidFeatures())
            if (!features.Contains(f)) return false;
        return true;
    }

    /// <summary>Every claimed Code, in Code order.</summary>
    public static IReadOnlyList<Code> All()
    {
        var features = ClaimedFeatures();
        var list = new List<Code>();
        foreach (Code c in Enum.GetValues<Code>())
            if (IsClaimed(c, features)) list.Add(c);
        return list;
    }
}
