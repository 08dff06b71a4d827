/* SSE4.1 floating point: ROUNDPS/PD/SS/SD for every imm8 0..15 under every MXCSR mode over float
   edge values, DPPS/DPPD for every imm8 (including NaN, infinity, denormal and overflowing
   lanes), BLENDPS/PD by imm8 and BLENDVPS/PD/PBLENDVB by XMM0, each with MXCSR after the op.
   Run with "all" to print every DPPS line instead of one hash per imm8 group. */
#pragma GCC target("sse4.1")
#include "isa_simd.h"

#define DEF_IMM_OP(fn, insn)                                                                             \
    static __m128i fn(__m128i x, __m128i y, int imm, unsigned mx, unsigned *o) {                         \
        switch (imm) {                                                                                   \
        R256(fn##_CASE)                                                                                  \
        }                                                                                                \
        return x;                                                                                        \
    }
#define ASM_CASE(insn, i, imm8)                                                                              \
    case (i):                                                                                            \
        __asm__ volatile("ldmxcsr %[m]\n\t" insn " %[k], %[y], %[x]\n\tstmxcsr %[o]\n\tldmxcsr %[d]"    \
                         : [x] "+x"(x), [o] "=m"(*o)                                                     \
                         : [y] "x"(y), [m] "m"(mx), [d] "m"(defmx), [k] "i"(imm8));                         \
        return x;
#define roundps_CASE(i) ASM_CASE("roundps", i, i)
#define roundpd_CASE(i) ASM_CASE("roundpd", i, i)
#define roundss_CASE(i) ASM_CASE("roundss", i, i)
#define roundsd_CASE(i) ASM_CASE("roundsd", i, i)
#define dpps_CASE(i) ASM_CASE("dpps", i, i)
#define dppd_CASE(i) ASM_CASE("dppd", i, i)
#define blendps_CASE(i) ASM_CASE("blendps", i, (i) & 15)
#define blendpd_CASE(i) ASM_CASE("blendpd", i, (i) & 3)
DEF_IMM_OP(roundps, "roundps") DEF_IMM_OP(roundpd, "roundpd") DEF_IMM_OP(roundss, "roundss")
DEF_IMM_OP(roundsd, "roundsd") DEF_IMM_OP(dpps, "dpps") DEF_IMM_OP(dppd, "dppd")
DEF_IMM_OP(blendps, "blendps") DEF_IMM_OP(blendpd, "blendpd")

static void out(__m128i v, const unsigned *o) {
    printf(" %016llx%016llx %04x", (unsigned long long)hi64(v), (unsigned long long)lo64(v), *o);
}

int main(int argc, char **argv) {
    int all = argc > 1 && strcmp(argv[argc - 1], "all") == 0;
    /* ROUND: packed lanes take four different edge values, scalar ones keep the upper lanes. */
    for (unsigned m = 0; m < NMODES; m++)
        for (int imm = 0; imm < 16; imm++) {
            printf("== round mx %04x imm %x\n", modes[m], imm);
            for (unsigned i = 0; i < NF32; i += 4) {
                unsigned o;
                __m128i y = vec_f32(f32v[i], f32v[i + 1], f32v[i + 2], f32v[i + 3]);
                __m128i x = vec(0x1111222233334444ull, 0x5555666677778888ull);
                printf("ps %02u", i); out(roundps(x, y, imm, modes[m], &o), &o);
                out(roundss(x, y, imm, modes[m], &o), &o);
                printf("\n");
            }
            for (unsigned i = 0; i + 1 < NF64; i += 2) {
                unsigned o;
                __m128i y = vec(f64v[i], f64v[i + 1]);
                __m128i x = vec(0x1111222233334444ull, 0x5555666677778888ull);
                printf("pd %02u", i); out(roundpd(x, y, imm, modes[m], &o), &o);
                out(roundsd(x, y, imm, modes[m], &o), &o);
                printf("\n");
            }
        }
    /* imm8[7:4] is ignored by ROUND. */
    g_hash = 1469598103934665603ull;
    for (int imm = 16; imm < 256; imm++)
        for (unsigned i = 0; i < NF32; i += 4) {
            unsigned o;
            __m128i y = vec_f32(f32v[i], f32v[i + 1], f32v[i + 2], f32v[i + 3]), x = vec(0, 0);
            __m128i r = roundps(x, y, imm, modes[imm % NMODES], &o);
            hash64(lo64(r)); hash64(hi64(r)); hash64(o);
            r = roundsd(x, vec(f64v[i % NF64], f64v[(i + 1) % NF64]), imm, modes[imm % NMODES], &o);
            hash64(lo64(r)); hash64(hi64(r)); hash64(o);
        }
    printf("round high imm %016llx\n", (unsigned long long)g_hash);
    /* Dot products: operand sets chosen to hit exact, inexact, overflow, underflow, NaN and inf paths. */
    static const uint32_t dps[][8] = {
        {0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x3f000000, 0x3e800000, 0xbf800000, 0x41200000},
        {0x3eaaaaab, 0x3f2aaaab, 0x3dcccccd, 0x4b800001, 0x40490fdb, 0xc0490fdb, 0x3f3504f3, 0x3f3504f3},
        {0x7f7fffff, 0x7f7fffff, 0x3f800000, 0x3f800000, 0x40000000, 0x40000000, 0xbf800000, 0x3f800000},
        {0x00800000, 0x00000001, 0x80400000, 0x3f000000, 0x3f000000, 0x3f800000, 0x00800000, 0x00c00000},
        {0x7fc00001, 0x3f800000, 0xffc00002, 0x7f800001, 0x3f800000, 0x7fc00003, 0x3f800000, 0x40000000},
        {0x7f800000, 0xff800000, 0x3f800000, 0x00000000, 0x3f800000, 0x3f800000, 0x3f800000, 0x7f800000},
        {0x80000000, 0x00000000, 0x80000000, 0x80000000, 0x3f800000, 0x3f800000, 0x3f800000, 0xbf800000},
        {0x4b000000, 0x3f800000, 0xcb000000, 0x3f000000, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000},
    };
    static const uint64_t dpd[][4] = {
        {0x3ff0000000000000ull, 0x4000000000000000ull, 0x4008000000000000ull, 0x3fe0000000000000ull},
        {0x3fd5555555555555ull, 0x3fb999999999999aull, 0x400921fb54442d18ull, 0xc00921fb54442d18ull},
        {0x7fefffffffffffffull, 0x7fefffffffffffffull, 0x4000000000000000ull, 0x4000000000000000ull},
        {0x0010000000000000ull, 0x0000000000000001ull, 0x3fe0000000000000ull, 0x3ff0000000000000ull},
        {0x7ff8000000000001ull, 0xfff8000000000002ull, 0x3ff0000000000000ull, 0x7ff0000000000001ull},
        {0x7ff0000000000000ull, 0xfff0000000000000ull, 0x3ff0000000000000ull, 0x3ff0000000000000ull},
        {0x8000000000000000ull, 0x0000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull},
        {0x4340000000000000ull, 0xc340000000000000ull, 0x3ff0000000000000ull, 0x3ff0000000000000ull},
    };
    for (unsigned s = 0; s < sizeof dps / sizeof dps[0]; s++)
        for (unsigned m = 0; m < NMODES; m++) {
            __m128i x = vec_f32(dps[s][0], dps[s][1], dps[s][2], dps[s][3]);
            __m128i y = vec_f32(dps[s][4], dps[s][5], dps[s][6], dps[s][7]);
            __m128i xd = vec(dpd[s][0], dpd[s][1]), yd = vec(dpd[s][2], dpd[s][3]);
            g_hash = 1469598103934665603ull;
            for (int imm = 0; imm < 256; imm++) {
                unsigned o, od;
                __m128i r = dpps(x, y, imm, modes[m], &o);
                __m128i rd = dppd(xd, yd, imm, modes[m], &od);
                if (all) { printf("dp %u %u %02x", s, m, imm); out(r, &o); out(rd, &od); printf("\n"); }
                hash64(lo64(r)); hash64(hi64(r)); hash64(o);
                hash64(lo64(rd)); hash64(hi64(rd)); hash64(od);
                if ((imm & 15) == 15) { printf("dp %u %u %02x %016llx\n", s, m, imm, (unsigned long long)g_hash); g_hash = 1469598103934665603ull; }
            }
        }
    init_vecs();
    for (int imm = 0; imm < 16; imm++) {
        unsigned o;
        printf("blend %x", imm);
        out(blendps(g_vec[2], g_vec[9], imm, defmx, &o), &o);
        out(blendpd(g_vec[2], g_vec[9], imm, defmx, &o), &o);
        printf("\n");
    }
    for (int i = 0; i < NVEC; i++) {
        __m128i a = g_vec[i], b = g_vec[(i + 5) % NVEC], mask = g_vec[(i * 7 + 2) % NVEC];
        show("blendvps", _mm_castps_si128(_mm_blendv_ps(_mm_castsi128_ps(a), _mm_castsi128_ps(b), _mm_castsi128_ps(mask))));
        show("blendvpd", _mm_castpd_si128(_mm_blendv_pd(_mm_castsi128_pd(a), _mm_castsi128_pd(b), _mm_castsi128_pd(mask))));
        show("pblendvb", _mm_blendv_epi8(a, b, mask));
    }
    /* Memory forms: aligned m128 and the scalar m32/m64. */
    static uint32_t mem[8] __attribute__((aligned(16))) = { 0x3fc00000, 0xc0200000, 0x3f000001, 0x4b7fffff,
                                                             0xbf400000, 0x40400000, 0x00000001, 0x7f800001 };
    __m128i r = g_vec[6];
    __asm__ volatile("roundps $1, %1, %0" : "=x"(r) : "m"(*(__m128i *)mem)); show("roundps.m", r);
    __asm__ volatile("roundss $2, %1, %0" : "+x"(r) : "m"(mem[5])); show("roundss.m", r);
    __asm__ volatile("roundsd $3, %1, %0" : "+x"(r) : "m"(*(uint64_t *)&mem[2])); show("roundsd.m", r);
    __asm__ volatile("roundpd $0, %1, %0" : "=x"(r) : "m"(*(__m128i *)&mem[4])); show("roundpd.m", r);
    r = _mm_castps_si128(_mm_set_ps(1.5f, -2.0f, 3.25f, 0.5f));
    __asm__ volatile("dpps $0xf1, %1, %0" : "+x"(r) : "m"(*(__m128i *)mem)); show("dpps.m", r);
    __asm__ volatile("blendps $5, %1, %0" : "+x"(r) : "m"(*(__m128i *)&mem[4])); show("blendps.m", r);
    __asm__ volatile("movdqa %2, %%xmm0\n\tpblendvb %1, %0" : "+x"(r) : "m"(*(__m128i *)mem), "m"(*(__m128i *)&mem[4]) : "xmm0");
    show("pblendvb.m", r);
    return 0;
}
