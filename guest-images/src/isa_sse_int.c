/* SSE2 integer, shuffle, unpack, move and mask operations through <emmintrin.h> on edge and
   fixed-seed random data; volatile loads keep the compiler from folding anything. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <emmintrin.h>

static uint64_t seed = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static volatile uint64_t vin[64][2];

static void show(const char *name, __m128i v) {
    uint64_t q[2];
    memcpy(q, &v, 16);
    printf("%-10s %016llx%016llx\n", name, (unsigned long long)q[1], (unsigned long long)q[0]);
}

static __m128i load(int i) {
    uint64_t q[2] = { vin[i][0], vin[i][1] };
    __m128i v;
    memcpy(&v, q, 16);
    return v;
}

int main(void) {
    static const uint64_t edge[][2] = {
        {0, 0}, {~0ull, ~0ull}, {0x7fff80007fffffffull, 0x8000000080007f80ull},
        {0x8000800080008000ull, 0x7fff7fff7fff7fffull}, {0x00ff0180ff7f0001ull, 0x8000ffff7ffe0102ull},
    };
    int n = 0;
    for (unsigned i = 0; i < sizeof edge / sizeof edge[0]; i++, n++) { vin[n][0] = edge[i][0]; vin[n][1] = edge[i][1]; }
    for (; n < 24; n++) { vin[n][0] = next(); vin[n][1] = next(); }
    for (int i = 0; i < 24; i++) {
        int j = (i * 7 + 3) % 24;
        __m128i a = load(i), b = load(j);
        printf("-- %d %d\n", i, j);
        show("paddb", _mm_add_epi8(a, b)); show("paddw", _mm_add_epi16(a, b));
        show("paddd", _mm_add_epi32(a, b)); show("paddq", _mm_add_epi64(a, b));
        show("psubb", _mm_sub_epi8(a, b)); show("psubq", _mm_sub_epi64(a, b));
        show("paddsb", _mm_adds_epi8(a, b)); show("paddsw", _mm_adds_epi16(a, b));
        show("paddusb", _mm_adds_epu8(a, b)); show("paddusw", _mm_adds_epu16(a, b));
        show("psubsb", _mm_subs_epi8(a, b)); show("psubsw", _mm_subs_epi16(a, b));
        show("psubusb", _mm_subs_epu8(a, b)); show("psubusw", _mm_subs_epu16(a, b));
        show("pmullw", _mm_mullo_epi16(a, b)); show("pmulhw", _mm_mulhi_epi16(a, b));
        show("pmulhuw", _mm_mulhi_epu16(a, b)); show("pmuludq", _mm_mul_epu32(a, b));
        show("pmaddwd", _mm_madd_epi16(a, b)); show("pavgb", _mm_avg_epu8(a, b));
        show("pavgw", _mm_avg_epu16(a, b)); show("pminub", _mm_min_epu8(a, b));
        show("pmaxub", _mm_max_epu8(a, b)); show("pminsw", _mm_min_epi16(a, b));
        show("pmaxsw", _mm_max_epi16(a, b)); show("psadbw", _mm_sad_epu8(a, b));
        show("pcmpeqb", _mm_cmpeq_epi8(a, b)); show("pcmpgtw", _mm_cmpgt_epi16(a, b));
        show("pcmpgtd", _mm_cmpgt_epi32(a, b)); show("pandn", _mm_andnot_si128(a, b));
        show("packsswb", _mm_packs_epi16(a, b)); show("packssdw", _mm_packs_epi32(a, b));
        show("packuswb", _mm_packus_epi16(a, b)); show("punpcklbw", _mm_unpacklo_epi8(a, b));
        show("punpckhwd", _mm_unpackhi_epi16(a, b)); show("punpckldq", _mm_unpacklo_epi32(a, b));
        show("punpckhqdq", _mm_unpackhi_epi64(a, b));
        __m128i cnt = _mm_cvtsi32_si128((int)(vin[j][0] & 0x4f));
        show("psllw", _mm_sll_epi16(a, cnt)); show("psrld", _mm_srl_epi32(a, cnt));
        show("psraw", _mm_sra_epi16(a, cnt)); show("psrad", _mm_sra_epi32(a, cnt));
        show("psllq", _mm_sll_epi64(a, cnt));
        show("pslldq5", _mm_slli_si128(a, 5)); show("psrldq11", _mm_srli_si128(a, 11));
        show("pshufd", _mm_shuffle_epi32(a, 0x9c)); show("pshuflw", _mm_shufflelo_epi16(a, 0x1b));
        show("pshufhw", _mm_shufflehi_epi16(a, 0xe1));
        show("pinsrw", _mm_insert_epi16(a, (int)vin[j][1], 3));
        printf("pextrw %x pmovmskb %x movmskps %x movmskpd %x movd %x movq %llx\n",
               (unsigned)_mm_extract_epi16(a, 6), (unsigned)_mm_movemask_epi8(a),
               (unsigned)_mm_movemask_ps(_mm_castsi128_ps(a)), (unsigned)_mm_movemask_pd(_mm_castsi128_pd(a)),
               (unsigned)_mm_cvtsi128_si32(a), (unsigned long long)_mm_cvtsi128_si64(a));
        show("shufps", _mm_castps_si128(_mm_shuffle_ps(_mm_castsi128_ps(a), _mm_castsi128_ps(b), 0x4e)));
        show("shufpd", _mm_castpd_si128(_mm_shuffle_pd(_mm_castsi128_pd(a), _mm_castsi128_pd(b), 1)));
        show("unpckhps", _mm_castps_si128(_mm_unpackhi_ps(_mm_castsi128_ps(a), _mm_castsi128_ps(b))));
        show("cvtdq2pd", _mm_castpd_si128(_mm_cvtepi32_pd(a)));
        show("cvtdq2ps", _mm_castps_si128(_mm_cvtepi32_ps(a)));
        show("cvtsi2sd", _mm_castpd_si128(_mm_cvtsi64_sd(_mm_setzero_pd(), (long long)vin[i][0])));
        show("cvtsi2ss", _mm_castps_si128(_mm_cvtsi64_ss(_mm_setzero_ps(), (long long)vin[i][1])));
        char buf[16] __attribute__((aligned(16)));
        memset(buf, 0x5a, sizeof buf);
        _mm_maskmoveu_si128(a, b, buf);
        __m128i m;
        memcpy(&m, buf, 16);
        show("maskmov", m);
    }
    return 0;
}
