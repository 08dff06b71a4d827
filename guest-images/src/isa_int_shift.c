/* Shifts and rotates at every width, register/memory/immediate/CL forms, over edge counts and
 * values, with CF clear and set on input; prints results and the defined flags. */
#include "isa_int.h"

typedef uint64_t (*shift_fn)(uint64_t a, uint64_t c, uint64_t fin, uint64_t *fout);

static uint64_t g_mem;

#define DEF_R(name, insn)                                                                   \
    static uint64_t name(uint64_t a, uint64_t c, uint64_t fin, uint64_t *fout)              \
    {                                                                                       \
        uint64_t f;                                                                         \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [x] "+r"(a), [fout] "=&r"(f)                                         \
                     : "c"(c), [fin] "r"(fin)                                               \
                     : "cc", "memory");                                                     \
        *fout = f;                                                                          \
        return a;                                                                           \
    }

#define DEF_M(name, insn)                                                                   \
    static uint64_t name(uint64_t a, uint64_t c, uint64_t fin, uint64_t *fout)              \
    {                                                                                       \
        uint64_t f;                                                                         \
        g_mem = a;                                                                          \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [fout] "=&r"(f)                                                      \
                     : "c"(c), [fin] "r"(fin), [p] "r"(&g_mem)                              \
                     : "cc", "memory");                                                     \
        *fout = f;                                                                          \
        return g_mem;                                                                       \
    }

