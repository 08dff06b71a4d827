/* ABM, BMI1, BMI2, ADX and MOVBE: every instruction in its 32- and 64-bit forms (16-bit where it
   exists) over edge and fixed-seed random operands, register and memory sources, with the flags
   each one defines under both input flag states. Run with "all" to print every flag (the ones the
   manuals leave undefined follow the AMD host). */
#pragma GCC target("bmi,bmi2,lzcnt,adx,movbe")
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint64_t seed = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed; }

static const uint64_t ev[] = { 0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff,
                               0x80000000, 0xffffffff, 0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull,
                               ~0ull, 0x0123456789abcdefull, 0xf0f0f0f00f0f0f0full, 0x0000ff0000ff0000ull };
#define NEV (sizeof ev / sizeof ev[0])
static int g_all;

/* Control operands for BEXTR/BZHI/shift counts: starts, lengths and counts around the widths. */
static const uint64_t ctl[] = { 0, 1, 4, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 127, 255, 256, 0x0804, 0x1008, 0x2000,
                                0x201f, 0x4000, 0x3f01, 0x0120, 0xff00, 0x40ff, 0xffffffffffffff05ull };
#define NCTL (sizeof ctl / sizeof ctl[0])

#define FL_ALL 0x8d5
#define RUN(name, defined, insn, d0, s1, s2)                                                             \
    do {                                                                                                 \
        for (int fi = 0; fi < 2; fi++) {                                                                 \
            uint64_t d = (d0), f, fin = fi ? 0x8d5 : 0, x = (s1), y = (s2);                              \
            __asm__ volatile("sub $128, %%rsp\n\tpush %[fin]\n\tpopfq\n\t" insn "\n\tpushfq\n\tpop %[f]\n\tadd $128, %%rsp" \
                             : [d] "+&r"(d), [f] "=&r"(f)                                                \
                             : [x] "r"(x), [y] "r"(y), [fin] "r"(fin), [px] "r"(&x)                       \
                             : "cc", "rdx", "memory");                                                          \
            printf("%-8s %llx %llx -> %llx %03llx\n", name, (unsigned long long)x, (unsigned long long)y, \
                   (unsigned long long)d, (unsigned long long)(f & (g_all ? FL_ALL : (defined))));       \
        }                                                                                                \
    } while (0)

#define CF 0x1
#define ZF 0x40
#define SF 0x80
#define OF 0x800

