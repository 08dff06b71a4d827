/* SSE4.1 integer instructions over integer edge and fixed-seed random vectors: min/max, PMULLD,
   PMULDQ, PCMPEQQ, PACKUSDW, PMOVSX/ZX (register and memory), PTEST flags, PBLENDW and MPSADBW
   for every imm8, PHMINPOSUW, PINSR/PEXTR (register and memory, every index), INSERTPS for every
   imm8, EXTRACTPS, MOVNTDQA. */
#pragma GCC target("sse4.1")
#include "isa_simd.h"

static __m128i pblendw(__m128i a, __m128i b, int imm) {
#define C(i) case (i): return _mm_blend_epi16(a, b, (i));
    switch (imm) { R256(C) }
#undef C
    return a;
}

static __m128i mpsadbw(__m128i a, __m128i b, int imm) {
#define C(i) case (i): return _mm_mpsadbw_epu8(a, b, (i));
    switch (imm) { R16(C, 0) }
#undef C
    return a;
}

static __m128i insertps(__m128i a, __m128i b, int imm) {
#define C(i) case (i): return _mm_castps_si128(_mm_insert_ps(_mm_castsi128_ps(a), _mm_castsi128_ps(b), (i)));
    switch (imm) { R256(C) }
#undef C
    return a;
}

static unsigned ptest_flags(__m128i a, __m128i b) {
    unsigned f;
    __asm__ volatile("ptest %2, %1\n\t" FLAGS_OUT : "=&a"(f) : "x"(a), "x"(b) : "cc");
    return f & 0xd5ff;
}

