/* Floating-point benchmark: spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1),
 * truncated to N x N, by power iteration on A^T A (double precision: division, multiply-add, sqrt).
 * Usage: spectral [SCALE]  (SCALE 1.0 takes about a second natively). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 1000 };

static double a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mul_av(const double *v, double *out)
{
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < N; j++) s += a(i, j) * v[j];
        out[i] = s;
    }
}

static void mul_atv(const double *v, double *out)
{
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < N; j++) s += a(j, i) * v[j];
        out[i] = s;
    }
}

static void mul_atav(const double *v, double *out, double *tmp)
{
    mul_av(v, tmp);
    mul_atv(tmp, out);
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long iterations = (long)(scale * 250);
    if (iterations < 1) iterations = 1;
    static double u[N], v[N], tmp[N];
    for (int i = 0; i < N; i++) u[i] = 1;
    for (long k = 0; k < iterations; k++) {
        mul_atav(u, v, tmp);
        mul_atav(v, u, tmp);
    }
    double vbv = 0, vv = 0;
    for (int i = 0; i < N; i++) { vbv += u[i] * v[i]; vv += v[i] * v[i]; }
    printf("n %d iterations %ld norm %.12f\n", N, iterations, sqrt(vbv / vv));
    return 0;
}