int main(int argc, char **argv) {
    g_all = argc > 1 && strcmp(argv[argc - 1], "all") == 0;
    uint64_t v[40];
    for (unsigned i = 0; i < 40; i++) v[i] = i < NEV ? ev[i] : rnd();
    for (unsigned i = 0; i < 40; i++) {
        uint64_t a = v[i], b = v[(i * 7 + 5) % 40], c = ctl[i % NCTL];
        RUN("lzcnt64", CF | ZF, "lzcnt %[x], %[d]", ~0ull, a, 0);
        RUN("lzcnt32", CF | ZF, "lzcnt %k[x], %k[d]", ~0ull, a, 0);
        RUN("lzcnt16", CF | ZF, "lzcnt %w[x], %w[d]", ~0ull, a, 0);
        RUN("tzcnt64", CF | ZF, "tzcnt %[x], %[d]", ~0ull, a, 0);
        RUN("tzcnt32", CF | ZF, "tzcnt %k[x], %k[d]", ~0ull, a, 0);
        RUN("tzcnt16", CF | ZF, "tzcnt %w[x], %w[d]", ~0ull, a, 0);
        RUN("tzcnt.m", CF | ZF, "tzcnt (%[px]), %[d]", ~0ull, a, 0);
        RUN("repbsf", CF | ZF, "rep bsf %[x], %[d]", ~0ull, a, 0);
        RUN("andn64", CF | ZF | SF | OF, "andn %[y], %[x], %[d]", 0, a, b);
        RUN("andn32", CF | ZF | SF | OF, "andn %k[y], %k[x], %k[d]", ~0ull, a, b);
        RUN("andn.m", CF | ZF | SF | OF, "andn (%[px]), %[y], %[d]", 0, a, b);
        RUN("bextr64", CF | ZF | OF, "bextr %[y], %[x], %[d]", 0, a, c);
        RUN("bextr32", CF | ZF | OF, "bextr %k[y], %k[x], %k[d]", ~0ull, a, c);
        RUN("bextr.m", CF | ZF | OF, "bextr %[y], (%[px]), %[d]", 0, a, c);
        RUN("blsi64", CF | ZF | SF | OF, "blsi %[x], %[d]", 0, a, 0);
        RUN("blsi32", CF | ZF | SF | OF, "blsi %k[x], %k[d]", ~0ull, a, 0);
        RUN("blsmsk64", CF | ZF | SF | OF, "blsmsk %[x], %[d]", 0, a, 0);
        RUN("blsmsk32", CF | ZF | SF | OF, "blsmsk %k[x], %k[d]", ~0ull, a, 0);
        RUN("blsr64", CF | ZF | SF | OF, "blsr %[x], %[d]", 0, a, 0);
        RUN("blsr32", CF | ZF | SF | OF, "blsr %k[x], %k[d]", ~0ull, a, 0);
        RUN("blsr.m", CF | ZF | SF | OF, "blsr (%[px]), %[d]", 0, a, 0);
        RUN("bzhi64", CF | ZF | SF | OF, "bzhi %[y], %[x], %[d]", 0, a, c);
        RUN("bzhi32", CF | ZF | SF | OF, "bzhi %k[y], %k[x], %k[d]", ~0ull, a, c);
        RUN("pdep64", 0, "pdep %[y], %[x], %[d]", 0, a, b);
        RUN("pdep32", 0, "pdep %k[y], %k[x], %k[d]", ~0ull, a, b);
        RUN("pext64", 0, "pext %[y], %[x], %[d]", 0, a, b);
        RUN("pext32", 0, "pext %k[y], %k[x], %k[d]", ~0ull, a, b);
        RUN("pext.m", 0, "pext (%[px]), %[y], %[d]", 0, a, b);
        RUN("rorx64", 0, "rorx $13, %[x], %[d]", 0, a, 0);
        RUN("rorx32", 0, "rorx $45, %k[x], %k[d]", ~0ull, a, 0);
        RUN("sarx64", 0, "sarx %[y], %[x], %[d]", 0, a, c);
        RUN("sarx32", 0, "sarx %k[y], %k[x], %k[d]", ~0ull, a, c);
        RUN("shlx64", 0, "shlx %[y], %[x], %[d]", 0, a, c);
        RUN("shlx32", 0, "shlx %k[y], %k[x], %k[d]", ~0ull, a, c);
        RUN("shrx64", 0, "shrx %[y], %[x], %[d]", 0, a, c);
        RUN("shrx32", 0, "shrx %k[y], %k[x], %k[d]", ~0ull, a, c);
        RUN("shrx.m", 0, "shrx %[y], (%[px]), %[d]", 0, a, c);
        RUN("mulx64", 0, "mov %[y], %%rdx\n\tmulx %[x], %%rdx, %[d]\n\txor %%rdx, %[d]", 0, a, b);
        RUN("mulx64h", 0, "mov %[y], %%rdx\n\tmulx %[x], %[d], %%rdx\n\txor %%rdx, %[d]", 0, a, b);
        RUN("mulx32", 0, "mov %[y], %%rdx\n\tmulx %k[x], %%edx, %k[d]\n\tshl $32, %[d]\n\tor %%rdx, %[d]", 0, a, b);
        RUN("mulxsame", 0, "mov %[y], %%rdx\n\tmulx %[x], %[d], %[d]", 0, a, b);
        RUN("mulx.m", 0, "mov %[y], %%rdx\n\tmulx (%[px]), %%rdx, %[d]\n\tadd %%rdx, %[d]", 0, a, b);
        RUN("adcx64", FL_ALL, "adcx %[x], %[d]", b, a, 0);
        RUN("adcx32", FL_ALL, "adcx %k[x], %k[d]", b, a, 0);
        RUN("adox64", FL_ALL, "adox %[x], %[d]", b, a, 0);
        RUN("adox32", FL_ALL, "adox %k[x], %k[d]", b, a, 0);
        RUN("adcx.m", FL_ALL, "adcx (%[px]), %[d]", b, a, 0);
        RUN("movbe64", FL_ALL, "movbe (%[px]), %[d]", b, a, 0);
        RUN("movbe32", FL_ALL, "movbe (%[px]), %k[d]", b, a, 0);
        RUN("movbe16", FL_ALL, "movbe (%[px]), %w[d]", b, a, 0);
    }
    /* MOVBE stores, and an ADCX/ADOX chain as multi-precision code uses them. */
    uint64_t m[4] = { ~0ull, ~0ull, ~0ull, ~0ull };
    uint64_t a = 0x0123456789abcdefull;
    __asm__ volatile("movbe %[a], %[m0]\n\tmovbe %k[a], %[m1]\n\tmovbe %w[a], %[m2]"
                     : [m0] "=m"(m[0]), [m1] "=m"(*(uint32_t *)&m[1]), [m2] "=m"(*(uint16_t *)&m[2]) : [a] "r"(a));
    printf("movbe.st %llx %llx %llx %llx\n", (unsigned long long)m[0], (unsigned long long)m[1], (unsigned long long)m[2], (unsigned long long)m[3]);
    uint64_t x[4] = { ~0ull, ~0ull, 5, ~0ull }, y[4] = { 1, 0, ~0ull, ~0ull }, z[4];
    uint64_t w[4] = { 0x8000000000000000ull, ~0ull, 3, 9 };
    __asm__ volatile("xor %%eax, %%eax\n\t"
                     "mov 0(%[x]), %%rax\n\tadcx 0(%[y]), %%rax\n\tadox 0(%[w]), %%rax\n\tmov %%rax, 0(%[z])\n\t"
                     "mov 8(%[x]), %%rax\n\tadcx 8(%[y]), %%rax\n\tadox 8(%[w]), %%rax\n\tmov %%rax, 8(%[z])\n\t"
                     "mov 16(%[x]), %%rax\n\tadcx 16(%[y]), %%rax\n\tadox 16(%[w]), %%rax\n\tmov %%rax, 16(%[z])\n\t"
                     "mov 24(%[x]), %%rax\n\tadcx 24(%[y]), %%rax\n\tadox 24(%[w]), %%rax\n\tmov %%rax, 24(%[z])\n\t"
                     : : [x] "r"(x), [y] "r"(y), [w] "r"(w), [z] "r"(z) : "rax", "cc", "memory");
    printf("adx.chain %llx %llx %llx %llx\n", (unsigned long long)z[0], (unsigned long long)z[1], (unsigned long long)z[2], (unsigned long long)z[3]);
    /* Compiler-generated uses. */
    unsigned long long s = 0;
    for (unsigned i = 0; i < 200; i++) {
        uint64_t p = rnd(), q = rnd() | 1;
        s += (unsigned)__builtin_ctzll(q) + (unsigned)__builtin_clzll(q) + (unsigned)__builtin_ctz((unsigned)p | 0x80000000u);
        s ^= (p & ~q) + (p & (0 - p)) + (p >> (q & 63)) + (p << (q & 31));
        s += ((unsigned __int128)p * q) >> 64;
    }
    printf("compiled %llx\n", s);
    return 0;
}
