/* Shared helpers of the isa_sse3_* .. isa_sse42_* guests: differential tests of SSE3 and later.
 * Values come from fixed edge tables and a fixed-seed xorshift, and go out as hex with printf.
 * Each guest enables the extensions it tests with #pragma GCC target before including this. */
#ifndef ISA_SIMD_H
#define ISA_SIMD_H

#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <immintrin.h>

static uint64_t g_seed = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) {
    g_seed ^= g_seed << 13;
    g_seed ^= g_seed >> 7;
    g_seed ^= g_seed << 17;
    return g_seed;
}

/* FNV-1a over 64-bit words, for sweeps too long to print line by line. */
static uint64_t g_hash = 1469598103934665603ull;
static void hash64(uint64_t v) {
    for (int i = 0; i < 8; i++) g_hash = (g_hash ^ ((v >> (8 * i)) & 0xff)) * 1099511628211ull;
}

static __m128i vec(uint64_t lo, uint64_t hi) { return _mm_set_epi64x((long long)hi, (long long)lo); }
static uint64_t lo64(__m128i v) { uint64_t q[2]; memcpy(q, &v, 16); return q[0]; }
static uint64_t hi64(__m128i v) { uint64_t q[2]; memcpy(q, &v, 16); return q[1]; }
static void show(const char *name, __m128i v) {
    printf("%-10s %016llx%016llx\n", name, (unsigned long long)hi64(v), (unsigned long long)lo64(v));
}

/* Integer vectors: the edges of every element width, then random ones. */
static const uint64_t edge_int[][2] = {
    {0, 0}, {~0ull, ~0ull}, {1, 0}, {0x7fff80007fffffffull, 0x8000000080007f80ull},
    {0x8000800080008000ull, 0x7fff7fff7fff7fffull}, {0x00ff0180ff7f0001ull, 0x8000ffff7ffe0102ull},
    {0x8080808080808080ull, 0x7f7f7f7f7f7f7f7full}, {0x8000000000000000ull, 0x7fffffffffffffffull},
    {0x0f0e0d0c0b0a0908ull, 0x0706050403020100ull}, {0x0000000100000000ull, 0xffffffff80000000ull},
};
#define NEDGE_INT (sizeof edge_int / sizeof edge_int[0])
#define NVEC 24
static __m128i g_vec[NVEC];
static void init_vecs(void) {
    unsigned n = 0;
    for (; n < NEDGE_INT; n++) g_vec[n] = vec(edge_int[n][0], edge_int[n][1]);
    for (; n < NVEC; n++) { uint64_t a = rnd(); g_vec[n] = vec(a, rnd()); }
}

/* Float edge values: zeros, ones, infinities, QNaN/SNaN with payloads, denormals, extremes. */
static const uint32_t f32v[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x7f800000, 0xff800000, 0x7fc00001,
    0xffc12345, 0x7f800001, 0xff900000, 0x00000001, 0x807fffff, 0x7f7fffff, 0xff7fffff, 0x00800000,
    0x40400000, 0x3f800001, 0x3eaaaaab, 0x4f000000, 0xcf000000, 0x4effffff, 0x5f000000, 0x00c00000,
    0x3f000000, 0xbf000000, 0x40200000, 0xc0200000, 0x4b000001, 0xcb7fffff, 0x3f7fffff, 0xbeffffff,
};
static const uint64_t f64v[] = {
    0, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x3ff8000000000000ull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000001ull, 0xfff8000000012345ull,
    0x7ff0000000000001ull, 0x0000000000000001ull, 0x800fffffffffffffull, 0x7fefffffffffffffull,
    0x0010000000000000ull, 0x3fd5555555555555ull, 0x41dfffffffe00000ull, 0xc1e0000000200000ull,
    0x43e0000000000000ull, 0xc3e0000000000000ull, 0x47efffffe0000000ull, 0x3ff0000000000001ull,
    0x3fe0000000000000ull, 0xbfe0000000000000ull, 0x4004000000000000ull, 0xc004000000000000ull,
    0x4330000000000001ull, 0xc32fffffffffffffull, 0x3fefffffffffffffull,
};
#define NF32 (sizeof f32v / sizeof f32v[0])
#define NF64 (sizeof f64v / sizeof f64v[0])
/* MXCSR values: the four rounding modes with all exceptions masked, then FTZ+DAZ. */
static const unsigned modes[] = { 0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0 };
#define NMODES (sizeof modes / sizeof modes[0])
static const unsigned defmx = 0x1f80;

static __m128i vec_f32(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    uint32_t w[4] = { a, b, c, d };
    __m128i v;
    memcpy(&v, w, 16);
    return v;
}

/* Arithmetic flags after an instruction: AH from LAHF (SF ZF AF PF CF), AL from SETO. */
#define FLAGS_OUT "lahf\n\tseto %%al\n\t"

/* Expands M(i) for i = 0..255, and for smaller ranges. */
#define R4(M, b) M(b) M(b + 1) M(b + 2) M(b + 3)
#define R16(M, b) R4(M, b) R4(M, b + 4) R4(M, b + 8) R4(M, b + 12)
#define R64(M, b) R16(M, b) R16(M, b + 16) R16(M, b + 32) R16(M, b + 48)
#define R256(M) R64(M, 0) R64(M, 64) R64(M, 128) R64(M, 192)

#endif
