/* Shared helpers of the isa_int_* guests: differential tests of integer instructions.
 *
 * Output goes through write(2) with hand-made hex formatting and the helpers avoid SSE, so the
 * guests exercise the integer core and as little of libc as possible. Every printed value is also
 * folded into a checksum printed at the end.
 *
 * Inline asm moves RSP down by 128 bytes before PUSHF/POPF so the red zone of the enclosing
 * function is not overwritten; memory operands are always addressed through a register for the
 * same reason.
 *
 * Run with the argument "all" to print the undefined flags too (for comparing them with the host
 * by hand); the tests themselves compare only the flags each instruction defines.
 */
#ifndef ISA_INT_H
#define ISA_INT_H

#include <stdint.h>
#include <unistd.h>

#pragma GCC target("general-regs-only")

#define F_CF 0x001u
#define F_PF 0x004u
#define F_AF 0x010u
#define F_ZF 0x040u
#define F_SF 0x080u
#define F_OF 0x800u
#define F_ARITH (F_CF | F_PF | F_AF | F_ZF | F_SF | F_OF)
/* Input flag states: all status flags clear, or all set. */
#define FIN_CLEAR 0x202u
#define FIN_SET (0x202u | F_ARITH)

static int g_all_flags;
/* When set, values only go into the checksum (bulk random sweeps stay cheap under emulation). */
static int g_quiet;
static char g_out[1 << 15];
static int g_out_len;
static uint64_t g_sum = 1469598103934665603ull;

static void out_flush(void)
{
    int done = 0;
    while (done < g_out_len) {
        ssize_t n = write(1, g_out + done, (size_t)(g_out_len - done));
        if (n <= 0) _exit(99);
        done += (int)n;
    }
    g_out_len = 0;
}

static void out_char(char c)
{
    if (g_quiet) return;
    if (g_out_len == (int)sizeof g_out) out_flush();
    g_out[g_out_len++] = c;
}

static void out_str(const char *s)
{
    if (g_quiet) return;
    while (*s) out_char(*s++);
}

/* Prints v in hex (no leading zeros) followed by a space, and folds it into the checksum. */
static void out_hex(uint64_t v)
{
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    while (n) out_char(tmp[--n]);
    out_char(' ');
}

static void out_val(uint64_t v)
{
    g_sum = (g_sum ^ v) * 1099511628211ull;
    g_sum ^= g_sum >> 29;
    if (!g_quiet) out_hex(v);
}

static void out_nl(void)
{
    out_char('\n');
}

/* Flags as compared: the defined ones (mask) unless "all" was asked for. */
static void out_flags(uint64_t f, uint64_t mask)
{
    out_val(f & (g_all_flags ? F_ARITH : mask));
}

static void out_finish(void)
{
    g_quiet = 0;
    out_str("checksum ");
    out_hex(g_sum);
    out_nl();
    out_flush();
}

static void isa_init(int argc, char **argv)
{
    const char *a = argc > 1 ? argv[1] : "";
    g_all_flags = a[0] == 'a' && a[1] == 'l' && a[2] == 'l' && a[3] == 0;
}

/* xorshift64*: fixed seed, the same sequence everywhere. */
static uint64_t g_rng = 0x9E3779B97F4A7C15ull;

static uint64_t rnd(void)
{
    g_rng ^= g_rng >> 12;
    g_rng ^= g_rng << 25;
    g_rng ^= g_rng >> 27;
    return g_rng * 2685821657736338717ull;
}

/* Interesting 64-bit operands: zero, one, all ones, the sign boundaries of every width. */
static const uint64_t k_edge[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull, 0xfffffffffffffffeull,
    0x0123456789abcdefull, 0xfedcba9876543210ull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull,
};
#define N_EDGE ((int)(sizeof k_edge / sizeof k_edge[0]))

/* Prologue/epilogue of every flag-capturing asm block: step over the red zone, load flags. */
#define ASM_IN "lea -128(%%rsp),%%rsp\n\tpush %[fin]\n\tpopfq\n\t"
#define ASM_OUT "\n\tpushfq\n\tpop %[fout]\n\tlea 128(%%rsp),%%rsp"

#endif
