/* long double through printf/strtold and C arithmetic: exercises libc's x87 paths (musl's printf is
 * long double throughout). Prints decimal and hex renderings plus raw 80-bit bytes. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void raw(long double x)
{
    unsigned char b[10];
    memcpy(b, &x, 10);
    for (int i = 9; i >= 0; i--) printf("%02x", b[i]);
}

static void show(const char *name, long double x)
{
    printf("%s: ", name);
    raw(x);
    printf(" | %Lf | %.25Le | %La | %Lg | %.3Lf | %30.18Lg\n", x, x, x, x, x, x);
}

int main(void)
{
    volatile long double one = 1.0L, three = 3.0L, ten = 10.0L;
    long double vals[] = {
        0.0L, -0.0L, 1.0L, -1.0L, 0.1L, 0.5L, 1.0L / 3.0L, 2.0L / 3.0L, 123456789.123456789L,
        1e-5L, 1e20L, 1e300L, 1e-300L, 1e4000L, 1e-4000L, LDBL_MAX, LDBL_MIN, LDBL_TRUE_MIN,
        LDBL_EPSILON, 3.14159265358979323846264338327950288L, 2.71828182845904523536028747135266250L,
        (long double)DBL_MAX, (long double)DBL_MIN, 18446744073709551615.0L, 9223372036854775807.0L,
        0.3L, 1.5L, 2.5L, 1e15L + 0.5L, 7e-10L,
    };
    char name[16];
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        snprintf(name, sizeof name, "v%u", i);
        show(name, vals[i]);
    }
    show("inf", (long double)INFINITY);
    show("-inf", -(long double)INFINITY);
    show("nan", (long double)NAN);
    show("1/3", one / three);
    show("sqrt2", sqrtl(2.0L * one));
    show("fmod", fmodl(1e30L * one, three));
    show("rem", remainderl(1e30L * one, ten));
    show("rint", rintl(2.5L * one));
    show("floor", floorl(-2.5L * one));
    show("ceil", ceill(-2.5L * one));
    show("trunc", truncl(-2.7L * one));
    show("ldexp", ldexpl(one, -16400));
    show("frexp", frexpl(12345.678L * one, &(int){0}));
    const char *strs[] = { "0.1", "1e-4950", "1.18973149535723176502e+4932", "3.3621031431120935063e-4932",
                           "0x1.fffffffffffffffep+16383", "123456789012345678901234567890", "-2.5e-310" };
    for (unsigned i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        snprintf(name, sizeof name, "s%u", i);
        show(name, strtold(strs[i], NULL));
    }
    long long ll = (long long)(vals[8] * ten);
    unsigned long long ull = (unsigned long long)(vals[23] * one);
    printf("conv %lld %llu %lld\n", ll, ull, (long long)(-vals[24]));
    printf("back %Lf %Lf\n", (long double)ll, (long double)ull);
    double d = (double)(one / three);
    float f = (float)(one / three);
    printf("narrow %.20g %.10g\n", d, f);
    return 0;
}
