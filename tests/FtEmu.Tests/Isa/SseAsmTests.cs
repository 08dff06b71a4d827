using Xunit;

namespace FtEmu.Tests.Isa;

/// <summary>
/// SSE/SSE2 without libc: the generated isa_sse_asm_* guests run every instruction form over edge
/// and random operands under each MXCSR mode, the isa_sse_gp_* guests check the #GP cases and the
/// isa_sse_fpe_* guests unmasked SIMD exceptions (SIGFPE); the isa_sse3*/isa_ssse3*/isa_sse4* ones do
/// the same for the later extensions.
/// </summary>
public class SseAsmTests
{
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[]
                 {
                     "isa_sse_asm_f32", "isa_sse_asm_f64", "isa_sse_asm_int", "isa_sse_asm_cvt", "isa_sse_asm_rnd",
                     "isa_sse_gp_movaps", "isa_sse_gp_movdqa_store", "isa_sse_gp_movntdq", "isa_sse_gp_addpd",
                     "isa_sse_gp_pshufd", "isa_sse_gp_cvtps2dq", "isa_sse_gp_ldmxcsr", "isa_sse_gp_fxsave",
                     "isa_sse_gp_paddb", "isa_sse_gp_cmpps", "isa_sse_gp_unaligned_ok",
                     "isa_sse_fpe_zero", "isa_sse_fpe_inexact", "isa_sse_fpe_invalid", "isa_sse_fpe_masked",
                     // SSE3 and later: alignment of m128 operands (LDDQU, PCMPxSTRx and narrow forms exempt), unmasked exceptions.
                     "isa_sse3_gp_addsubps", "isa_ssse3_gp_pshufb", "isa_sse41_gp_ptest", "isa_sse41_gp_roundps",
                     "isa_sse41_gp_movntdqa", "isa_sse41_gp_blendvps", "isa_sse41_gp_pmovsx_ok", "isa_sse42_gp_unaligned_ok",
                     "isa_sse41_fpe_round", "isa_sse41_fpe_round_suppressed", "isa_sse41_fpe_round_snan", "isa_sse41_fpe_dpps",
                     "isa_sse41_fpe_dppd_inexact", "isa_sse3_fpe_haddps", "isa_sse3_fpe_addsubpd_masked",
                 })
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void RunsLikeNative(string name)
    {
        string program = GuestImages.Get(name, "asm");
        GuestRunner.AssertSameAsNative(program, Array.Empty<string>());
    }
}
