/* SSE faults seen through signal handlers: a misaligned 16-byte operand and a reserved MXCSR bit
   are #GP (SIGSEGV, si_code SI_KERNEL, si_addr 0); unmasked SIMD exceptions are #XM (SIGFPE with
   the si_code of the highest-priority unmasked exception, si_addr at the instruction). */
#define _GNU_SOURCE
#include <signal.h>
#include <ucontext.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <emmintrin.h>

static sigjmp_buf env;
static volatile int got_sig, got_code;
static volatile uintptr_t got_addr;
static volatile long long got_trapno, got_err;

static void handler(int sig, siginfo_t *si, void *uc) {
    ucontext_t *u = uc;
    got_trapno = u->uc_mcontext.gregs[REG_TRAPNO];
    got_err = u->uc_mcontext.gregs[REG_ERR];
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    siglongjmp(env, 1);
}

static unsigned char buf[64] __attribute__((aligned(16)));
static const unsigned defmx = 0x1f80;

static void report(const char *what, uintptr_t expect_addr) {
    printf("%-28s sig %d code %d addr %s trapno %lld err %lld\n", what, got_sig, got_code,
           got_addr == expect_addr ? "as expected" : "unexpected", got_trapno, got_err);
    got_sig = got_code = 0;
    got_addr = 0;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, 0);
    sigaction(SIGFPE, &sa, 0);

    volatile uintptr_t off = 4;
    if (!sigsetjmp(env, 1)) {
        __m128 v;
        __asm__ volatile("movaps (%1), %0" : "=x"(v) : "r"(buf + off));
        printf("movaps misaligned: no fault\n");
    }
    report("movaps misaligned", 0);
    if (!sigsetjmp(env, 1)) {
        __m128i v = _mm_setzero_si128();
        __asm__ volatile("paddd (%1), %0" : "+x"(v) : "r"(buf + off));
        printf("paddd misaligned: no fault\n");
    }
    report("paddd misaligned", 0);
    if (!sigsetjmp(env, 1)) {
        __m128 v;
        __asm__ volatile("movups (%1), %0" : "=x"(v) : "r"(buf + off));
        printf("movups misaligned: ok\n");
    }
    if (!sigsetjmp(env, 1)) {
        unsigned bad = 0x11f80;
        __asm__ volatile("ldmxcsr %0" : : "m"(bad));
        printf("ldmxcsr reserved: no fault\n");
    }
    report("ldmxcsr reserved bit", 0);

    static const struct { const char *name; unsigned mx; uint32_t a, b; } fpe[] = {
        {"divss 1/0 ZE unmasked", 0x1d80, 0x3f800000, 0},
        {"divss 1/3 PE unmasked", 0x0f80, 0x3f800000, 0x40400000},
        {"divss 0/0 IE unmasked", 0x1f00, 0, 0},
        {"divss big/tiny OE unmasked", 0x1b80, 0x7f000000, 0x00800000},
        {"divss tiny/big UE+PE unmasked", 0x0780, 0x00800000, 0x7f000000},
        {"divss 1/3 masked", 0x1f80, 0x3f800000, 0x40400000},
    };
    for (unsigned i = 0; i < sizeof fpe / sizeof fpe[0]; i++) {
        volatile uintptr_t at = 0;
        if (!sigsetjmp(env, 1)) {
            __m128 x, y;
            memcpy(&x, &fpe[i].a, 4);
            memcpy(&y, &fpe[i].b, 4);
            uintptr_t insn;
            __asm__ volatile("lea 1f(%%rip), %1\n\t"
                             "mov %1, %2\n\t"
                             "ldmxcsr %4\n"
                             "1:\tdivss %3, %0\n\t"
                             "ldmxcsr %5"
                             : "+x"(x), "=&r"(insn), "=m"(at)
                             : "x"(y), "m"(fpe[i].mx), "m"(defmx));
            printf("%-28s no fault\n", fpe[i].name);
            continue;
        }
        unsigned mx;
        __asm__ volatile("stmxcsr %0\n\tldmxcsr %1" : "=m"(mx) : "m"(defmx));
        report(fpe[i].name, at);
        printf("  mxcsr after %04x\n", mx);
    }
    return 0;
}
