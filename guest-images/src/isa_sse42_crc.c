/* SSE4.2 CRC32 in every form (r32 with r/m8, r/m16, r/m32; r64 with r/m8, r/m64), including
   high-byte registers and memory operands; POPCNT 16/32/64 with its flags; PCMPGTQ. */
#pragma GCC target("sse4.2,popcnt")
#include "isa_simd.h"

static const uint64_t ev[] = { 0, 1, ~0ull, 0x8000000000000000ull, 0x7fffffffffffffffull, 0x80000000ull,
                               0xffffffffull, 0x8000ull, 0xffffull, 0x80ull, 0xffull, 0x0123456789abcdefull,
                               0xfedcba9876543210ull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull };
#define NEV (sizeof ev / sizeof ev[0])

int main(void) {
    uint64_t vals[64];
    for (unsigned i = 0; i < 64; i++) vals[i] = i < NEV ? ev[i] : rnd();
    for (unsigned i = 0; i < 64; i++) {
        uint64_t v = vals[i], c0 = vals[(i * 7 + 3) % 64] | 0xdead000000000000ull;
        uint64_t r8 = c0, r16 = c0, r32 = c0, r64 = c0, q8 = c0, rh = c0;
        __asm__("crc32b %b1, %k0" : "+r"(r8) : "r"(v));
        __asm__("crc32w %w1, %k0" : "+r"(r16) : "r"(v));
        __asm__("crc32l %k1, %k0" : "+r"(r32) : "r"(v));
        __asm__("crc32q %1, %0" : "+r"(r64) : "r"(v));
        __asm__("crc32b %b1, %0" : "+r"(q8) : "r"(v));
        __asm__("crc32b %h1, %k0" : "+r"(rh) : "Q"(v));
        printf("crc %016llx %016llx %016llx %016llx %016llx %016llx %016llx\n", (unsigned long long)v,
               (unsigned long long)r8, (unsigned long long)r16, (unsigned long long)r32, (unsigned long long)r64,
               (unsigned long long)q8, (unsigned long long)rh);
        uint64_t p16 = ~0ull, p32 = ~0ull, p64 = ~0ull;
        unsigned f16, f32, f64;
        /* Flags in: all set (STC etc. cannot set all; use a compare that sets many, then popcnt). */
        __asm__("cmp %3, %3\n\tstc\n\tpopcnt %w2, %w1\n\t" FLAGS_OUT : "=&a"(f16), "+r"(p16) : "r"(v), "r"(0ull) : "cc");
        __asm__("cmp %3, %3\n\tstc\n\tpopcnt %k2, %k1\n\t" FLAGS_OUT : "=&a"(f32), "+r"(p32) : "r"(v), "r"(0ull) : "cc");
        __asm__("popcnt %2, %1\n\t" FLAGS_OUT : "=&a"(f64), "+r"(p64) : "r"(v) : "cc");
        printf("popcnt %llx %04x %llx %04x %llx %04x\n", (unsigned long long)p16, f16 & 0xd5ff,
               (unsigned long long)p32, f32 & 0xd5ff, (unsigned long long)p64, f64 & 0xd5ff);
    }
    /* Memory operands, CRC over a buffer the way software does it (compared with the bytewise form). */
    static uint8_t buf[256];
    for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)rnd();
    uint32_t a = ~0u, b = ~0u;
    uint64_t c = ~0ull;
    for (unsigned i = 0; i < sizeof buf; i++) __asm__("crc32b %1, %0" : "+r"(a) : "m"(buf[i]));
    for (unsigned i = 0; i < sizeof buf; i += 2) __asm__("crc32w %1, %0" : "+r"(b) : "m"(*(uint16_t *)(buf + i)));
    for (unsigned i = 0; i < sizeof buf; i += 8) __asm__("crc32q %1, %0" : "+r"(c) : "m"(*(uint64_t *)(buf + i)));
    uint32_t d = ~0u;
    for (unsigned i = 0; i < sizeof buf; i += 4) d = _mm_crc32_u32(d, *(uint32_t *)(buf + i));
    uint64_t pm = 0;
    __asm__("popcnt %1, %0" : "=r"(pm) : "m"(*(uint64_t *)(buf + 8)));
    printf("crc.m %08x %08x %016llx %08x popcnt.m %llx\n", ~a, ~b, (unsigned long long)c, ~d, (unsigned long long)pm);
    init_vecs();
    for (int i = 0; i < NVEC; i++) {
        __m128i x = g_vec[i], y = g_vec[(i * 5 + 1) % NVEC];
        show("pcmpgtq", _mm_cmpgt_epi64(x, y));
        show("pcmpgtq.r", _mm_cmpgt_epi64(y, x));
    }
    return 0;
}
