/* SSE4.2 string compares: PCMPESTRI, PCMPESTRM, PCMPISTRI, PCMPISTRM for every imm8 0..255 over
   operand pairs covering all four element formats (with nulls, high bytes and sign boundaries),
   explicit lengths from 0 to past 16 (and negative), unaligned memory sources. Per imm8 and
   instruction one hash of (ECX or XMM0, flags) over all pairs; "all" prints every result. */
#pragma GCC target("sse4.2")
#include "isa_simd.h"

#define FLAG_MASK 0xd5ff /* SF ZF AF PF CF in AH, OF in AL */

#define DEF_STR(fn, body)                                                                          \
    static void fn(__m128i a, __m128i b, long la, long lb, int imm, uint64_t *res, unsigned *fl) { \
        switch (imm) { R256(fn##_CASE) }                                                           \
    }
#define CASE_I(insn, i)                                                                            \
    case (i): {                                                                                    \
        long c = -1;                                                                               \
        unsigned f;                                                                                \
        __asm__ volatile(insn " %[k], %[b], %[a]\n\t" FLAGS_OUT                                    \
                         : "=&a"(f), "+c"(c)                                                       \
                         : [a] "x"(a), [b] "x"(b), "0"(la), "d"(lb), [k] "i"(i) : "cc");          \
        res[0] = (uint64_t)c; res[1] = 0; *fl = f & FLAG_MASK;                                     \
        return;                                                                                    \
    }
#define CASE_M(insn, i)                                                                            \
    case (i): {                                                                                    \
        __m128i m;                                                                                 \
        unsigned f;                                                                                \
        __asm__ volatile(insn " %[k], %[b], %[a]\n\t" FLAGS_OUT "movdqa %%xmm0, %[m]"              \
                         : "=&a"(f), [m] "=x"(m)                                                   \
                         : [a] "x"(a), [b] "x"(b), "0"(la), "d"(lb), [k] "i"(i) : "cc", "xmm0");  \
        res[0] = lo64(m); res[1] = hi64(m); *fl = f & FLAG_MASK;                                   \
        return;                                                                                    \
    }
#define estri_CASE(i) CASE_I("pcmpestri", i)
#define istri_CASE(i) CASE_I("pcmpistri", i)
#define estrm_CASE(i) CASE_M("pcmpestrm", i)
#define istrm_CASE(i) CASE_M("pcmpistrm", i)
#define estri64_CASE(i) CASE_I("rex.w pcmpestri", i)
DEF_STR(estri, 0) DEF_STR(istri, 0) DEF_STR(estrm, 0) DEF_STR(istrm, 0)

static const char *const strs[] = {
    "abcdefghijklmnop", "hello world", "", "a", "xyzzy", "az09AZ", "AZaz", "09", "needle in haystack",
    "ll", "lo w", "orld", "hello world!!!!!", "abababababababab", "aba", "bab", "\x80\xff\x7f\x01\xfe",
    "\x7f\x80", "ABCDEFGHIJKLMNOP", "mnopqrstuvwxyz01", "p", "op", "nop",
};
#define NSTR (sizeof strs / sizeof strs[0])

static __m128i load_str(const char *s) {
    char b[16] = { 0 };
    size_t n = strlen(s);
    memcpy(b, s, n > 16 ? 16 : n);
    __m128i v;
    memcpy(&v, b, 16);
    return v;
}

static const long lens[] = { 0, 1, 3, 7, 8, 9, 15, 16, 17, 100, -1, -5, -8, -16, -17, 0x7fffffff, (long)0x80000000u,
                             0x100000003l };
#define NLEN (sizeof lens / sizeof lens[0])

int main(int argc, char **argv) {
    int all = argc > 1 && strcmp(argv[argc - 1], "all") == 0;
    /* Operand pairs: string pairs (as bytes and, reinterpreted, as words), then edge and random vectors. */
    enum { NPAIR = 64 };
    static __m128i pa[NPAIR], pb[NPAIR];
    static long pla[NPAIR], plb[NPAIR];
    init_vecs();
    for (int p = 0; p < NPAIR; p++) {
        if (p < 40) {
            const char *x = strs[(p * 5 + 1) % NSTR], *y = strs[(p * 3) % NSTR];
            pa[p] = load_str(x);
            pb[p] = load_str(y);
            pla[p] = (long)strlen(x);
            plb[p] = (long)strlen(y);
        } else {
            pa[p] = g_vec[p % NVEC];
            pb[p] = g_vec[(p * 7 + 1) % NVEC];
            if (p & 1) pb[p] = _mm_insert_epi16(pb[p], (short)_mm_extract_epi16(pa[p], 0), 3);
            pla[p] = lens[p % NLEN];
            plb[p] = lens[(p * 5 + 2) % NLEN];
        }
    }
    for (int imm = 0; imm < 256; imm++) {
        uint64_t h[4];
        for (int kind = 0; kind < 4; kind++) {
            g_hash = 1469598103934665603ull;
            for (int p = 0; p < NPAIR; p++) {
                uint64_t res[2];
                unsigned fl;
                switch (kind) {
                case 0: estri(pa[p], pb[p], pla[p], plb[p], imm, res, &fl); break;
                case 1: estrm(pa[p], pb[p], pla[p], plb[p], imm, res, &fl); break;
                case 2: istri(pa[p], pb[p], pla[p], plb[p], imm, res, &fl); break;
                default: istrm(pa[p], pb[p], pla[p], plb[p], imm, res, &fl); break;
                }
                if (all) printf("%02x %d %02d %016llx%016llx %04x\n", imm, kind, p, (unsigned long long)res[1], (unsigned long long)res[0], fl);
                hash64(res[0]); hash64(res[1]); hash64(fl);
            }
            h[kind] = g_hash;
        }
        printf("imm %02x %016llx %016llx %016llx %016llx\n", imm, (unsigned long long)h[0], (unsigned long long)h[1],
               (unsigned long long)h[2], (unsigned long long)h[3]);
    }
    /* Explicit lengths over the whole range for two imm8 values, 32-bit and REX.W forms. */
    for (unsigned i = 0; i < NLEN; i++)
        for (unsigned j = 0; j < NLEN; j++) {
            long c1 = -1, c2 = -1;
            unsigned f1, f2;
            __m128i a = pa[3], b = pb[3];
            __asm__ volatile("pcmpestri $0x0c, %[b], %[a]\n\t" FLAGS_OUT : "=&a"(f1), "+c"(c1) : [a] "x"(a), [b] "x"(b), "0"(lens[i]), "d"(lens[j]) : "cc");
            __asm__ volatile("rex.w pcmpestri $0x4c, %[b], %[a]\n\t" FLAGS_OUT : "=&a"(f2), "+c"(c2) : [a] "x"(a), [b] "x"(b), "0"(lens[i]), "d"(lens[j]) : "cc");
            printf("len %u %u %lx %04x %lx %04x\n", i, j, c1, f1 & FLAG_MASK, c2, f2 & FLAG_MASK);
        }
    /* Unaligned memory source. */
    static char text[48] = "The quick brown fox jumps over the lazy dog.";
    __m128i set = load_str("aeiou");
    for (int off = 0; off < 20; off++) {
        long c = -1;
        unsigned f;
        __asm__ volatile("pcmpistri $0x00, %[b], %[a]\n\t" FLAGS_OUT : "=&a"(f), "+c"(c) : [a] "x"(set), [b] "m"(*(const __m128i *)(text + off)) : "cc");
        __m128i m;
        __asm__ volatile("pcmpestrm $0x40, %[b], %[a]\n\tmovdqa %%xmm0, %[m]" : [m] "=x"(m) : [a] "x"(set), [b] "m"(*(const __m128i *)(text + off)), "a"(5L), "d"((long)off) : "cc", "xmm0");
        printf("mem %d %lx %04x %016llx%016llx\n", off, c, f & FLAG_MASK, (unsigned long long)hi64(m), (unsigned long long)lo64(m));
    }
    return 0;
}
