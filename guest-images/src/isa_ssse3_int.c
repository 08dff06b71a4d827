/* SSSE3 on XMM registers: every instruction over integer edge and fixed-seed random vectors,
   PALIGNR for every shift 0..32 (and 255), and memory source forms. */
#pragma GCC target("ssse3")
#include "isa_simd.h"

static __m128i palignr(__m128i a, __m128i b, int imm) {
#define PA(i) case (i): return _mm_alignr_epi8(a, b, (i));
    switch (imm) {
        R16(PA, 0) R16(PA, 16) PA(32) PA(33) PA(200) PA(255)
    }
#undef PA
    return a;
}

int main(void) {
    init_vecs();
    for (int i = 0; i < NVEC; i++) {
        int j = (i * 7 + 3) % NVEC;
        __m128i a = g_vec[i], b = g_vec[j];
        printf("-- %d %d\n", i, j);
        show("pshufb", _mm_shuffle_epi8(a, b));
        show("phaddw", _mm_hadd_epi16(a, b)); show("phaddd", _mm_hadd_epi32(a, b));
        show("phaddsw", _mm_hadds_epi16(a, b)); show("phsubw", _mm_hsub_epi16(a, b));
        show("phsubd", _mm_hsub_epi32(a, b)); show("phsubsw", _mm_hsubs_epi16(a, b));
        show("pmaddubsw", _mm_maddubs_epi16(a, b)); show("pmulhrsw", _mm_mulhrs_epi16(a, b));
        show("psignb", _mm_sign_epi8(a, b)); show("psignw", _mm_sign_epi16(a, b));
        show("psignd", _mm_sign_epi32(a, b)); show("pabsb", _mm_abs_epi8(a));
        show("pabsw", _mm_abs_epi16(a)); show("pabsd", _mm_abs_epi32(a));
        show("pshufb.ba", _mm_shuffle_epi8(b, a));
        show("pmaddubsw.ba", _mm_maddubs_epi16(b, a));
    }
    static const int shifts[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                                  21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 200, 255 };
    for (unsigned s = 0; s < sizeof shifts / sizeof shifts[0]; s++) {
        char name[16];
        snprintf(name, sizeof name, "palignr%d", shifts[s]);
        show(name, palignr(g_vec[8], g_vec[3], shifts[s]));
    }
    /* Memory sources (aligned m128). */
    static __m128i mem[2] __attribute__((aligned(16)));
    mem[0] = g_vec[5];
    mem[1] = g_vec[12];
    __m128i r = g_vec[9];
    __asm__ volatile("pshufb %1, %0" : "+x"(r) : "m"(mem[0])); show("pshufb.m", r);
    __asm__ volatile("phaddsw %1, %0" : "+x"(r) : "m"(mem[1])); show("phaddsw.m", r);
    __asm__ volatile("pabsd %1, %0" : "=x"(r) : "m"(mem[1])); show("pabsd.m", r);
    __asm__ volatile("palignr $7, %1, %0" : "+x"(r) : "m"(mem[0])); show("palignr.m", r);
    __asm__ volatile("pmulhrsw %1, %0" : "+x"(r) : "m"(mem[1])); show("pmulhrsw.m", r);
    /* A random sweep folded into one hash per instruction. */
    for (int k = 0; k < 15; k++) {
        g_hash = 1469598103934665603ull;
        for (int n = 0; n < 400; n++) {
            uint64_t p = rnd(), q = rnd(), u = rnd(), v = rnd();
            if (n & 1) { p &= 0x8080808080808080ull; u |= 0x7f7f7f7f7f7f7f7full; }
            __m128i a = vec(p, q), b = vec(u, v), x;
            switch (k) {
            case 0: x = _mm_shuffle_epi8(a, b); break;
            case 1: x = _mm_hadd_epi16(a, b); break;
            case 2: x = _mm_hadds_epi16(a, b); break;
            case 3: x = _mm_hsub_epi32(a, b); break;
            case 4: x = _mm_hsubs_epi16(a, b); break;
            case 5: x = _mm_maddubs_epi16(a, b); break;
            case 6: x = _mm_mulhrs_epi16(a, b); break;
            case 7: x = _mm_sign_epi8(a, b); break;
            case 8: x = _mm_sign_epi16(a, b); break;
            case 9: x = _mm_sign_epi32(a, b); break;
            case 10: x = _mm_abs_epi8(a); break;
            case 11: x = _mm_abs_epi16(b); break;
            case 12: x = _mm_abs_epi32(a); break;
            case 13: x = _mm_alignr_epi8(a, b, 9); break;
            default: x = _mm_hsub_epi16(a, b); break;
            }
            hash64(lo64(x));
            hash64(hi64(x));
        }
        printf("sweep %d %016llx\n", k, (unsigned long long)g_hash);
    }
    return 0;
}
