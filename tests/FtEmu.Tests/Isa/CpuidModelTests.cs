using FtEmu.Cpu;
using Iced.Intel;

namespace FtEmu.Tests.Isa;

/// <summary>
/// CPUID claims a feature exactly when the instruction table implements it: every legacy-encoded,
/// non-MMX form of each claimed feature's instructions has a handler, and unclaimed AVX stays SIGILL.
/// </summary>
public class CpuidModelTests
{
    private static readonly (string Feature, uint Leaf, char Register, int Bit, Mnemonic[] Instructions)[] s_features =
    {
        ("SSE3", 1, 'c', 0, new[] { Mnemonic.Addsubps, Mnemonic.Addsubpd, Mnemonic.Haddps, Mnemonic.Haddpd, Mnemonic.Hsubps,
            Mnemonic.Hsubpd, Mnemonic.Movshdup, Mnemonic.Movsldup, Mnemonic.Movddup, Mnemonic.Lddqu, Mnemonic.Fisttp }),
        ("SSSE3", 1, 'c', 9, new[] { Mnemonic.Pshufb, Mnemonic.Phaddw, Mnemonic.Phaddd, Mnemonic.Phaddsw, Mnemonic.Phsubw,
            Mnemonic.Phsubd, Mnemonic.Phsubsw, Mnemonic.Pmaddubsw, Mnemonic.Pmulhrsw, Mnemonic.Psignb, Mnemonic.Psignw,
            Mnemonic.Psignd, Mnemonic.Pabsb, Mnemonic.Pabsw, Mnemonic.Pabsd, Mnemonic.Palignr }),
        ("SSE4.1", 1, 'c', 19, new[] { Mnemonic.Pblendw, Mnemonic.Blendps, Mnemonic.Blendpd, Mnemonic.Blendvps, Mnemonic.Blendvpd,
            Mnemonic.Pblendvb, Mnemonic.Pminsb, Mnemonic.Pminsd, Mnemonic.Pmaxsb, Mnemonic.Pmaxsd, Mnemonic.Pminuw,
            Mnemonic.Pminud, Mnemonic.Pmaxuw, Mnemonic.Pmaxud, Mnemonic.Pmulld, Mnemonic.Pmuldq, Mnemonic.Pcmpeqq,
            Mnemonic.Packusdw, Mnemonic.Pmovsxbw, Mnemonic.Pmovsxbd, Mnemonic.Pmovsxbq, Mnemonic.Pmovsxwd, Mnemonic.Pmovsxwq,
            Mnemonic.Pmovsxdq, Mnemonic.Pmovzxbw, Mnemonic.Pmovzxbd, Mnemonic.Pmovzxbq, Mnemonic.Pmovzxwd, Mnemonic.Pmovzxwq,
            Mnemonic.Pmovzxdq, Mnemonic.Ptest, Mnemonic.Roundss, Mnemonic.Roundsd, Mnemonic.Roundps, Mnemonic.Roundpd,
            Mnemonic.Dpps, Mnemonic.Dppd, Mnemonic.Insertps, Mnemonic.Extractps, Mnemonic.Pinsrb, Mnemonic.Pinsrd,
            Mnemonic.Pinsrq, Mnemonic.Pextrb, Mnemonic.Pextrw, Mnemonic.Pextrd, Mnemonic.Pextrq, Mnemonic.Mpsadbw,
            Mnemonic.Phminposuw, Mnemonic.Movntdqa }),
        ("SSE4.2", 1, 'c', 20, new[] { Mnemonic.Pcmpestri, Mnemonic.Pcmpestri64, Mnemonic.Pcmpestrm, Mnemonic.Pcmpestrm64,
            Mnemonic.Pcmpistri, Mnemonic.Pcmpistrm, Mnemonic.Pcmpgtq, Mnemonic.Crc32 }),
        ("MOVBE", 1, 'c', 22, new[] { Mnemonic.Movbe }),
        ("POPCNT", 1, 'c', 23, new[] { Mnemonic.Popcnt }),
        ("BMI1", 7, 'b', 3, new[] { Mnemonic.Andn, Mnemonic.Bextr, Mnemonic.Blsi, Mnemonic.Blsmsk, Mnemonic.Blsr, Mnemonic.Tzcnt }),
        ("BMI2", 7, 'b', 8, new[] { Mnemonic.Bzhi, Mnemonic.Mulx, Mnemonic.Pdep, Mnemonic.Pext, Mnemonic.Rorx, Mnemonic.Sarx,
            Mnemonic.Shlx, Mnemonic.Shrx }),
        ("ADX", 7, 'b', 19, new[] { Mnemonic.Adcx, Mnemonic.Adox }),
        ("ABM", 0x80000001, 'c', 5, new[] { Mnemonic.Lzcnt }),
    };

    private static uint Register(uint leaf, char register)
    {
        var (a, b, c, d) = CpuidModel.Query(leaf, 0);
        return register switch { 'a' => a, 'b' => b, 'c' => c, _ => d };
    }

    /// <summary>Forms the model has: not VEX/EVEX/XOP vector encodings (BMI's VEX forms are scalar), not MMX registers.</summary>
    private static bool InModel(Code code)
    {
        string name = code.ToString();
        if (name.Contains("_mm", StringComparison.Ordinal) || name.StartsWith("EVEX_", StringComparison.Ordinal) ||
            name.StartsWith("XOP_", StringComparison.Ordinal) || name.StartsWith("MVEX_", StringComparison.Ordinal))
            return false;
        return !name.StartsWith("VEX_", StringComparison.Ordinal) || !name.Contains("mm", StringComparison.Ordinal);
    }

    public static TheoryData<string> Features()
    {
        var data = new TheoryData<string>();
        foreach (var f in s_features) data.Add(f.Feature);
        return data;
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void ClaimedFeatureIsImplemented(string feature)
    {
        var f = s_features.Single(x => x.Feature == feature);
        Assert.True((Register(f.Leaf, f.Register) >> f.Bit & 1) != 0, $"{feature} is not claimed");
        var forms = Enum.GetValues<Code>().Where(c => f.Instructions.Contains(c.Mnemonic()) && InModel(c)).ToList();
        Assert.NotEmpty(forms);
        Assert.All(forms, c => Assert.True(OpcodeTable.IsImplemented(c), $"{c} has no handler"));
    }

    [Fact]
    public void AvxIsNeitherClaimedNorImplemented()
    {
        Assert.Equal(0u, Register(1, 'c') & ((1u << 28) | (1u << 27) | (1u << 12) | (1u << 1))); // AVX, OSXSAVE, FMA, PCLMULQDQ
        Assert.Equal(0u, Register(7, 'b') & (1u << 5)); // AVX2
        Assert.False(OpcodeTable.IsImplemented(Code.VEX_Vpshufb_xmm_xmm_xmmm128));
        Assert.False(OpcodeTable.IsImplemented(Code.VEX_Vaddps_xmm_xmm_xmmm128));
        Assert.False(OpcodeTable.IsImplemented(Code.Pshufb_mm_mmm64));
    }
}
