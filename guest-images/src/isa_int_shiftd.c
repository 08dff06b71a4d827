/* Double shifts SHLD/SHRD at 16/32/64 bits, CL and immediate counts, register and memory
 * destinations; prints results and the defined flags. */
#include "isa_int.h"

typedef uint64_t (*dshift_fn)(uint64_t a, uint64_t b, uint64_t c, uint64_t fin, uint64_t *fout);

static uint64_t g_mem;

#define DEF_R(name, insn)                                                                   \
    static uint64_t name(uint64_t a, uint64_t b, uint64_t c, uint64_t fin, uint64_t *fout)  \
    {                                                                                       \
        uint64_t f;                                                                         \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [x] "+r"(a), [fout] "=&r"(f)                                         \
                     : [y] "r"(b), "c"(c), [fin] "r"(fin)                                   \
                     : "cc", "memory");                                                     \
        *fout = f;                                                                          \
        return a;                                                                           \
    }

#define DEF_M(name, insn)                                                                   \
    static uint64_t name(uint64_t a, uint64_t b, uint64_t c, uint64_t fin, uint64_t *fout)  \
    {                                                                                       \
        uint64_t f;                                                                         \
        g_mem = a;                                                                          \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [fout] "=&r"(f)                                                      \
                     : [y] "r"(b), "c"(c), [fin] "r"(fin), [p] "r"(&g_mem)                  \
                     : "cc", "memory");                                                     \
        *fout = f;                                                                          \
        return g_mem;                                                                       \
    }

DEF_R(shld16, "shldw %%cl,%w[y],%w[x]")
DEF_R(shld32, "shldl %%cl,%k[y],%k[x]")
DEF_R(shld64, "shldq %%cl,%q[y],%q[x]")
DEF_R(shrd16, "shrdw %%cl,%w[y],%w[x]")
DEF_R(shrd32, "shrdl %%cl,%k[y],%k[x]")
DEF_R(shrd64, "shrdq %%cl,%q[y],%q[x]")
DEF_M(shldm16, "shldw %%cl,%w[y],(%[p])")
DEF_M(shldm32, "shldl %%cl,%k[y],(%[p])")
DEF_M(shldm64, "shldq %%cl,%q[y],(%[p])")
DEF_M(shrdm16, "shrdw %%cl,%w[y],(%[p])")
DEF_M(shrdm32, "shrdl %%cl,%k[y],(%[p])")
DEF_M(shrdm64, "shrdq %%cl,%q[y],(%[p])")
DEF_R(shld1_32, "shldl $1,%k[y],%k[x]")
DEF_R(shld13_64, "shldq $13,%q[y],%q[x]")
DEF_R(shrd1_16, "shrdw $1,%w[y],%w[x]")
DEF_R(shrd33_64, "shrdq $33,%q[y],%q[x]")
DEF_M(shrdm5_32, "shrdl $5,%k[y],(%[p])")

struct op {
    const char *name;
    dshift_fn fn;
    int bits;
    int imm; /* -1: count from CL */
};

static const struct op k_ops[] = {
    {"shld16", shld16, 16, -1}, {"shld32", shld32, 32, -1}, {"shld64", shld64, 64, -1},
    {"shrd16", shrd16, 16, -1}, {"shrd32", shrd32, 32, -1}, {"shrd64", shrd64, 64, -1},
    {"shldm16", shldm16, 16, -1}, {"shldm32", shldm32, 32, -1}, {"shldm64", shldm64, 64, -1},
    {"shrdm16", shrdm16, 16, -1}, {"shrdm32", shrdm32, 32, -1}, {"shrdm64", shrdm64, 64, -1},
    {"shld1_32", shld1_32, 32, 1}, {"shld13_64", shld13_64, 64, 13}, {"shrd1_16", shrd1_16, 16, 1},
    {"shrd33_64", shrd33_64, 64, 33}, {"shrdm5_32", shrdm5_32, 32, 5},
};

static const uint64_t k_counts[] = {0, 1, 2, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64};

static void run(const struct op *o, uint64_t a, uint64_t b, uint64_t c)
{
    unsigned n = (unsigned)c & (o->bits == 64 ? 63 : 31);
    /* A 16-bit count above 16 leaves result and flags undefined. */
    if (n > (unsigned)o->bits && !g_all_flags) return;
    uint64_t mask = F_ARITH;
    if (n != 0) {
        mask &= ~(uint64_t)F_AF;
        if (n != 1) mask &= ~(uint64_t)F_OF;
    }
    for (int cf = 0; cf < 2; cf++) {
        uint64_t f, r = o->fn(a, b, c, cf ? FIN_SET : FIN_CLEAR, &f);
        out_str(o->name);
        out_char(' ');
        out_val(a);
        out_val(b);
        out_val(c);
        out_val(cf);
        out_val(r);
        out_flags(f, mask);
        out_nl();
    }
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    static const uint64_t pairs[][2] = {
        {0, 0}, {0, ~0ull}, {~0ull, 0}, {1, 0x8000000000000000ull}, {0x8000000000000000ull, 1},
        {0x0123456789abcdefull, 0xfedcba9876543210ull}, {0x4000400040004000ull, 0xc000c000c000c000ull},
        {0x7fff7fff7fffffffull, 0x8000800080008000ull},
    };
    for (unsigned i = 0; i < sizeof k_ops / sizeof k_ops[0]; i++) {
        const struct op *o = &k_ops[i];
        for (unsigned v = 0; v < sizeof pairs / sizeof pairs[0] + 4; v++) {
            uint64_t a, b;
            if (v < sizeof pairs / sizeof pairs[0]) {
                a = pairs[v][0];
                b = pairs[v][1];
            } else {
                a = rnd();
                b = rnd();
            }
            if (o->imm >= 0) {
                run(o, a, b, (uint64_t)o->imm);
                continue;
            }
            for (unsigned k = 0; k < sizeof k_counts / sizeof k_counts[0]; k++) {
                g_quiet = (v + k) % 2 != 0;
                run(o, a, b, k_counts[k]);
            }
            g_quiet = 0;
        }
    }
    out_finish();
    return 0;
}
