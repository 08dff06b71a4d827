/* String instructions MOVS, STOS, LODS, CMPS, SCAS in all sizes, with and without REP/REPE/REPNE,
 * both directions, small and page-crossing counts, overlapping copies, and the 0x67 (32-bit
 * address) forms on a buffer mapped below 4 GiB. Prints the final RCX, RSI/RDI offsets, RAX, a hash
 * of the buffers and the flags (all status flags are defined: unchanged, or as CMP). */
#include <sys/mman.h>
#include "isa_int.h"

#define UNUSED_RND ((void)rnd)

#define BUF 16384
static uint8_t g_a[BUF], g_b[BUF];

struct sregs {
    uint64_t si, di, cx, ax, f;
};

typedef void (*str_fn)(struct sregs *r, uint64_t fin);

/* DF comes in through the popped flags; CLD afterwards restores the ABI's DF=0. */
#define DEF_S(name, insn)                                                                   \
    static void name(struct sregs *r, uint64_t fin)                                        \
    {                                                                                       \
        uint64_t si = r->si, di = r->di, cx = r->cx, ax = r->ax, f;                         \
        asm volatile(ASM_IN insn ASM_OUT "\n\tcld"                                          \
                     : "+S"(si), "+D"(di), "+c"(cx), "+a"(ax), [fout] "=&r"(f)              \
                     : [fin] "r"(fin)                                                       \
                     : "cc", "memory");                                                     \
        r->si = si;                                                                         \
        r->di = di;                                                                         \
        r->cx = cx;                                                                         \
        r->ax = ax;                                                                         \
        r->f = f;                                                                           \
    }