int main(void) {
    init_vecs();
    for (int i = 0; i < NVEC; i++) {
        int j = (i * 7 + 3) % NVEC;
        __m128i a = g_vec[i], b = g_vec[j];
        printf("-- %d %d\n", i, j);
        show("pminsb", _mm_min_epi8(a, b)); show("pminsd", _mm_min_epi32(a, b));
        show("pminuw", _mm_min_epu16(a, b)); show("pminud", _mm_min_epu32(a, b));
        show("pmaxsb", _mm_max_epi8(a, b)); show("pmaxsd", _mm_max_epi32(a, b));
        show("pmaxuw", _mm_max_epu16(a, b)); show("pmaxud", _mm_max_epu32(a, b));
        show("pmulld", _mm_mullo_epi32(a, b)); show("pmuldq", _mm_mul_epi32(a, b));
        show("pcmpeqq", _mm_cmpeq_epi64(a, b)); show("pcmpeqq.s", _mm_cmpeq_epi64(a, a));
        show("packusdw", _mm_packus_epi32(a, b));
        show("pmovsxbw", _mm_cvtepi8_epi16(a)); show("pmovsxbd", _mm_cvtepi8_epi32(a));
        show("pmovsxbq", _mm_cvtepi8_epi64(a)); show("pmovsxwd", _mm_cvtepi16_epi32(a));
        show("pmovsxwq", _mm_cvtepi16_epi64(a)); show("pmovsxdq", _mm_cvtepi32_epi64(a));
        show("pmovzxbw", _mm_cvtepu8_epi16(a)); show("pmovzxbd", _mm_cvtepu8_epi32(a));
        show("pmovzxbq", _mm_cvtepu8_epi64(a)); show("pmovzxwd", _mm_cvtepu16_epi32(a));
        show("pmovzxwq", _mm_cvtepu16_epi64(a)); show("pmovzxdq", _mm_cvtepu32_epi64(a));
        show("phminposuw", _mm_minpos_epu16(a));
        printf("ptest %04x %04x %04x\n", ptest_flags(a, b), ptest_flags(a, a), ptest_flags(a, _mm_andnot_si128(a, b)));
        printf("pextr %x %x %x %x %x %llx %llx %x %x\n", _mm_extract_epi8(a, 0), _mm_extract_epi8(a, 7),
               _mm_extract_epi8(a, 15), _mm_extract_epi32(a, 0), _mm_extract_epi32(a, 3),
               (unsigned long long)_mm_extract_epi64(a, 0), (unsigned long long)_mm_extract_epi64(a, 1),
               _mm_extract_ps(_mm_castsi128_ps(a), 1), _mm_extract_ps(_mm_castsi128_ps(a), 2));
        show("pinsrb", _mm_insert_epi8(a, (int)lo64(b), 13)); show("pinsrd", _mm_insert_epi32(a, (int)lo64(b), 2));
        show("pinsrq", _mm_insert_epi64(a, (long long)hi64(b), 1));
    }
    for (int imm = 0; imm < 256; imm++) {
        printf("imm %02x", imm);
        __m128i r = pblendw(g_vec[3], g_vec[5], imm);
        printf(" pblendw %016llx%016llx", (unsigned long long)hi64(r), (unsigned long long)lo64(r));
        r = insertps(g_vec[11], g_vec[14], imm);
        printf(" insertps %016llx%016llx\n", (unsigned long long)hi64(r), (unsigned long long)lo64(r));
    }
    for (int k = 0; k < 4; k++)
        for (int imm = 0; imm < 16; imm++) {
            char name[16];
            snprintf(name, sizeof name, "mpsadbw%x", imm);
            show(name, mpsadbw(g_vec[k * 5 + 1], g_vec[k * 3 + 10], imm));
        }
    /* Memory forms. */
    static uint8_t buf[64] __attribute__((aligned(16)));
    for (int i = 0; i < 64; i++) buf[i] = (uint8_t)(i * 73 + 0x85);
    __m128i r;
    __asm__ volatile("pmovsxbw %1, %0" : "=x"(r) : "m"(*(uint64_t *)(buf + 3))); show("pmovsxbw.m", r);
    __asm__ volatile("pmovsxbd %1, %0" : "=x"(r) : "m"(*(uint32_t *)(buf + 5))); show("pmovsxbd.m", r);
    __asm__ volatile("pmovsxbq %1, %0" : "=x"(r) : "m"(*(uint16_t *)(buf + 7))); show("pmovsxbq.m", r);
    __asm__ volatile("pmovzxwd %1, %0" : "=x"(r) : "m"(*(uint64_t *)(buf + 9))); show("pmovzxwd.m", r);
    __asm__ volatile("pmovzxwq %1, %0" : "=x"(r) : "m"(*(uint32_t *)(buf + 1))); show("pmovzxwq.m", r);
    __asm__ volatile("pmovzxdq %1, %0" : "=x"(r) : "m"(*(uint64_t *)(buf + 2))); show("pmovzxdq.m", r);
    __asm__ volatile("movntdqa %1, %0" : "=x"(r) : "m"(*(__m128i *)(buf + 16))); show("movntdqa", r);
    r = g_vec[4];
    __asm__ volatile("pminud %1, %0" : "+x"(r) : "m"(*(__m128i *)(buf + 32))); show("pminud.m", r);
    __asm__ volatile("mpsadbw $5, %1, %0" : "+x"(r) : "m"(*(__m128i *)(buf + 16))); show("mpsadbw.m", r);
    __asm__ volatile("insertps $0xe6, %1, %0" : "+x"(r) : "m"(*(uint32_t *)(buf + 13))); show("insertps.m", r);
    __asm__ volatile("pinsrb $9, %1, %0" : "+x"(r) : "m"(buf[41])); show("pinsrb.m", r);
    __asm__ volatile("pinsrd $3, %1, %0" : "+x"(r) : "m"(*(uint32_t *)(buf + 21))); show("pinsrd.m", r);
    __asm__ volatile("pinsrq $0, %1, %0" : "+x"(r) : "m"(*(uint64_t *)(buf + 27))); show("pinsrq.m", r);
    __asm__ volatile("pinsrb $31, %k1, %0" : "+x"(r) : "r"(0x1234abcd)); show("pinsrb.r", r);
    uint64_t m[4] = { ~0ull, ~0ull, ~0ull, ~0ull };
    __asm__ volatile("pextrb $21, %1, %0" : "=m"(*(uint8_t *)&m[0]) : "x"(r));
    __asm__ volatile("pextrw $13, %1, %0" : "=m"(*(uint16_t *)&m[1]) : "x"(r));
    __asm__ volatile("pextrd $6, %1, %0" : "=m"(*(uint32_t *)&m[2]) : "x"(r));
    __asm__ volatile("pextrq $1, %1, %0" : "=m"(m[3]) : "x"(r));
    printf("pextr.m %llx %llx %llx %llx\n", (unsigned long long)m[0], (unsigned long long)m[1], (unsigned long long)m[2], (unsigned long long)m[3]);
    uint64_t g = ~0ull, g2 = ~0ull;
    __asm__ volatile("pextrb $15, %2, %k0\n\textractps $3, %2, %k1" : "+r"(g), "+r"(g2) : "x"(r));
    printf("pextr.r %llx %llx\n", (unsigned long long)g, (unsigned long long)g2);
    __asm__ volatile("extractps $2, %1, %0" : "=m"(*(uint32_t *)&m[0]) : "x"(r));
    __asm__ volatile("ptest %1, %2\n\t" FLAGS_OUT : "=&a"(g) : "m"(*(__m128i *)buf), "x"(r) : "cc");
    printf("extractps.m %llx ptest.m %llx\n", (unsigned long long)m[0], (unsigned long long)(g & 0xd5ff));
    /* Random sweeps, one hash per instruction. */
    for (int k = 0; k < 12; k++) {
        g_hash = 1469598103934665603ull;
        for (int n = 0; n < 300; n++) {
            uint64_t p = rnd(), q = rnd(), u = rnd(), v = rnd();
            if (n % 3 == 0) { u = p ^ (v & 0x0101010101010101ull); v = q; }
            __m128i a = vec(p, q), b = vec(u, v), x;
            switch (k) {
            case 0: x = _mm_min_epi8(a, b); break;
            case 1: x = _mm_max_epu32(a, b); break;
            case 2: x = _mm_mullo_epi32(a, b); break;
            case 3: x = _mm_mul_epi32(a, b); break;
            case 4: x = _mm_packus_epi32(a, b); break;
            case 5: x = _mm_minpos_epu16(a); break;
            case 6: x = _mm_mpsadbw_epu8(a, b, 3); break;
            case 7: x = _mm_cmpeq_epi64(a, b); break;
            case 8: x = vec(_mm_testz_si128(a, b) | _mm_testc_si128(a, b) << 1 | _mm_testnzc_si128(a, b) << 2, 0); break;
            case 9: x = _mm_max_epi8(a, b); break;
            case 10: x = _mm_min_epu16(a, b); break;
            default: x = _mm_cvtepi16_epi32(a); break;
            }
            hash64(lo64(x));
            hash64(hi64(x));
        }
        printf("sweep %d %016llx\n", k, (unsigned long long)g_hash);
    }
    return 0;
}
