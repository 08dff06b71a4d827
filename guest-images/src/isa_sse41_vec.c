/* Plain C kernels the compiler auto-vectorises with SSE4.1/SSE4.2 (min/max/abs/select over
   int8..int64, 32-bit mullo, widening, rounding, dot products, byte search), printing checksums. */
#pragma GCC target("sse4.2,ssse3,popcnt")
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <stdlib.h>

#define N 1024
static uint64_t seed = 0x243F6A8885A308D3ull;
static uint64_t rnd(void) { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed; }

static int8_t a8[N], b8[N], r8[N];
static int16_t a16[N], b16[N], r16[N];
static int32_t a32[N], b32[N], r32[N];
static int64_t a64[N], b64[N], r64[N];
static uint8_t u8[N], v8[N];
static uint16_t u16[N], v16[N];
static uint32_t u32[N], v32[N];
static float fa[N], fb[N], fr[N];
static double da[N], db[N], dr[N];

static uint64_t sum(const void *p, size_t n) {
    const uint8_t *b = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}
#define CK(name, arr) printf("%-10s %016llx\n", name, (unsigned long long)sum(arr, sizeof arr))

__attribute__((noinline)) static void k_min8(void) { for (int i = 0; i < N; i++) r8[i] = a8[i] < b8[i] ? a8[i] : b8[i]; }
__attribute__((noinline)) static void k_max8(void) { for (int i = 0; i < N; i++) r8[i] = a8[i] > b8[i] ? a8[i] : b8[i]; }
__attribute__((noinline)) static void k_abs8(void) { for (int i = 0; i < N; i++) r8[i] = (int8_t)(a8[i] < 0 ? -a8[i] : a8[i]); }
__attribute__((noinline)) static void k_minu16(void) { for (int i = 0; i < N; i++) u16[i] = u16[i] < v16[i] ? u16[i] : v16[i]; }
__attribute__((noinline)) static void k_maxu32(void) { for (int i = 0; i < N; i++) u32[i] = u32[i] > v32[i] ? u32[i] : v32[i]; }
__attribute__((noinline)) static void k_min32(void) { for (int i = 0; i < N; i++) r32[i] = a32[i] < b32[i] ? a32[i] : b32[i]; }
__attribute__((noinline)) static void k_abs32(void) { for (int i = 0; i < N; i++) r32[i] = a32[i] < 0 ? -(uint32_t)a32[i] : a32[i]; }
__attribute__((noinline)) static void k_mul32(void) { for (int i = 0; i < N; i++) r32[i] = (int32_t)((uint32_t)a32[i] * (uint32_t)b32[i]); }
__attribute__((noinline)) static void k_sel64(void) { for (int i = 0; i < N; i++) r64[i] = a64[i] > b64[i] ? a64[i] : b64[i]; }
__attribute__((noinline)) static void k_eq64(void) { for (int i = 0; i < N; i++) r64[i] = a64[i] == b64[i] ? -1 : a64[i] ^ 5; }
__attribute__((noinline)) static void k_blend16(void) { for (int i = 0; i < N; i++) r16[i] = (a16[i] & 1) ? a16[i] : b16[i]; }
__attribute__((noinline)) static void k_widen(void) { for (int i = 0; i < N; i++) r64[i] = (int64_t)a8[i] * 3 + (int64_t)a16[i] + (uint64_t)u8[i]; }
__attribute__((noinline)) static void k_wmul(void) { for (int i = 0; i < N; i++) r64[i] = (int64_t)a32[i] * b32[i]; }
__attribute__((noinline)) static void k_sad(void) {
    for (int i = 0; i < N; i++) r16[i] = (int16_t)(abs(u8[i] - v8[i]) + (a16[i] >> 3));
}
__attribute__((noinline)) static void k_floorf(void) { for (int i = 0; i < N; i++) fr[i] = floorf(fa[i]) + ceilf(fb[i]) + truncf(fa[i] * 0.5f); }
__attribute__((noinline)) static void k_round(void) { for (int i = 0; i < N; i++) dr[i] = floor(da[i]) - ceil(db[i]) + nearbyint(da[i] * 3.0); }
__attribute__((noinline)) static double k_dot(void) { double s = 0; for (int i = 0; i < N; i++) s += da[i] * db[i]; return s; }
__attribute__((noinline)) static unsigned k_pop(void) { unsigned s = 0; for (int i = 0; i < N; i++) s += (unsigned)__builtin_popcountll((uint64_t)a64[i]); return s; }
__attribute__((noinline)) static int k_find(const char *s, int c) { for (int i = 0; s[i]; i++) if (s[i] == c) return i; return -1; }

int main(void) {
    for (int i = 0; i < N; i++) {
        uint64_t x = rnd(), y = rnd();
        a8[i] = (int8_t)x; b8[i] = (int8_t)(x >> 8);
        a16[i] = (int16_t)(x >> 16); b16[i] = (int16_t)(x >> 32);
        a32[i] = (int32_t)y; b32[i] = (int32_t)(y >> 32);
        a64[i] = (int64_t)(x ^ (y << 1)); b64[i] = (i % 7 == 0) ? a64[i] : (int64_t)(y * 3);
        u8[i] = (uint8_t)(y >> 40); v8[i] = (uint8_t)(y >> 48);
        u16[i] = (uint16_t)(x >> 48); v16[i] = (uint16_t)(y >> 8);
        u32[i] = (uint32_t)(x >> 13); v32[i] = (uint32_t)(y >> 17);
        if (i < 8) { a8[i] = (int8_t)(0x80 + i); a32[i] = (int32_t)(0x80000000u + i); a64[i] = INT64_MIN + i; }
        fa[i] = (float)((int64_t)x % 100000) / 64.0f; fb[i] = (float)((int64_t)y % 3000) / 7.0f;
        da[i] = (double)(int64_t)(x >> 20) / 1024.0; db[i] = (double)(int32_t)y / 33.0;
    }
    k_min8(); CK("min8", r8); k_max8(); CK("max8", r8); k_abs8(); CK("abs8", r8);
    k_minu16(); CK("minu16", u16); k_maxu32(); CK("maxu32", u32);
    k_min32(); CK("min32", r32); k_abs32(); CK("abs32", r32); k_mul32(); CK("mul32", r32);
    k_sel64(); CK("sel64", r64); k_eq64(); CK("eq64", r64); k_blend16(); CK("blend16", r16);
    k_widen(); CK("widen", r64); k_wmul(); CK("wmul", r64); k_sad(); CK("sad", r16);
    k_floorf(); CK("floorf", fr); k_round(); CK("round", dr);
    printf("dot %a pop %u\n", k_dot(), k_pop());
    static char text[4096];
    for (int i = 0; i < 4095; i++) text[i] = (char)('a' + (int)(rnd() % 26));
    printf("find %d %d %d\n", k_find(text, 'z'), k_find(text + 100, 'q'), k_find(text, '!'));
    return 0;
}