#define DEF_S4(op, pre)                         \
    DEF_S(pre##op##b, #pre " " #op "b")         \
    DEF_S(pre##op##w, #pre " " #op "w")         \
    DEF_S(pre##op##l, #pre " " #op "l")         \
    DEF_S(pre##op##q, #pre " " #op "q")

DEF_S(movsb, "movsb")
DEF_S(movsw, "movsw")
DEF_S(movsl, "movsl")
DEF_S(movsq, "movsq")
DEF_S(stosb, "stosb")
DEF_S(stosw, "stosw")
DEF_S(stosl, "stosl")
DEF_S(stosq, "stosq")
DEF_S(lodsb, "lodsb")
DEF_S(lodsw, "lodsw")
DEF_S(lodsl, "lodsl")
DEF_S(lodsq, "lodsq")
DEF_S(cmpsb, "cmpsb")
DEF_S(cmpsw, "cmpsw")
DEF_S(cmpsl, "cmpsl")
DEF_S(cmpsq, "cmpsq")
DEF_S(scasb, "scasb")
DEF_S(scasw, "scasw")
DEF_S(scasl, "scasl")
DEF_S(scasq, "scasq")
DEF_S4(movs, rep)
DEF_S4(stos, rep)
DEF_S4(lods, rep)
DEF_S4(cmps, repe)
DEF_S4(cmps, repne)
DEF_S4(scas, repe)
DEF_S4(scas, repne)
/* F2 on MOVS/STOS repeats like F3. */
DEF_S(repnemovsb, "repne movsb")
DEF_S(repnestosq, "repne stosq")
/* 32-bit address size: ESI/EDI/ECX. */
DEF_S(a32repmovsb, "addr32 rep movsb")
DEF_S(a32repmovsl, "addr32 rep movsl")
DEF_S(a32repstosq, "addr32 rep stosq")
DEF_S(a32lodsw, "addr32 lodsw")
DEF_S(a32repnescasb, "addr32 repne scasb")
DEF_S(a32repecmpsl, "addr32 repe cmpsl")

enum kind { MOVS, STOS, LODS, CMPS, SCAS };

struct op {
    const char *name;
    str_fn fn;
    int size;
    enum kind kind;
    int rep;
};

#define OP4(nm, k, rep) {#nm "b", nm##b, 1, k, rep}, {#nm "w", nm##w, 2, k, rep}, {#nm "l", nm##l, 4, k, rep}, {#nm "q", nm##q, 8, k, rep}

static const struct op k_ops[] = {
    OP4(movs, MOVS, 0), OP4(stos, STOS, 0), OP4(lods, LODS, 0), OP4(cmps, CMPS, 0), OP4(scas, SCAS, 0),
    OP4(repmovs, MOVS, 1), OP4(repstos, STOS, 1), OP4(replods, LODS, 1), OP4(repecmps, CMPS, 1),
    OP4(repnecmps, CMPS, 1), OP4(repescas, SCAS, 1), OP4(repnescas, SCAS, 1),
    {"repnemovsb", repnemovsb, 1, MOVS, 1}, {"repnestosq", repnestosq, 8, STOS, 1},
};

static uint64_t hash_mem(const uint8_t *p, int n)
{
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static void fill(uint8_t *p, int n, uint64_t seed)
{
    for (int i = 0; i < n; i++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        p[i] = (uint8_t)(seed >> 56);
    }
}

static void report(const char *name, const struct sregs *in, const struct sregs *out, uint64_t base_si,
                   uint64_t base_di, uint64_t h)
{
    out_str(name);
    out_char(' ');
    out_val(in->cx);
    out_val(in->si - base_si);
    out_val(in->di - base_di);
    out_val(out->cx);
    out_val(out->si - base_si);
    out_val(out->di - base_di);
    out_val(out->ax);
    out_val(h);
    out_flags(out->f, F_ARITH | 0x400);
    out_nl();
}

static const uint64_t k_counts[] = {0, 1, 2, 3, 17, 64, 100, 700};

static void test_ops(void)
{
    for (unsigned i = 0; i < sizeof k_ops / sizeof k_ops[0]; i++) {
        const struct op *o = &k_ops[i];
        for (unsigned c = 0; c < sizeof k_counts / sizeof k_counts[0]; c++) {
            uint64_t count = k_counts[c];
            if (!o->rep && c > 1) break;
            if (o->kind == LODS && count > 100) continue;
            /* Byte copies and fills of 5000 go through several page-sized chunks. */
            if (c == sizeof k_counts / sizeof k_counts[0] - 1 && o->size == 1) count = 5000;
            for (int df = 0; df < 2; df++) {
                /* Offsets leave room for count elements either way; odd offsets misalign on purpose. */
                uint64_t span = count * (uint64_t)o->size + 16;
                uint64_t si_off = df ? span + 3 : 5, di_off = df ? span + 1001 : 4093;
                /* The buffers keep what earlier cases left; only the windows this case can touch are
                 * hashed (cheap under emulation). */
                uint64_t lo_a = df ? si_off + 8 - span : si_off, lo_b = df ? di_off + 8 - span : di_off;
                if (o->kind == CMPS) {
                    /* Equal up to a point, then different; or different up to a point. */
                    for (uint64_t k = 0; k < span; k++) {
                        uint64_t ka = df ? si_off + 7 - k : si_off + k, kb = df ? di_off + 7 - k : di_off + k;
                        int same = o->name[3] == 'n' ? (k == count * (uint64_t)o->size / 2) : (k < count * (uint64_t)o->size * 2 / 3);
                        g_b[kb] = same ? g_a[ka] : (uint8_t)(g_a[ka] ^ (1 + k % 3));
                    }
                }
                uint64_t ax = 0x1122334455667788ull;
                if (o->kind == SCAS) {
                    /* The element being searched for (REPNE) or the run being skipped (REPE). */
                    for (uint64_t k = 0; k < span; k++) {
                        uint64_t kb = df ? di_off + 7 - k : di_off + k;
                        int hit = o->name[3] == 'n' ? (k >= count * (uint64_t)o->size / 2) : (k < count * (uint64_t)o->size / 2);
                        g_b[kb] = hit ? (uint8_t)(ax >> (8 * (kb - di_off) % (8 * o->size) % 64)) : (uint8_t)k;
                    }
                    if (o->size == 1) ax = 0x1122334455667700ull | g_b[di_off];
                }
                struct sregs in = {(uint64_t)g_a + si_off, (uint64_t)g_b + di_off, count, ax, 0};
                struct sregs out = in;
                o->fn(&out, (df ? 0x400 : 0) | (c & 1 ? FIN_SET : FIN_CLEAR));
                report(o->name, &in, &out, (uint64_t)g_a, (uint64_t)g_b,
                       hash_mem(g_a + lo_a, (int)span) ^ hash_mem(g_b + lo_b, (int)span));
            }
        }
    }
}

/* REP MOVS where source and destination overlap, in both directions and at several distances. */
static void test_overlap(void)
{
    static const int dists[] = {1, 3, 7, 8, 9, 64, 4095, 4096, 4097, -1, -8, -100, -4096};
    static const struct op movs_ops[] = {OP4(repmovs, MOVS, 1)};
    for (unsigned i = 0; i < 4; i++) {
        const struct op *o = &movs_ops[i];
        for (unsigned d = 0; d < sizeof dists / sizeof dists[0]; d++) {
            for (int df = 0; df < 2; df++) {
                uint64_t count = 4200 / o->size;
                uint64_t si_off = df ? 9000 : 4200;
                struct sregs in = {(uint64_t)g_a + si_off, (uint64_t)g_a + si_off + dists[d], count, 0, 0};
                struct sregs out = in;
                o->fn(&out, df ? 0x400 | FIN_CLEAR : FIN_SET);
                int lo = (int)si_off + (dists[d] < 0 ? dists[d] : 0) - (df ? 4200 : 0);
                report(o->name, &in, &out, (uint64_t)g_a, (uint64_t)g_a, hash_mem(g_a + lo, 4200 + 8 + (dists[d] < 0 ? -dists[d] : dists[d])));
            }
        }
    }
}

/* The 0x67 forms: addresses and counts are ESI/EDI/ECX; the upper halves of the registers are ignored
 * on input and (as 32-bit register writes) cleared on output. */
static void test_addr32(void)
{
    uint8_t *low = mmap((void *)0x20000000, 3 * 4096, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (low != (uint8_t *)0x20000000) {
        out_str("no low mapping\n");
        return;
    }
    static const struct op ops[] = {
        {"a32repmovsb", a32repmovsb, 1, MOVS, 1}, {"a32repmovsl", a32repmovsl, 4, MOVS, 1},
        {"a32repstosq", a32repstosq, 8, STOS, 1}, {"a32lodsw", a32lodsw, 2, LODS, 0},
        {"a32repnescasb", a32repnescasb, 1, SCAS, 1}, {"a32repecmpsl", a32repecmpsl, 4, CMPS, 1},
    };
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        for (int df = 0; df < 2; df++) {
            fill(low, 3 * 4096, 7 + i);
            for (int k = 0; k < 100; k++) low[6000 + k] = low[100 + k];
            uint64_t hi = 0xabcd000000000000ull;
            uint64_t si = df ? 100 + 96 : 100, di = df ? 6000 + 96 : 6000;
            struct sregs in = {hi | (0x20000000 + si), hi | (0x20000000 + di), hi | 25, 0x5555555555555500ull | low[di + 40], 0};
            struct sregs out = in;
            ops[i].fn(&out, df ? 0x400 | FIN_SET : FIN_CLEAR);
            report(ops[i].name, &in, &out, 0x20000000, 0x20000000, hash_mem(low, 3 * 4096));
        }
    }
    munmap(low, 3 * 4096);
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    UNUSED_RND;
    fill(g_a, BUF, 1);
    fill(g_b, BUF, 2);
    test_ops();
    test_overlap();
    test_addr32();
    out_finish();
    return 0;
}
