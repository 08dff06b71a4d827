/* MUL, IMUL (1-, 2- and 3-operand), DIV, IDIV at every width, register and memory sources, over
 * edge and random operands. Divisions that would fault are skipped here (isa_int_sigfpe*.c cover
 * them). Prints RAX/RDX (or the destination) in full and the defined flags (CF/OF for multiplies;
 * none for divides). */
#include "isa_int.h"

struct regs {
    uint64_t a, d, f;
};

typedef void (*wide_fn)(struct regs *r, uint64_t s, uint64_t fin);

static uint64_t g_mem;

/* One-operand forms: RAX/RDX in and out, source in a register or in memory. */
#define DEF_W(name, insn)                                                                   \
    static void name(struct regs *r, uint64_t s, uint64_t fin)                             \
    {                                                                                       \
        uint64_t a = r->a, d = r->d, f;                                                     \
        g_mem = s;                                                                          \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : "+a"(a), "+d"(d), [fout] "=&r"(f)                                    \
                     : [s] "r"(s), [fin] "r"(fin), [p] "r"(&g_mem)                          \
                     : "cc", "memory");                                                     \
        r->a = a;                                                                           \
        r->d = d;                                                                           \
        r->f = f;                                                                           \
    }

#define DEF_W4(op)                                  \
    DEF_W(op##8, #op "b %b[s]")                     \
    DEF_W(op##16, #op "w %w[s]")                    \
    DEF_W(op##32, #op "l %k[s]")                    \
    DEF_W(op##64, #op "q %q[s]")                    \
    DEF_W(op##m8, #op "b (%[p])")                   \
    DEF_W(op##m16, #op "w (%[p])")                  \
    DEF_W(op##m32, #op "l (%[p])")                  \
    DEF_W(op##m64, #op "q (%[p])")

DEF_W4(mul)
DEF_W4(imul)
DEF_W4(div)
DEF_W4(idiv)

/* Two- and three-operand IMUL: the destination comes back in r->a (RDX untouched). */
#define DEF_I(name, insn)                                                                   \
    static void name(struct regs *r, uint64_t s, uint64_t fin)                             \
    {                                                                                       \
        uint64_t x = r->a, f;                                                               \
        g_mem = s;                                                                          \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [x] "+r"(x), [fout] "=&r"(f)                                         \
                     : [s] "r"(s), [fin] "r"(fin), [p] "r"(&g_mem)                          \
                     : "cc", "memory");                                                     \
        r->a = x;                                                                           \
        r->f = f;                                                                           \
    }

DEF_I(imul2_16, "imulw %w[s],%w[x]")
DEF_I(imul2_32, "imull %k[s],%k[x]")
DEF_I(imul2_64, "imulq %q[s],%q[x]")
DEF_I(imul2m16, "imulw (%[p]),%w[x]")
DEF_I(imul2m32, "imull (%[p]),%k[x]")
DEF_I(imul2m64, "imulq (%[p]),%q[x]")
/* Three-operand forms: the multiplicand is the source, the factor an immediate; x is only written. */
DEF_I(imul3_16_i8, "imulw $-3,%w[s],%w[x]")
DEF_I(imul3_16_i16, "imulw $0x7123,%w[s],%w[x]")
DEF_I(imul3_32_i8, "imull $127,%k[s],%k[x]")
DEF_I(imul3_32_i32, "imull $-0x12345678,%k[s],%k[x]")
DEF_I(imul3_64_i8, "imulq $-128,%q[s],%q[x]")
DEF_I(imul3_64_i32, "imulq $0x7fffffff,%q[s],%q[x]")
DEF_I(imul3m32_i8, "imull $-1,(%[p]),%k[x]")
DEF_I(imul3m64_i32, "imulq $0x40000001,(%[p]),%q[x]")

enum kind { MUL, IMUL, DIV, IDIV };

struct op {
    const char *name;
    wide_fn fn;
    int bits;
    enum kind kind;
};

#define OPS8(op, k)                                                                                          \
    {#op "8", op##8, 8, k}, {#op "16", op##16, 16, k}, {#op "32", op##32, 32, k}, {#op "64", op##64, 64, k}, \
    {#op "m8", op##m8, 8, k}, {#op "m16", op##m16, 16, k}, {#op "m32", op##m32, 32, k},                    \
    {#op "m64", op##m64, 64, k}

static const struct op k_ops[] = {
    OPS8(mul, MUL), OPS8(imul, IMUL), OPS8(div, DIV), OPS8(idiv, IDIV),
    {"imul2_16", imul2_16, 16, IMUL}, {"imul2_32", imul2_32, 32, IMUL}, {"imul2_64", imul2_64, 64, IMUL},
    {"imul2m16", imul2m16, 16, IMUL}, {"imul2m32", imul2m32, 32, IMUL}, {"imul2m64", imul2m64, 64, IMUL},
    {"imul3_16_i8", imul3_16_i8, 16, IMUL}, {"imul3_16_i16", imul3_16_i16, 16, IMUL},
    {"imul3_32_i8", imul3_32_i8, 32, IMUL}, {"imul3_32_i32", imul3_32_i32, 32, IMUL},
    {"imul3_64_i8", imul3_64_i8, 64, IMUL}, {"imul3_64_i32", imul3_64_i32, 64, IMUL},
    {"imul3m32_i8", imul3m32_i8, 32, IMUL}, {"imul3m64_i32", imul3m64_i32, 64, IMUL},
};

static int64_t sext(uint64_t v, int bits)
{
    return bits == 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
}

/* Whether DIV/IDIV of RDX:RAX (as the width sees it) by s would raise #DE. */
static int divide_faults(const struct op *o, uint64_t a, uint64_t d, uint64_t s)
{
    int bits = o->bits;
    uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
    if ((s & m) == 0) return 1;
    unsigned __int128 n;
    if (bits == 8) n = a & 0xffff;
    else n = ((unsigned __int128)(d & m) << bits) | (a & m);
    if (o->kind == DIV) {
        unsigned __int128 q = n / (s & m);
        return q > m;
    }
    __int128 sn;
    if (bits == 64) sn = (__int128)n;
    else {
        int nb = 2 * bits;
        sn = nb == 64 ? (__int128)(int64_t)(uint64_t)n : (__int128)sext((uint64_t)n, nb);
    }
    __int128 sd = sext(s, bits);
    if (sd == -1 && bits == 64 && sn == (__int128)((unsigned __int128)1 << 127)) return 1;
    __int128 q = sn / sd;
    __int128 lim = (__int128)1 << (bits - 1);
    return q < -lim || q >= lim;
}

static void run(const struct op *o, uint64_t a, uint64_t d, uint64_t s, uint64_t fin)
{
    int is_div = o->kind == DIV || o->kind == IDIV;
    if (is_div && divide_faults(o, a, d, s)) return;
    struct regs r = {a, d, 0};
    o->fn(&r, s, fin);
    out_str(o->name);
    out_char(' ');
    out_val(a);
    out_val(d);
    out_val(s);
    out_val(r.a);
    out_val(r.d);
    out_flags(r.f, is_div ? 0 : F_CF | F_OF);
    out_nl();
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    for (unsigned i = 0; i < sizeof k_ops / sizeof k_ops[0]; i++) {
        const struct op *o = &k_ops[i];
        int is_div = o->kind == DIV || o->kind == IDIV;
        int is_mem = 0;
        for (int c = 2; o->name[c]; c++)
            if (o->name[c] == 'm' && o->name[c + 1] >= '0' && o->name[c + 1] <= '9') is_mem = 1;
        /* Edge operands, printed (memory forms share the register forms' code: fewer rows). */
        for (int x = 0; x < N_EDGE; x++) {
            if (is_mem && x % 4) continue;
            for (int y = (x & 1); y < N_EDGE; y += 2) {
                uint64_t a = k_edge[x], s = k_edge[y];
                /* Divides: a small RDX so that most quotients fit, or another edge value. */
                uint64_t d = is_div ? (y & 2 ? k_edge[(x * 7 + y) % N_EDGE] : (uint64_t)x) : ~a;
                run(o, a, d, s, (x ^ (y >> 1)) & 1 ? FIN_SET : FIN_CLEAR);
            }
        }
        /* Random operands, checksum only. */
        g_quiet = 1;
        for (int k = 0; k < 300; k++) {
            uint64_t a = rnd(), s = rnd() >> (k % 64), d = is_div ? rnd() >> (k % 64) : rnd();
            run(o, a, d, s, k & 1 ? FIN_SET : FIN_CLEAR);
        }
        g_quiet = 0;
    }
    out_finish();
    return 0;
}
