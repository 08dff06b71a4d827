/* SSE/SSE2 floating point under every MXCSR rounding mode and DAZ/FTZ: arithmetic, MIN/MAX,
   SQRT, compares and conversions over edge values, printing results and MXCSR as hex.
   Inline asm keeps the compiler from folding or reordering around LDMXCSR. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <emmintrin.h>

static const uint32_t f32v[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x7f800000, 0xff800000, 0x7fc00001,
    0xffc12345, 0x7f800001, 0xff900000, 0x00000001, 0x807fffff, 0x7f7fffff, 0xff7fffff, 0x00800000,
    0x40400000, 0x3f800001, 0x3eaaaaab, 0x4f000000, 0xcf000000, 0x4effffff, 0x5f000000, 0x00c00000,
};
static const uint64_t f64v[] = {
    0, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x3ff8000000000000ull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000001ull, 0xfff8000000012345ull,
    0x7ff0000000000001ull, 0x0000000000000001ull, 0x800fffffffffffffull, 0x7fefffffffffffffull,
    0x0010000000000000ull, 0x3fd5555555555555ull, 0x41dfffffffe00000ull, 0xc1e0000000200000ull,
    0x43e0000000000000ull, 0xc3e0000000000000ull, 0x47efffffe0000000ull, 0x3ff0000000000001ull,
};
static const unsigned modes[] = { 0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0 };
static const unsigned defmx = 0x1f80;

#define NF32 (sizeof f32v / sizeof f32v[0])
#define NF64 (sizeof f64v / sizeof f64v[0])

#define OP2(fn, insn)                                                                      \
    static __m128i fn(__m128i x, __m128i y, unsigned mx, unsigned *o) {                    \
        __asm__ volatile("ldmxcsr %[m]\n\t" insn " %[y], %[x]\n\tstmxcsr %[o]\n\tldmxcsr %[d]" \
                         : [x] "+x"(x), [o] "=m"(*o)                                      \
                         : [y] "x"(y), [m] "m"(mx), [d] "m"(defmx));                      \
        return x;                                                                          \
    }
OP2(addps, "addps") OP2(subps, "subps") OP2(mulps, "mulps") OP2(divps, "divps")
OP2(minps, "minps") OP2(maxps, "maxps") OP2(sqrtps, "sqrtps") OP2(addss, "addss")
OP2(divss, "divss") OP2(sqrtss, "sqrtss") OP2(addpd, "addpd") OP2(subpd, "subpd")
OP2(mulpd, "mulpd") OP2(divpd, "divpd") OP2(minsd, "minsd") OP2(maxpd, "maxpd")
OP2(sqrtpd, "sqrtpd") OP2(mulsd, "mulsd") OP2(cvtps2dq, "cvtps2dq") OP2(cvttps2dq, "cvttps2dq")
OP2(cvtpd2dq, "cvtpd2dq") OP2(cvttpd2dq, "cvttpd2dq") OP2(cvtpd2ps, "cvtpd2ps") OP2(cvtps2pd, "cvtps2pd")
OP2(cvtsd2ss, "cvtsd2ss") OP2(cvtss2sd, "cvtss2sd") OP2(cvtdq2ps, "cvtdq2ps")
OP2(cmpltps, "cmpltps") OP2(cmpunordps, "cmpunordps") OP2(cmpnlepd, "cmpnlepd") OP2(cmpeqpd, "cmpeqpd")

typedef __m128i (*op_fn)(__m128i, __m128i, unsigned, unsigned *);
static const struct { const char *name; op_fn fn; int wide; } ops[] = {
    {"addps", addps, 0}, {"subps", subps, 0}, {"mulps", mulps, 0}, {"divps", divps, 0},
    {"minps", minps, 0}, {"maxps", maxps, 0}, {"sqrtps", sqrtps, 0}, {"addss", addss, 0},
    {"divss", divss, 0}, {"sqrtss", sqrtss, 0}, {"cvtps2dq", cvtps2dq, 0}, {"cvttps2dq", cvttps2dq, 0},
    {"cvtps2pd", cvtps2pd, 0}, {"cvtss2sd", cvtss2sd, 0}, {"cvtdq2ps", cvtdq2ps, 0},
    {"cmpltps", cmpltps, 0}, {"cmpunordps", cmpunordps, 0},
    {"addpd", addpd, 1}, {"subpd", subpd, 1}, {"mulpd", mulpd, 1}, {"divpd", divpd, 1},
    {"minsd", minsd, 1}, {"maxpd", maxpd, 1}, {"sqrtpd", sqrtpd, 1}, {"mulsd", mulsd, 1},
    {"cvtpd2dq", cvtpd2dq, 1}, {"cvttpd2dq", cvttpd2dq, 1}, {"cvtpd2ps", cvtpd2ps, 1},
    {"cvtsd2ss", cvtsd2ss, 1}, {"cmpnlepd", cmpnlepd, 1}, {"cmpeqpd", cmpeqpd, 1},
};

static void show(__m128i v, unsigned o) {
    uint64_t q[2];
    memcpy(q, &v, 16);
    printf(" %016llx%016llx %04x\n", (unsigned long long)q[1], (unsigned long long)q[0], o);
}

int main(void) {
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        printf("== %s\n", ops[k].name);
        for (unsigned m = 0; m < sizeof modes / sizeof modes[0]; m++) {
            if (!ops[k].wide) {
                for (unsigned i = 0; i < NF32; i++) {
                    uint32_t a[4], b[4];
                    for (int l = 0; l < 4; l++) { a[l] = f32v[i]; b[l] = f32v[(i * 7 + l * 5 + m) % NF32]; }
                    __m128i x, y;
                    memcpy(&x, a, 16);
                    memcpy(&y, b, 16);
                    unsigned o;
                    __m128i r = ops[k].fn(x, y, modes[m], &o);
                    printf("%u %02u", m, i);
                    show(r, o);
                }
            } else {
                for (unsigned i = 0; i < NF64; i++) {
                    uint64_t a[2] = { f64v[i], f64v[(i + 3) % NF64] }, b[2] = { f64v[(i * 5 + m) % NF64], f64v[(i * 3 + 1) % NF64] };
                    __m128i x, y;
                    memcpy(&x, a, 16);
                    memcpy(&y, b, 16);
                    unsigned o;
                    __m128i r = ops[k].fn(x, y, modes[m], &o);
                    printf("%u %02u", m, i);
                    show(r, o);
                }
            }
        }
    }
    /* Scalar conversions to integers (32- and 64-bit, rounded and truncated), with the flags. */
    printf("== cvt to int\n");
    for (unsigned m = 0; m < 4; m++)
        for (unsigned i = 0; i < NF64; i++) {
            __m128d x;
            memcpy(&x, &f64v[i], 8);
            unsigned mx = modes[m], o1, o2;
            int r32;
            long long r64, t64;
            __asm__ volatile("ldmxcsr %[m]\n\tcvtsd2si %[x], %[r]\n\tcvtsd2si %[x], %[q]\n\tcvttsd2si %[x], %[t]\n\tstmxcsr %[o]\n\tldmxcsr %[d]"
                             : [r] "=&r"(r32), [q] "=&r"(r64), [t] "=&r"(t64), [o] "=m"(o1)
                             : [x] "x"(x), [m] "m"(mx), [d] "m"(defmx));
            __m128 f;
            uint32_t fb = f32v[i % NF32];
            memcpy(&f, &fb, 4);
            int s32;
            long long s64;
            __asm__ volatile("ldmxcsr %[m]\n\tcvtss2si %[x], %[r]\n\tcvttss2si %[x], %[q]\n\tstmxcsr %[o]\n\tldmxcsr %[d]"
                             : [r] "=&r"(s32), [q] "=&r"(s64), [o] "=m"(o2)
                             : [x] "x"(f), [m] "m"(mx), [d] "m"(defmx));
            printf("%u %02u %08x %016llx %016llx %04x | %08x %016llx %04x\n", m, i, (unsigned)r32,
                   (unsigned long long)r64, (unsigned long long)t64, o1, (unsigned)s32, (unsigned long long)s64, o2);
        }
    return 0;
}
