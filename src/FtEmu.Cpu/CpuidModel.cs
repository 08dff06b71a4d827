namespace FtEmu.Cpu;

/// <summary>
/// The fixed processor FtEmu presents through CPUID. It claims exactly the features the
/// instruction table implements and the tests cover: the x86-64 baseline (FPU, TSC, CX8, CMOV,
/// FXSR, SSE, SSE2, CX16, LAHF/SAHF, SYSCALL, NX, LM), x86-64-v2 (SSE3, SSSE3, SSE4.1, SSE4.2,
/// POPCNT) and the scalar bit-manipulation sets (ABM/LZCNT, BMI1, BMI2, ADX, MOVBE). No AVX. Nothing depends on the host CPU, so a guest
/// sees the same model everywhere, and recordings name the model they were made under.
/// </summary>
public static class CpuidModel
{
    /// <summary>Name of this model, stored in recordings.</summary>
    public const string Name = "ftemu-x86-64-v2";

    public const uint MaxBasicLeaf = 0x0D;
    public const uint MaxExtendedLeaf = 0x80000008;

    // Leaf 1 EDX: FPU(0) TSC(4) CX8(8) CMOV(15) FXSR(24) SSE(25) SSE2(26).
    public const uint Leaf1Edx = (1u << 0) | (1u << 4) | (1u << 8) | (1u << 15) | (1u << 24) | (1u << 25) | (1u << 26);
    // Leaf 1 ECX: SSE3(0) SSSE3(9) CX16(13) SSE4.1(19) SSE4.2(20) MOVBE(22) POPCNT(23).
    public const uint Leaf1Ecx = (1u << 0) | (1u << 9) | (1u << 13) | (1u << 19) | (1u << 20) | (1u << 22) | (1u << 23);
    // Leaf 7 subleaf 0 EBX: BMI1(3) BMI2(8) ADX(19).
    public const uint Leaf7Ebx = (1u << 3) | (1u << 8) | (1u << 19);
    // Leaf 0x80000001 ECX: LAHF/SAHF(0) ABM/LZCNT(5). EDX: SYSCALL(11) NX(20) LM(29).
    public const uint ExtLeaf1Ecx = (1u << 0) | (1u << 5);
    public const uint ExtLeaf1Edx = (1u << 11) | (1u << 20) | (1u << 29);

    private const string Vendor = "GenuineIntel";
    private const string Brand = "FtEmu deterministic x86-64 CPU";

    public static (uint Eax, uint Ebx, uint Ecx, uint Edx) Query(uint leaf, uint subleaf)
    {
        switch (leaf)
        {
            case 0:
                return (MaxBasicLeaf, Chars(Vendor, 0), Chars(Vendor, 8), Chars(Vendor, 4));
            case 1:
                // Family 6, model 0x3A, stepping 9; CLFLUSH line 8 qwords; one logical processor.
                return (0x000306A9, (8u << 8) | (1u << 16), Leaf1Ecx, Leaf1Edx);
            case 2:
                // 0xFF in AL's descriptor bytes: "use leaf 4 for cache parameters".
                return (0x00FF0001, 0, 0, 0);
            case 4:
                return subleaf switch
                {
                    // type|level|self-init, ways-1<<22, partitions-1<<12, line-1, sets-1
                    0 => (0x121, (7u << 22) | 63, 63, 0),      // L1d 32 KiB, 8-way
                    1 => (0x122, (7u << 22) | 63, 63, 0),      // L1i 32 KiB, 8-way
                    2 => (0x143, (3u << 22) | 63, 1023, 0),    // L2 256 KiB, 4-way
                    3 => (0x163, (15u << 22) | 63, 8191, 6),   // L3 8 MiB, 16-way, inclusive
                    _ => (0, 0, 0, 0),
                };
            case 7:
                // Subleaf 0 only (EAX: no further subleaves).
                return subleaf == 0 ? (0u, Leaf7Ebx, 0u, 0u) : (0u, 0u, 0u, 0u);
            case 0x80000000:
                return (MaxExtendedLeaf, 0, 0, 0);
            case 0x80000001:
                return (0, 0, ExtLeaf1Ecx, ExtLeaf1Edx);
            case 0x80000002:
            case 0x80000003:
            case 0x80000004:
            {
                int o = (int)(leaf - 0x80000002) * 16;
                return (Chars(Brand, o), Chars(Brand, o + 4), Chars(Brand, o + 8), Chars(Brand, o + 12));
            }
            case 0x80000006:
                return (0, 0, (256u << 16) | (6u << 12) | 64, 0);
            case 0x80000008:
                return (0x3030, 0, 0, 0); // 48-bit physical, 48-bit virtual addresses
            default:
                return (0, 0, 0, 0);
        }
    }

    private static uint Chars(string s, int offset)
    {
        uint v = 0;
        for (int i = 0; i < 4; i++)
        {
            int k = offset + i;
            uint c = k < s.Length ? s[k] : 0u;
            v |= c << (8 * i);
        }
        return v;
    }
}
