/* Memory benchmark: merge sort of a large array of 64-bit keys, then pointer chasing through a
 * random cyclic permutation (cache- and TLB-unfriendly loads).
 * Usage: sort [SCALE]  (SCALE 1.0 takes about a second natively). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint64_t next(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return rng;
}

static void merge_sort(uint64_t *a, uint64_t *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
            while (i < mid) tmp[k++] = a[i++];
            while (j < hi) tmp[k++] = a[j++];
        }
        memcpy(a, tmp, n * sizeof *a);
    }
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    size_t n = (size_t)(scale * 4800000);
    if (n < 16) n = 16;
    uint64_t *a = malloc(n * sizeof *a), *tmp = malloc(n * sizeof *tmp);
    uint32_t *perm = malloc(n * sizeof *perm);
    if (!a || !tmp || !perm) return 1;
    for (size_t i = 0; i < n; i++) a[i] = next();
    merge_sort(a, tmp, n);
    uint64_t sum = 0;
    for (size_t i = 1; i < n; i++) {
        if (a[i - 1] > a[i]) { puts("not sorted"); return 2; }
        sum += a[i] * i;
    }
    /* Sattolo's algorithm: one cycle through all n slots. */
    for (size_t i = 0; i < n; i++) perm[i] = (uint32_t)i;
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = next() % i;
        uint32_t t = perm[i]; perm[i] = perm[j]; perm[j] = t;
    }
    uint32_t p = 0;
    uint64_t chase = 0;
    for (size_t s = 0; s < 2 * n; s++) { p = perm[p]; chase += p; }
    printf("n %zu min %016llx max %016llx sum %016llx chase %016llx\n", n, (unsigned long long)a[0],
           (unsigned long long)a[n - 1], (unsigned long long)sum, (unsigned long long)chase);
    return 0;
}
