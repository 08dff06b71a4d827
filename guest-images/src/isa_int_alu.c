/* Two-operand ALU instructions at every width with CF clear and set (ADD, ADC, SUB, SBB, CMP, AND,
 * OR, XOR, TEST, INC, DEC, NEG, NOT), flag instructions (CLC, STC, CMC, CLD, STD, LAHF, SAHF),
 * SETcc/CMOVcc after each, ENTER with nesting levels, and sign extensions. Prints results and the
 * defined flags. */
#include "isa_int.h"

typedef uint64_t (*alu_fn)(uint64_t a, uint64_t b, uint64_t fin, uint64_t *fout);

#define DEF_A(name, insn)                                                                   \
    static uint64_t name(uint64_t a, uint64_t b, uint64_t fin, uint64_t *fout)              \
    {                                                                                       \
        uint64_t f;                                                                         \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [x] "+r"(a), [fout] "=&r"(f)                                         \
                     : [y] "r"(b), [fin] "r"(fin)                                           \
                     : "cc");                                                               \
        *fout = f;                                                                          \
        return a;                                                                           \
    }

#define DEF_A4(op)                                  \
    DEF_A(op##8, #op "b %b[y],%b[x]")               \
    DEF_A(op##16, #op "w %w[y],%w[x]")              \
    DEF_A(op##32, #op "l %k[y],%k[x]")              \
    DEF_A(op##64, #op "q %q[y],%q[x]")

#define DEF_U4(op)                                  \
    DEF_A(op##8, #op "b %b[x]")                     \
    DEF_A(op##16, #op "w %w[x]")                    \
    DEF_A(op##32, #op "l %k[x]")                    \
    DEF_A(op##64, #op "q %q[x]")

DEF_A4(add)
DEF_A4(adc)
DEF_A4(sub)
DEF_A4(sbb)
DEF_A4(cmp)
DEF_A4(and)
DEF_A4(or)
DEF_A4(xor)
DEF_A4(test)
DEF_U4(inc)
DEF_U4(dec)
DEF_U4(neg)
DEF_U4(not)
/* Flag instructions; the result is the flags word itself. */
DEF_A(clc, "clc")
DEF_A(stc, "stc")
DEF_A(cmc, "cmc")
/* LAHF/SAHF work on AH: the operand is bound to RAX. */
#define DEF_AX(name, insn)                                                                  \
    static uint64_t name(uint64_t a, uint64_t b, uint64_t fin, uint64_t *fout)              \
    {                                                                                       \
        uint64_t f;                                                                         \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [x] "+a"(a), [fout] "=&r"(f)                                         \
                     : [y] "r"(b), [fin] "r"(fin)                                           \
                     : "cc");                                                               \
        *fout = f;                                                                          \
        return a;                                                                           \
    }
DEF_AX(lahf, "lahf")
DEF_AX(sahf, "movq %q[y],%q[x]\n\tsahf")
/* ADD then INC: INC keeps ADD's carry. */
DEF_A(add_inc, "addq %q[y],%q[x]\n\tincq %q[x]")
DEF_A(sub_dec_adc, "subl %k[y],%k[x]\n\tdecl %k[x]\n\tadcl $0,%k[x]")
/* CMOV with a false condition still zero-extends a 32-bit destination. */
DEF_A(cmovz32, "cmovzl %k[y],%k[x]")
DEF_A(cmovc64, "cmovcq %q[y],%q[x]")
DEF_A(setl, "cmpq %q[y],%q[x]\n\tsetl %b[x]")
DEF_A(setbe, "cmpl %k[y],%k[x]\n\tsetbe %b[x]")

struct op {
    const char *name;
    alu_fn fn;
    uint64_t mask;
};

#define OPS4(op, m) {#op "8", op##8, m}, {#op "16", op##16, m}, {#op "32", op##32, m}, {#op "64", op##64, m}

static const struct op k_ops[] = {
    OPS4(add, F_ARITH), OPS4(adc, F_ARITH), OPS4(sub, F_ARITH), OPS4(sbb, F_ARITH), OPS4(cmp, F_ARITH),
    OPS4(and, F_ARITH & ~F_AF), OPS4(or, F_ARITH & ~F_AF), OPS4(xor, F_ARITH & ~F_AF), OPS4(test, F_ARITH & ~F_AF),
    OPS4(inc, F_ARITH), OPS4(dec, F_ARITH), OPS4(neg, F_ARITH), OPS4(not, F_ARITH),
    {"clc", clc, F_ARITH}, {"stc", stc, F_ARITH}, {"cmc", cmc, F_ARITH}, {"lahf", lahf, F_ARITH},
    {"sahf", sahf, F_ARITH}, {"add_inc", add_inc, F_ARITH}, {"sub_dec_adc", sub_dec_adc, F_ARITH},
    {"cmovz32", cmovz32, F_ARITH}, {"cmovc64", cmovc64, F_ARITH}, {"setl", setl, F_ARITH}, {"setbe", setbe, F_ARITH},
};

static void test_alu(void)
{
    for (unsigned i = 0; i < sizeof k_ops / sizeof k_ops[0]; i++) {
        const struct op *o = &k_ops[i];
        for (int x = 0; x < N_EDGE; x++) {
            for (int y = 0; y < N_EDGE; y++) {
                if ((x * 3 + y) % 8) continue;
                for (int cf = 0; cf < 2; cf++) {
                    uint64_t f, r = o->fn(k_edge[x], k_edge[y], cf ? FIN_SET : FIN_CLEAR, &f);
                    out_str(o->name);
                    out_char(' ');
                    out_val(k_edge[x]);
                    out_val(k_edge[y]);
                    out_val(cf);
                    out_val(r);
                    out_flags(f, o->mask);
                    out_nl();
                }
            }
        }
    }
}

/* CLD/STD: DF (bit 10) as PUSHF sees it. */
static void test_direction(void)
{
    uint64_t f1, f2;
    asm volatile("lea -128(%%rsp),%%rsp\n\tstd\n\tpushfq\n\tpop %0\n\tcld\n\tpushfq\n\tpop %1\n\tlea 128(%%rsp),%%rsp"
                 : "=r"(f1), "=r"(f2)
                 :
                 : "cc");
    out_str("std_cld ");
    out_val(f1 & 0x400);
    out_val(f2 & 0x400);
    out_nl();
}

/* ENTER size, level on a private stack: prints the frame it builds. */
static uint64_t g_stack[64];

#define DEF_ENTER(name, size, level)                                                        \
    static void name(void)                                                                  \
    {                                                                                       \
        uint64_t rsp_after, rbp_after;                                                      \
        for (int i = 0; i < 64; i++) g_stack[i] = 0x1000 + (uint64_t)i;                     \
        asm volatile("mov %%rsp,%%r8\n\tmov %%rbp,%%r9\n\t"                                 \
                     "lea 448(%[s]),%%rsp\n\tlea 480(%[s]),%%rbp\n\t"                       \
                     "enter $" #size ",$" #level "\n\t"                                     \
                     "mov %%rsp,%[sp]\n\tmov %%rbp,%[bp]\n\t"                               \
                     "mov %%r8,%%rsp\n\tmov %%r9,%%rbp"                                     \
                     : [sp] "=&r"(rsp_after), [bp] "=&r"(rbp_after)                         \
                     : [s] "r"(g_stack)                                                     \
                     : "r8", "r9", "memory");                                               \
        out_str(#name " ");                                                                 \
        out_val(rsp_after - (uint64_t)g_stack);                                             \
        out_val(rbp_after - (uint64_t)g_stack);                                             \
        for (int i = 0; i < 64; i++)                                                        \
            out_val(g_stack[i] >= (uint64_t)g_stack ? g_stack[i] - (uint64_t)g_stack : g_stack[i]); \
        out_nl();                                                                           \
    }

DEF_ENTER(enter_0_0, 0, 0)
DEF_ENTER(enter_24_0, 24, 0)
DEF_ENTER(enter_16_1, 16, 1)
DEF_ENTER(enter_8_3, 8, 3)

static void test_extend(void)
{
    for (int i = 0; i < N_EDGE; i++) {
        uint64_t a = k_edge[i], d = 0x1234, r1 = a, r2 = a, r3 = a, d1 = d, d2 = d, d3 = d;
        asm("cbtw" : "+a"(r1));
        asm("cwtl" : "+a"(r2));
        asm("cltq" : "+a"(r3));
        uint64_t t1 = a, t2 = a, t3 = a;
        asm("cwtd" : "+a"(t1), "+d"(d1));
        asm("cltd" : "+a"(t2), "+d"(d2));
        asm("cqto" : "+a"(t3), "+d"(d3));
        out_str("extend ");
        out_val(a);
        out_val(r1);
        out_val(r2);
        out_val(r3);
        out_val(d1);
        out_val(d2);
        out_val(d3);
        out_nl();
    }
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    (void)rnd;
    test_alu();
    test_direction();
    enter_0_0();
    enter_24_0();
    enter_16_1();
    enter_8_3();
    test_extend();
    out_finish();
    return 0;
}
