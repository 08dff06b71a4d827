/* long double arithmetic, conversions and fenv through libc and inline x87 asm, under every rounding mode
 * and precision control. Prints raw 80-bit values and status words in hex. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void raw(const char *tag, long double x)
{
    unsigned char b[10];
    memcpy(b, &x, 10);
    printf("%s ", tag);
    for (int i = 9; i >= 0; i--) printf("%02x", b[i]);
    printf("\n");
}

static unsigned short cw_get(void) { unsigned short cw; __asm__ volatile("fnstcw %0" : "=m"(cw)); return cw; }
static void cw_set(unsigned short cw) { __asm__ volatile("fldcw %0" : : "m"(cw)); }
static unsigned short sw_get(void) { unsigned short sw; __asm__ volatile("fnstsw %0" : "=m"(sw)); return sw; }
static void clex(void) { __asm__ volatile("fnclex"); }

static long double asm_op(int op, long double a, long double b)
{
    long double r;
    switch (op) {
    case 0: __asm__ volatile("faddp" : "=t"(r) : "0"(a), "u"(b) : "st(1)"); break;
    case 1: __asm__ volatile("fmulp" : "=t"(r) : "0"(a), "u"(b) : "st(1)"); break;
    case 2: __asm__ volatile("fdivrp" : "=t"(r) : "0"(a), "u"(b) : "st(1)"); break;
    case 3: __asm__ volatile("fsubrp" : "=t"(r) : "0"(a), "u"(b) : "st(1)"); break;
    case 4: __asm__ volatile("fsqrt" : "=t"(r) : "0"(a)); break;
    case 5: __asm__ volatile("frndint" : "=t"(r) : "0"(a)); break;
    default: __asm__ volatile("fscale" : "=t"(r) : "0"(a), "u"(b)); break;
    }
    return r;
}

int main(void)
{
    static const unsigned short cws[] = { 0x037f, 0x027f, 0x007f, 0x077f, 0x0b7f, 0x0f7f, 0x047f, 0x087f };
    volatile long double vals[] = { 1.0L, 3.0L, 0.1L, -7.25L, 1e-4940L, 1e4930L, 2.0L / 3.0L, 1e-300L,
                                     12345678901234567890.0L, 0.5L };
    int nv = sizeof vals / sizeof vals[0];
    unsigned short saved = cw_get();
    printf("initial cw %04x sw %04x\n", saved, sw_get());
    char tag[64];
    for (unsigned c = 0; c < sizeof cws / sizeof cws[0]; c++) {
        for (int op = 0; op < 7; op++) {
            for (int i = 0; i < nv; i++) {
                for (int j = 0; j < nv; j += (op >= 4 && op != 6) ? nv : 1) {
                    clex();
                    cw_set(cws[c]);
                    long double r = asm_op(op, vals[i], vals[j]);
                    unsigned short sw = sw_get();
                    cw_set(saved);
                    snprintf(tag, sizeof tag, "cw%04x op%d %d %d sw%04x", cws[c], op, i, j, sw & 0xff7f);
                    raw(tag, r);
                }
            }
        }
    }
    static const int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        for (int i = 0; i < nv; i++) {
            volatile long double x = vals[i] * 1.5L;
            printf("mode %d v%d rint %La lrint %ld llrint %lld nearby %La float %a double %a\n", m, i, rintl(x),
                   lrintl(x * 1e-3L), llrintl(x * 1e-10L), nearbyintl(-x), (double)(float)x, (double)x);
            raw("  div", vals[i] / 3.0L);
            unsigned long long u = (unsigned long long)(vals[8] + (long double)i);
            printf("  u %llu back %La\n", u, (long double)(u + (unsigned long long)i * 0xfffffffffULL));
        }
        fesetround(FE_TONEAREST);
    }
    feclearexcept(FE_ALL_EXCEPT);
    volatile long double z = 0.0L;
    volatile long double q = 1.0L / z;
    printf("div0 %d %d %Lg\n", fetestexcept(FE_DIVBYZERO) != 0, fetestexcept(FE_INVALID) != 0, q);
    feclearexcept(FE_ALL_EXCEPT);
    q = z / z;
    printf("inv %d %d\n", fetestexcept(FE_INVALID) != 0, fetestexcept(FE_INEXACT) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    q = vals[0] / vals[1];
    printf("inexact %d\n", fetestexcept(FE_INEXACT) != 0);
    fenv_t env;
    fegetenv(&env);
    feholdexcept(&env);
    q = 1e4930L * vals[5];
    printf("held overflow %d\n", fetestexcept(FE_OVERFLOW) != 0);
    fesetenv(&env);
    printf("cw %04x\n", cw_get());
    return 0;
}
