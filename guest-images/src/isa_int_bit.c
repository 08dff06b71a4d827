/* BT, BTS, BTR, BTC (register and immediate offsets, register and memory destinations, including
 * register offsets that reach outside the operand in both directions) and BSF, BSR (with zero
 * sources, which leave the destination unchanged), plus GCC's "rep bsf" for nonzero sources.
 * Prints results and the defined flags (CF for BT*, ZF for BSF/BSR). */
#include "isa_int.h"

static uint64_t g_mem;
static uint64_t g_buf[32];

/* ---- BT* with a register destination ---- */

typedef uint64_t (*bt_fn)(uint64_t a, uint64_t off, uint64_t fin, uint64_t *fout);

#define DEF_BT(name, insn)                                                                  \
    static uint64_t name(uint64_t a, uint64_t off, uint64_t fin, uint64_t *fout)            \
    {                                                                                       \
        uint64_t f;                                                                         \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [x] "+r"(a), [fout] "=&r"(f)                                         \
                     : [o] "r"(off), [fin] "r"(fin)                                         \
                     : "cc");                                                               \
        *fout = f;                                                                          \
        return a;                                                                           \
    }

#define DEF_BT3(op)                          \
    DEF_BT(op##16, #op "w %w[o],%w[x]")      \
    DEF_BT(op##32, #op "l %k[o],%k[x]")      \
    DEF_BT(op##64, #op "q %q[o],%q[x]")      \
    DEF_BT(op##i16, #op "w $13,%w[x]")       \
    DEF_BT(op##i32, #op "l $45,%k[x]")       \
    DEF_BT(op##i64, #op "q $63,%q[x]")

DEF_BT3(bt)
DEF_BT3(bts)
DEF_BT3(btr)
DEF_BT3(btc)

/* ---- BT* with a memory destination: base in the middle of g_buf ---- */

#define DEF_BTM(name, insn)                                                                 \
    static uint64_t name(uint64_t a, uint64_t off, uint64_t fin, uint64_t *fout)            \
    {                                                                                       \
        (void)a;                                                                            \
        uint64_t f;                                                                         \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [fout] "=&r"(f)                                                      \
                     : [o] "r"(off), [fin] "r"(fin), [p] "r"(&g_buf[16])                    \
                     : "cc", "memory");                                                     \
        *fout = f;                                                                          \
        return 0;                                                                           \
    }

#define DEF_BTM3(op)                           \
    DEF_BTM(op##m16, #op "w %w[o],(%[p])")     \
    DEF_BTM(op##m32, #op "l %k[o],(%[p])")     \
    DEF_BTM(op##m64, #op "q %q[o],(%[p])")     \
    DEF_BTM(op##mi16, #op "w $21,(%[p])")      \
    DEF_BTM(op##mi32, #op "l $7,(%[p])")       \
    DEF_BTM(op##mi64, #op "q $200,(%[p])")

DEF_BTM3(bt)
DEF_BTM3(bts)
DEF_BTM3(btr)
DEF_BTM3(btc)

struct bt_op {
    const char *name;
    bt_fn fn;
    int bits;
    int mem;
    int imm;
};

#define BT_OPS(op)                                                                                  \
    {#op "16", op##16, 16, 0, 0}, {#op "32", op##32, 32, 0, 0}, {#op "64", op##64, 64, 0, 0},         \
    {#op "i16", op##i16, 16, 0, 1}, {#op "i32", op##i32, 32, 0, 1}, {#op "i64", op##i64, 64, 0, 1},   \
    {#op "m16", op##m16, 16, 1, 0}, {#op "m32", op##m32, 32, 1, 0}, {#op "m64", op##m64, 64, 1, 0},   \
    {#op "mi16", op##mi16, 16, 1, 1}, {#op "mi32", op##mi32, 32, 1, 1}, {#op "mi64", op##mi64, 64, 1, 1}

static const struct bt_op k_bt_ops[] = {BT_OPS(bt), BT_OPS(bts), BT_OPS(btr), BT_OPS(btc)};

static void fill_buf(uint64_t seed)
{
    for (int i = 0; i < 32; i++) g_buf[i] = seed * (uint64_t)(2 * i + 1) ^ ((uint64_t)i << 56);
}

static uint64_t hash_buf(void)
{
    uint64_t h = 0;
    for (int i = 0; i < 32; i++) h = (h ^ g_buf[i]) * 0x100000001b3ull + (uint64_t)i;
    return h;
}

/* Register offsets, as 64-bit values: the 16/32-bit forms see the sign-extended low part. */
static const uint64_t k_offsets[] = {
    0, 1, 7, 15, 16, 31, 32, 33, 63, 64, 100, 1000, (uint64_t)-1, (uint64_t)-16, (uint64_t)-17,
    (uint64_t)-64, (uint64_t)-65, (uint64_t)-1000, 0x7fff, 0x10000 + 5, 0xffff0003, 0x100000001ull,
};

static void test_bt(void)
{
    for (unsigned i = 0; i < sizeof k_bt_ops / sizeof k_bt_ops[0]; i++) {
        const struct bt_op *o = &k_bt_ops[i];
        for (unsigned k = 0; k < sizeof k_offsets / sizeof k_offsets[0]; k++) {
            uint64_t off = k_offsets[k];
            if (o->imm && k > 0) break; /* the offset is in the encoding */
            if (o->mem && !o->imm) {
                /* The operand-sized word holding the bit must stay inside g_buf (+-128 bytes). */
                int64_t so = o->bits == 64 ? (int64_t)off : o->bits == 32 ? (int64_t)(int32_t)off : (int64_t)(int16_t)off;
                int64_t disp = (so >> (o->bits == 64 ? 6 : o->bits == 32 ? 5 : 4)) * (o->bits / 8);
                if (disp < -128 || disp + o->bits / 8 > 128) continue;
            }
            for (int v = 0; v < 3; v++) {
                uint64_t a = v == 0 ? 0 : v == 1 ? ~0ull : 0x0123456789abcdefull, f;
                fill_buf(a ^ 0x5a5a);
                uint64_t r = o->fn(a, off, v & 1 ? FIN_SET : FIN_CLEAR, &f);
                out_str(o->name);
                out_char(' ');
                out_val(a);
                out_val(off);
                out_val(o->mem ? hash_buf() : r);
                out_flags(f, F_CF);
                out_nl();
            }
        }
    }
}

/* ---- BSF/BSR ---- */

typedef uint64_t (*scan_fn)(uint64_t dst, uint64_t src, uint64_t fin, uint64_t *fout);

#define DEF_SCAN(name, insn)                                                                \
    static uint64_t name(uint64_t dst, uint64_t src, uint64_t fin, uint64_t *fout)          \
    {                                                                                       \
        uint64_t f;                                                                         \
        g_mem = src;                                                                        \
        asm volatile(ASM_IN insn ASM_OUT                                                    \
                     : [x] "+r"(dst), [fout] "=&r"(f)                                       \
                     : [s] "r"(src), [fin] "r"(fin), [p] "r"(&g_mem)                        \
                     : "cc", "memory");                                                     \
        *fout = f;                                                                          \
        return dst;                                                                         \
    }

DEF_SCAN(bsf16, "bsfw %w[s],%w[x]")
DEF_SCAN(bsf32, "bsfl %k[s],%k[x]")
DEF_SCAN(bsf64, "bsfq %q[s],%q[x]")
DEF_SCAN(bsr16, "bsrw %w[s],%w[x]")
DEF_SCAN(bsr32, "bsrl %k[s],%k[x]")
DEF_SCAN(bsr64, "bsrq %q[s],%q[x]")
DEF_SCAN(bsfm32, "bsfl (%[p]),%k[x]")
DEF_SCAN(bsrm64, "bsrq (%[p]),%q[x]")
DEF_SCAN(bsrm16, "bsrw (%[p]),%w[x]")
/* F3 0F BC: TZCNT on the host, BSF on the modelled CPU; the same result for a nonzero source. */
DEF_SCAN(repbsf32, "rep bsfl %k[s],%k[x]")
DEF_SCAN(repbsf64, "rep bsfq %q[s],%q[x]")

struct scan_op {
    const char *name;
    scan_fn fn;
    int bits;
    int tz; /* rep bsf: nonzero sources only, no flags */
};

static const struct scan_op k_scan_ops[] = {
    {"bsf16", bsf16, 16, 0}, {"bsf32", bsf32, 32, 0}, {"bsf64", bsf64, 64, 0}, {"bsr16", bsr16, 16, 0},
    {"bsr32", bsr32, 32, 0}, {"bsr64", bsr64, 64, 0}, {"bsfm32", bsfm32, 32, 0}, {"bsrm64", bsrm64, 64, 0},
    {"bsrm16", bsrm16, 16, 0}, {"repbsf32", repbsf32, 32, 1}, {"repbsf64", repbsf64, 64, 1},
};

static void test_scan(void)
{
    uint64_t vals[N_EDGE + 8];
    int nv = 0;
    for (int i = 0; i < N_EDGE; i++) vals[nv++] = k_edge[i];
    for (int i = 0; i < 8; i++) vals[nv++] = rnd() >> (i * 8);
    for (unsigned i = 0; i < sizeof k_scan_ops / sizeof k_scan_ops[0]; i++) {
        const struct scan_op *o = &k_scan_ops[i];
        uint64_t m = o->bits == 64 ? ~0ull : (1ull << o->bits) - 1;
        for (int v = 0; v < nv; v++) {
            uint64_t s = vals[v], f;
            if (o->tz && (s & m) == 0) continue;
            /* The old destination has garbage in every half, to show what a zero source keeps. */
            uint64_t d = 0xdeadbeefcafe1234ull;
            uint64_t r = o->fn(d, s, v & 1 ? FIN_SET : FIN_CLEAR, &f);
            out_str(o->name);
            out_char(' ');
            out_val(s);
            out_val(r);
            out_flags(f, o->tz ? 0 : F_ZF);
            out_nl();
        }
    }
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    test_bt();
    test_scan();
    out_finish();
    return 0;
}
