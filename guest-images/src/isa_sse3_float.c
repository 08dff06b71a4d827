/* SSE3: ADDSUBPS/PD, HADDPS/PD, HSUBPS/PD under every MXCSR mode over float edge values (result
   and MXCSR after each op), MOVSHDUP/MOVSLDUP/MOVDDUP (register and memory), LDDQU at every
   misalignment, and FISTTP m16/m32/m64. */
#pragma GCC target("sse3")
#include "isa_simd.h"

#define OP2(fn, insn)                                                                      \
    static __m128i fn(__m128i x, __m128i y, unsigned mx, unsigned *o) {                    \
        __asm__ volatile("ldmxcsr %[m]\n\t" insn " %[y], %[x]\n\tstmxcsr %[o]\n\tldmxcsr %[d]" \
                         : [x] "+x"(x), [o] "=m"(*o)                                      \
                         : [y] "x"(y), [m] "m"(mx), [d] "m"(defmx));                      \
        return x;                                                                          \
    }
OP2(addsubps, "addsubps") OP2(haddps, "haddps") OP2(hsubps, "hsubps")
OP2(addsubpd, "addsubpd") OP2(haddpd, "haddpd") OP2(hsubpd, "hsubpd")

typedef __m128i (*op_fn)(__m128i, __m128i, unsigned, unsigned *);
static const struct { const char *name; op_fn fn; int wide; } ops[] = {
    {"addsubps", addsubps, 0}, {"haddps", haddps, 0}, {"hsubps", hsubps, 0},
    {"addsubpd", addsubpd, 1}, {"haddpd", haddpd, 1}, {"hsubpd", hsubpd, 1},
};

static void show_mx(__m128i v, unsigned o) {
    printf(" %016llx%016llx %04x\n", (unsigned long long)hi64(v), (unsigned long long)lo64(v), o);
}

int main(void) {
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        printf("== %s\n", ops[k].name);
        for (unsigned m = 0; m < NMODES; m++) {
            unsigned n = ops[k].wide ? NF64 : NF32;
            for (unsigned i = 0; i < n; i++) {
                __m128i x, y;
                if (!ops[k].wide) {
                    x = vec_f32(f32v[i], f32v[(i * 7 + 1) % NF32], f32v[(i * 3 + m) % NF32], f32v[(i + 5) % NF32]);
                    y = vec_f32(f32v[(i * 5 + m) % NF32], f32v[(i + 1) % NF32], f32v[(i * 11 + 2) % NF32], f32v[(i * 13 + 3) % NF32]);
                } else {
                    x = vec(f64v[i], f64v[(i * 7 + 1) % NF64]);
                    y = vec(f64v[(i * 5 + m) % NF64], f64v[(i * 3 + 2) % NF64]);
                }
                unsigned o;
                __m128i r = ops[k].fn(x, y, modes[m], &o);
                printf("%u %02u", m, i);
                show_mx(r, o);
            }
        }
    }
    init_vecs();
    static uint8_t buf[64] __attribute__((aligned(16)));
    for (int i = 0; i < 64; i++) buf[i] = (uint8_t)(i * 37 + 11);
    for (int i = 0; i < NVEC; i++) {
        __m128 f = _mm_castsi128_ps(g_vec[i]);
        show("movshdup", _mm_castps_si128(_mm_movehdup_ps(f)));
        show("movsldup", _mm_castps_si128(_mm_moveldup_ps(f)));
        show("movddup", _mm_castpd_si128(_mm_movedup_pd(_mm_castsi128_pd(g_vec[i]))));
    }
    for (int off = 0; off < 17; off++) {
        __m128i r;
        __asm__ volatile("lddqu %1, %0" : "=x"(r) : "m"(*(const __m128i *)(buf + off)));
        show("lddqu", r);
        __asm__ volatile("movddup %1, %0" : "=x"(r) : "m"(*(const double *)(buf + off)));
        show("movddup.m", r);
        __asm__ volatile("movshdup %1, %0" : "=x"(r) : "m"(*(const __m128i *)(buf + (off & 16))));
        show("movshdup.m", r);
        __asm__ volatile("movsldup %1, %0" : "=x"(r) : "m"(*(const __m128i *)(buf + (off & 16))));
        show("movsldup.m", r);
    }
    static const double fv[] = { 0.0, -0.0, 1.5, -1.5, 2.5, -2.999, 32767.9, -32768.9, 32768.0, 65535.5,
                                 2147483647.9, -2147483648.9, 2147483648.0, 9.2233720368547748e18,
                                 -9.2233720368547758e18, 1e19, -1e300, 1.0 / 0.0, __builtin_nan("") };
    for (unsigned i = 0; i < sizeof fv / sizeof fv[0]; i++) {
        int16_t w;
        int32_t d;
        int64_t q;
        unsigned short sw;
        __asm__ volatile("fninit\n\tfldl %4\n\tfisttps %0\n\tfldl %4\n\tfisttpl %1\n\tfldl %4\n\tfisttpll %2\n\tfnstsw %3"
                         : "=m"(w), "=m"(d), "=m"(q), "=m"(sw)
                         : "m"(fv[i]));
        printf("fisttp %04x %08x %016llx %04x\n", (unsigned)(uint16_t)w, (unsigned)d, (unsigned long long)q, sw & 0x3f);
    }
    return 0;
}