#define DEF_OP(op)                                          \
    DEF_R(op##8, #op "b %%cl,%b[x]")                        \
    DEF_R(op##16, #op "w %%cl,%w[x]")                       \
    DEF_R(op##32, #op "l %%cl,%k[x]")                       \
    DEF_R(op##64, #op "q %%cl,%q[x]")                       \
    DEF_M(op##m8, #op "b %%cl,(%[p])")                      \
    DEF_M(op##m16, #op "w %%cl,(%[p])")                     \
    DEF_M(op##m32, #op "l %%cl,(%[p])")                     \
    DEF_M(op##m64, #op "q %%cl,(%[p])")

DEF_OP(shl)
DEF_OP(shr)
DEF_OP(sar)
DEF_OP(rol)
DEF_OP(ror)
DEF_OP(rcl)
DEF_OP(rcr)

/* Immediate and shift-by-one encodings (count fixed by the encoding; c is ignored). */
DEF_R(shl1_32, "shll $1,%k[x]")
DEF_R(shl5_8, "shlb $5,%b[x]")
DEF_R(shl31_32, "shll $31,%k[x]")
DEF_R(shl32_32, "shll $32,%k[x]")
DEF_R(shr1_64, "shrq $1,%q[x]")
DEF_R(shr63_64, "shrq $63,%q[x]")
DEF_R(sar1_16, "sarw $1,%w[x]")
DEF_R(sar9_16, "sarw $9,%w[x]")
DEF_R(rol1_8, "rolb $1,%b[x]")
DEF_R(rol4_8, "rolb $4,%b[x]")
DEF_R(ror1_64, "rorq $1,%q[x]")
DEF_R(ror17_32, "rorl $17,%k[x]")
DEF_R(rcl1_32, "rcll $1,%k[x]")
DEF_R(rcl3_16, "rclw $3,%w[x]")
DEF_R(rcr1_8, "rcrb $1,%b[x]")
DEF_R(rcr40_64, "rcrq $40,%q[x]")
DEF_M(sarm1_32, "sarl $1,(%[p])")
DEF_M(shlm7_64, "shlq $7,(%[p])")
DEF_M(rolm3_16, "rolw $3,(%[p])")

enum kind { SHL, SHR, SAR, ROT };

struct op {
    const char *name;
    shift_fn fn;
    int bits;
    enum kind kind;
    int imm; /* -1: count from CL */
};

#define OPS4(op, k)                                                                                  \
    {#op "8", op##8, 8, k, -1}, {#op "16", op##16, 16, k, -1}, {#op "32", op##32, 32, k, -1},        \
    {#op "64", op##64, 64, k, -1}, {#op "m8", op##m8, 8, k, -1}, {#op "m16", op##m16, 16, k, -1},    \
    {#op "m32", op##m32, 32, k, -1}, {#op "m64", op##m64, 64, k, -1}

static const struct op k_ops[] = {
    OPS4(shl, SHL), OPS4(shr, SHR), OPS4(sar, SAR), OPS4(rol, ROT), OPS4(ror, ROT), OPS4(rcl, ROT), OPS4(rcr, ROT),
    {"shl1_32", shl1_32, 32, SHL, 1}, {"shl5_8", shl5_8, 8, SHL, 5}, {"shl31_32", shl31_32, 32, SHL, 31},
    {"shl32_32", shl32_32, 32, SHL, 32}, {"shr1_64", shr1_64, 64, SHR, 1}, {"shr63_64", shr63_64, 64, SHR, 63},
    {"sar1_16", sar1_16, 16, SAR, 1}, {"sar9_16", sar9_16, 16, SAR, 9}, {"rol1_8", rol1_8, 8, ROT, 1},
    {"rol4_8", rol4_8, 8, ROT, 4}, {"ror1_64", ror1_64, 64, ROT, 1}, {"ror17_32", ror17_32, 32, ROT, 17},
    {"rcl1_32", rcl1_32, 32, ROT, 1}, {"rcl3_16", rcl3_16, 16, ROT, 3}, {"rcr1_8", rcr1_8, 8, ROT, 1},
    {"rcr40_64", rcr40_64, 64, ROT, 40}, {"sarm1_32", sarm1_32, 32, SAR, 1}, {"shlm7_64", shlm7_64, 64, SHL, 7},
    {"rolm3_16", rolm3_16, 16, ROT, 3},
};

static const uint64_t k_counts[] = {0, 1, 2, 7, 8, 9, 16, 17, 31, 32, 33, 63, 64, 0xff};

/* The flags an instruction defines for this (unmasked) count. */
static uint64_t defined_flags(const struct op *o, uint64_t raw)
{
    unsigned n = (unsigned)raw & (o->bits == 64 ? 63 : 31);
    if (n == 0) return F_ARITH;
    uint64_t m = F_ARITH;
    if (n != 1) m &= ~(uint64_t)F_OF;
    if (o->kind != ROT) m &= ~(uint64_t)F_AF;
    if ((o->kind == SHL || o->kind == SHR) && n >= (unsigned)o->bits) m &= ~(uint64_t)F_CF;
    return m;
}

static void run(const struct op *o, uint64_t a, uint64_t c)
{
    for (int cf = 0; cf < 2; cf++) {
        uint64_t fin = cf ? FIN_SET : FIN_CLEAR, f;
        uint64_t r = o->fn(a, c, fin, &f);
        out_str(o->name);
        out_char(' ');
        out_val(a);
        out_val(o->imm < 0 ? c : (uint64_t)o->imm);
        out_val(cf);
        out_val(r);
        out_flags(f, defined_flags(o, o->imm < 0 ? c : (uint64_t)o->imm));
        out_nl();
    }
}

/* Shift of a legacy high-byte register (AH): only bits 8..15 of RAX change. */
static void high_byte(void)
{
    for (int i = 0; i < N_EDGE; i++) {
        uint64_t a = k_edge[i] ^ 0x1122334455667788ull, f;
        uint64_t c = 3;
        asm volatile(ASM_IN "rolb %%cl,%%ah" ASM_OUT : "+a"(a), [fout] "=&r"(f) : "c"(c), [fin] "r"((uint64_t)FIN_CLEAR) : "cc");
        out_str("rol_ah ");
        out_val(a);
        out_flags(f, F_ARITH & ~F_OF);
        out_nl();
    }
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    uint64_t vals[N_EDGE + 6];
    int nv = 0;
    for (int i = 0; i < N_EDGE; i++) vals[nv++] = k_edge[i];
    for (int i = 0; i < 6; i++) vals[nv++] = rnd();
    for (unsigned i = 0; i < sizeof k_ops / sizeof k_ops[0]; i++) {
        const struct op *o = &k_ops[i];
        for (int v = 0; v < nv; v++) {
            /* The upper garbage shows whether narrow writes merge and 32-bit writes zero-extend. */
            uint64_t a = vals[v];
            if (o->imm >= 0) {
                run(o, a, 0);
                continue;
            }
            /* Memory forms share the register forms' code paths: fewer values suffice. */
            if (o->name[3] == 'm' && v % 3 != 0) continue;
            /* Every combination runs; a third of them are printed, the rest only go into the checksum. */
            for (unsigned k = 0; k < sizeof k_counts / sizeof k_counts[0]; k++) {
                g_quiet = (v + k) % 3 != 0;
                run(o, a, k_counts[k] | 0xa500);
            }
            g_quiet = 0;
        }
    }
    high_byte();
    out_finish();
    return 0;
}
