/* MXCSR: LDMXCSR/STMXCSR round trips, sticky flags, FXSAVE/FXRSTOR of XMM and MXCSR,
   and RCP/RSQRT accuracy as a property (their exact bits are vendor-specific). */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <emmintrin.h>

static unsigned getcsr(void) { unsigned v; __asm__ volatile("stmxcsr %0" : "=m"(v)); return v; }
static void setcsr(unsigned v) { __asm__ volatile("ldmxcsr %0" : : "m"(v)); }

int main(void) {
    printf("initial %04x\n", getcsr());
    static const unsigned vals[] = { 0x1f80, 0x0000, 0xffff, 0x9fc0, 0x7f80, 0x1f3f, 0x8040 };
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        setcsr(vals[i]);
        unsigned r = getcsr();
        setcsr(0x1f80);
        printf("ldmxcsr %04x -> %04x\n", vals[i], r);
    }
    /* Flags are sticky: an exact op does not clear PE from an earlier inexact one. */
    volatile float one = 1.0f, three = 3.0f, zero = 0.0f;
    setcsr(0x1f80);
    __m128 q = _mm_div_ss(_mm_set_ss(one), _mm_set_ss(three));
    unsigned a = getcsr();
    __m128 p = _mm_add_ss(_mm_set_ss(one), _mm_set_ss(one));
    unsigned b = getcsr();
    __m128 z = _mm_div_ss(_mm_set_ss(one), _mm_set_ss(zero));
    unsigned c = getcsr();
    printf("sticky %04x %04x %04x %08x %08x %08x\n", a, b, c, (unsigned)_mm_cvtsi128_si32(_mm_castps_si128(q)),
           (unsigned)_mm_cvtsi128_si32(_mm_castps_si128(p)), (unsigned)_mm_cvtsi128_si32(_mm_castps_si128(z)));
    setcsr(0x1f80);

    /* FXSAVE/FXRSTOR: XMM and MXCSR images. */
    static unsigned char area[512] __attribute__((aligned(16)));
    __m128i x1 = _mm_set_epi32(0x11111111, 0x22222222, 0x33333333, (int)one);
    setcsr(0x3f80);
    __asm__ volatile("movdqa %1, %%xmm7\n\tfxsave %0" : "=m"(area) : "x"(x1) : "xmm7");
    setcsr(0x1f80);
    uint32_t mx;
    memcpy(&mx, area + 24, 4);
    uint64_t s7[2];
    memcpy(s7, area + 160 + 16 * 7, 16);
    printf("fxsave mxcsr %04x xmm7 %016llx%016llx\n", mx, (unsigned long long)s7[1], (unsigned long long)s7[0]);
    mx = 0x7f80;
    memcpy(area + 24, &mx, 4);
    s7[0] = 0x0123456789abcdefull;
    memcpy(area + 160 + 16 * 7, s7, 8);
    __m128i back;
    __asm__ volatile("fxrstor %1\n\tmovdqa %%xmm7, %0" : "=x"(back) : "m"(area) : "xmm7");
    unsigned after = getcsr();
    setcsr(0x1f80);
    uint64_t bq[2];
    memcpy(bq, &back, 16);
    printf("fxrstor mxcsr %04x xmm7 %016llx%016llx\n", after, (unsigned long long)bq[1], (unsigned long long)bq[0]);

    /* RCP/RSQRT: relative error within 1.5*2^-12 over many inputs. */
    uint32_t s = 12345;
    int bad_rcp = 0, bad_rsqrt = 0, n = 0;
    for (int i = 0; i < 2000; i++) {
        s = s * 1103515245u + 12345u;
        uint32_t bits = (s & 0x807fffff) | ((uint32_t)(64 + (s >> 8) % 128) << 23);
        float v;
        memcpy(&v, &bits, 4);
        volatile float vv = v;
        float r = _mm_cvtss_f32(_mm_rcp_ss(_mm_set_ss(vv)));
        double e = fabs((double)r * (double)v - 1.0);
        if (!(e <= 1.5 / 4096)) bad_rcp++;
        float av = fabsf(v);
        volatile float va = av;
        float rs = _mm_cvtss_f32(_mm_rsqrt_ss(_mm_set_ss(va)));
        double es = fabs((double)rs * sqrt((double)av) - 1.0);
        if (!(es <= 1.5 / 4096)) bad_rsqrt++;
        n++;
    }
    printf("rcp/rsqrt accuracy %s (%d inputs)\n", bad_rcp == 0 && bad_rsqrt == 0 ? "pass" : "FAIL", n);
    setcsr(0x1f80);
    return 0;
}
