/* XADD, CMPXCHG (register and memory destinations, with and without LOCK), CMPXCHG8B and
 * CMPXCHG16B, at every width, with equal and unequal comparisons. Prints registers, memory and the
 * defined flags (XADD/CMPXCHG: all six as ADD/CMP; CMPXCHG8B/16B: ZF, the rest unchanged). */
#include "isa_int.h"

static uint64_t g_mem[2] __attribute__((aligned(16)));

struct xr {
    uint64_t a, b, c, d, f;
};

typedef void (*x_fn)(struct xr *r, uint64_t fin);

/* a: RAX, b: the register source, c: the register destination (or unused), memory in g_mem. */
#define DEF_X(name, insn)                                                                   \
    static void name(struct xr *r, uint64_t fin)                                           \
    {                                                                                       \
        uint64_t a = r->a, b = r->b, c = r->c, f;                                           \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : "+a"(a), [b] "+r"(b), [c] "+r"(c), [fout] "=&r"(f)                   \
                     : [fin] "r"(fin), [p] "r"(g_mem)                                       \
                     : "cc", "memory");                                                     \
        r->a = a;                                                                           \
        r->b = b;                                                                           \
        r->c = c;                                                                           \
        r->f = f;                                                                           \
    }

#define DEF_X4(op, pre)                                       \
    DEF_X(pre##op##8, #pre " " #op "b %b[b],%b[c]")           \
    DEF_X(pre##op##16, #pre " " #op "w %w[b],%w[c]")          \
    DEF_X(pre##op##32, #pre " " #op "l %k[b],%k[c]")          \
    DEF_X(pre##op##64, #pre " " #op "q %q[b],%q[c]")          \
    DEF_X(pre##op##m8, #pre " " #op "b %b[b],(%[p])")         \
    DEF_X(pre##op##m16, #pre " " #op "w %w[b],(%[p])")        \
    DEF_X(pre##op##m32, #pre " " #op "l %k[b],(%[p])")        \
    DEF_X(pre##op##m64, #pre " " #op "q %q[b],(%[p])")

DEF_X4(xadd, )
DEF_X4(cmpxchg, )
DEF_X(lockxaddm32, "lock xaddl %k[b],(%[p])")
DEF_X(lockxaddm64, "lock xaddq %q[b],(%[p])")
DEF_X(lockcmpxchgm8, "lock cmpxchgb %b[b],(%[p])")
DEF_X(lockcmpxchgm64, "lock cmpxchgq %q[b],(%[p])")
/* Same register as source and destination. */
DEF_X(xaddsame32, "xaddl %k[b],%k[b]")
DEF_X(cmpxchgsame64, "cmpxchgq %q[b],%q[b]")

struct op {
    const char *name;
    x_fn fn;
    int bits;
    int cmp;
};

#define OPS(op, cmp)                                                                                        \
    {#op "8", op##8, 8, cmp}, {#op "16", op##16, 16, cmp}, {#op "32", op##32, 32, cmp},                     \
    {#op "64", op##64, 64, cmp}, {#op "m8", op##m8, 8, cmp}, {#op "m16", op##m16, 16, cmp},                 \
    {#op "m32", op##m32, 32, cmp}, {#op "m64", op##m64, 64, cmp}

static const struct op k_ops[] = {
    OPS(xadd, 0), OPS(cmpxchg, 1),
    {"lockxaddm32", lockxaddm32, 32, 0}, {"lockxaddm64", lockxaddm64, 64, 0},
    {"lockcmpxchgm8", lockcmpxchgm8, 8, 1}, {"lockcmpxchgm64", lockcmpxchgm64, 64, 1},
    {"xaddsame32", xaddsame32, 32, 0}, {"cmpxchgsame64", cmpxchgsame64, 64, 1},
};

static void test_x(void)
{
    for (unsigned i = 0; i < sizeof k_ops / sizeof k_ops[0]; i++) {
        const struct op *o = &k_ops[i];
        for (int x = 0; x < N_EDGE; x += 3) {
            for (int y = 0; y < N_EDGE; y += 2) {
                for (int eq = 0; eq < 2; eq++) {
                    uint64_t dst = k_edge[x] ^ 0x5a00;
                    /* Equal case: RAX matches the destination in the compared width (upper bits differ). */
                    struct xr r = {eq ? (o->bits == 64 ? dst : dst ^ 0xf0f0000000000000ull) : rnd(), k_edge[y], dst, 0, 0};
                    if (o->bits == 8 && !eq) r.a = dst ^ 1;
                    g_mem[0] = dst;
                    g_mem[1] = 0x7777;
                    struct xr in = r;
                    o->fn(&r, (x + y + eq) & 1 ? FIN_SET : FIN_CLEAR);
                    out_str(o->name);
                    out_char(' ');
                    out_val(in.a);
                    out_val(in.b);
                    out_val(in.c);
                    out_val(r.a);
                    out_val(r.b);
                    out_val(r.c);
                    out_val(g_mem[0]);
                    out_val(g_mem[1]);
                    out_flags(r.f, F_ARITH);
                    out_nl();
                }
            }
        }
    }
}

static void test_cx8_16(void)
{
    for (int k = 0; k < 16; k++) {
        uint64_t m0 = k < 8 ? k_edge[k * 2] : rnd(), m1 = rnd();
        int eq = k & 1, low_only = k & 2;
        for (int wide = 0; wide < 2; wide++) {
            g_mem[0] = m0;
            g_mem[1] = m1;
            uint64_t a, d, b = rnd(), c = rnd(), f;
            if (wide) {
                a = eq || low_only ? m0 : m0 ^ 4;
                d = eq ? m1 : m1 ^ 0x100;
            } else {
                /* EDX:EAX against the low quadword; the upper halves of RAX/RDX are ignored. */
                a = (eq || low_only ? (uint32_t)m0 : (uint32_t)m0 ^ 8) | 0xdead000000000000ull;
                d = (eq ? m0 >> 32 : (m0 >> 32) ^ 2) | 0xbeef000000000000ull;
            }
            uint64_t fin = (k >> 2) & 1 ? FIN_SET : FIN_CLEAR;
            uint64_t a0 = a, d0 = d;
            if (wide)
                asm volatile(ASM_IN "lock cmpxchg16b (%[p])" ASM_OUT
                             : "+a"(a), "+d"(d), [fout] "=&r"(f)
                             : "b"(b), "c"(c), [fin] "r"(fin), [p] "r"(g_mem)
                             : "cc", "memory");
            else
                asm volatile(ASM_IN "cmpxchg8b (%[p])" ASM_OUT
                             : "+a"(a), "+d"(d), [fout] "=&r"(f)
                             : "b"(b), "c"(c), [fin] "r"(fin), [p] "r"(g_mem)
                             : "cc", "memory");
            out_str(wide ? "cmpxchg16b " : "cmpxchg8b ");
            out_val(a0);
            out_val(d0);
            out_val(b);
            out_val(c);
            out_val(a);
            out_val(d);
            out_val(g_mem[0]);
            out_val(g_mem[1]);
            out_flags(f, F_ARITH);
            out_nl();
        }
    }
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    test_x();
    test_cx8_16();
    out_finish();
    return 0;
}
