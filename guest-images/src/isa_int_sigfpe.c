/* Divide errors (#DE) become SIGFPE with si_code FPE_INTDIV at the faulting instruction; a
 * REP MOVSB/STOSQ that runs into an inaccessible page faults with RCX/RSI/RDI describing exactly
 * the elements already done. The handler prints what it sees and siglongjmps out; at the end a
 * divide by zero with the default action kills the program (exit status 136). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include "isa_int.h"

static sigjmp_buf g_jump;
static volatile uint64_t g_expect_rip;
static uint64_t g_base;
static int g_uses_rsi;

extern const char div32_zero[], idiv32_ovf[], div8_ovf[], idiv64_zero[], div64_ovf[], idiv16_ovf[];

static void handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
    out_str("signal ");
    out_val((uint64_t)sig);
    out_val((uint64_t)si->si_signo);
    out_val((uint64_t)si->si_code);
    if (sig == SIGFPE) {
        out_val((uint64_t)si->si_addr == g_expect_rip);
        out_val(rip == g_expect_rip);
    } else {
        out_val((uint64_t)si->si_addr - g_base);
        out_val((uint64_t)uc->uc_mcontext.gregs[REG_RCX]);
        if (g_uses_rsi) out_val((uint64_t)uc->uc_mcontext.gregs[REG_RSI] - g_base);
        out_val((uint64_t)uc->uc_mcontext.gregs[REG_RDI] - g_base);
    }
    out_nl();
    out_flush();
    siglongjmp(g_jump, 1);
}

/* Each case: one faulting instruction at a global label, so the handler can check RIP. */
static void divides(void)
{
    if (!sigsetjmp(g_jump, 1)) {
        g_expect_rip = (uint64_t)div32_zero;
        asm volatile("xor %%ecx,%%ecx\n\tmov $5,%%eax\n\txor %%edx,%%edx\n"
                     ".globl div32_zero\ndiv32_zero:\n\tdivl %%ecx" ::: "rax", "rcx", "rdx", "cc");
        out_str("not reached\n");
    }
    if (!sigsetjmp(g_jump, 1)) {
        g_expect_rip = (uint64_t)idiv32_ovf;
        asm volatile("mov $-1,%%ecx\n\tmov $0x80000000,%%eax\n\tcltd\n"
                     ".globl idiv32_ovf\nidiv32_ovf:\n\tidivl %%ecx" ::: "rax", "rcx", "rdx", "cc");
        out_str("not reached\n");
    }
    if (!sigsetjmp(g_jump, 1)) {
        g_expect_rip = (uint64_t)div8_ovf;
        asm volatile("mov $2,%%ecx\n\tmov $0x200,%%eax\n"
                     ".globl div8_ovf\ndiv8_ovf:\n\tdivb %%cl" ::: "rax", "rcx", "rdx", "cc");
        out_str("not reached\n");
    }
    if (!sigsetjmp(g_jump, 1)) {
        g_expect_rip = (uint64_t)idiv64_zero;
        asm volatile("xor %%ecx,%%ecx\n\tmov $-7,%%rax\n\tcqto\n"
                     ".globl idiv64_zero\nidiv64_zero:\n\tidivq %%rcx" ::: "rax", "rcx", "rdx", "cc");
        out_str("not reached\n");
    }
    if (!sigsetjmp(g_jump, 1)) {
        g_expect_rip = (uint64_t)div64_ovf;
        asm volatile("mov $3,%%ecx\n\tmov $3,%%edx\n\txor %%eax,%%eax\n"
                     ".globl div64_ovf\ndiv64_ovf:\n\tdivq %%rcx" ::: "rax", "rcx", "rdx", "cc");
        out_str("not reached\n");
    }
    if (!sigsetjmp(g_jump, 1)) {
        g_expect_rip = (uint64_t)idiv16_ovf;
        asm volatile("mov $1,%%ecx\n\tmov $0x8000,%%eax\n\tmov $0x1,%%edx\n"
                     ".globl idiv16_ovf\nidiv16_ovf:\n\tidivw %%cx" ::: "rax", "rcx", "rdx", "cc");
        out_str("not reached\n");
    }
}

/* REP string instructions running into a PROT_NONE page. */
static void rep_faults(void)
{
    uint8_t *p = mmap(0, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        out_str("mmap failed\n");
        return;
    }
    g_base = (uint64_t)p;
    for (int i = 0; i < 2 * 4096; i++) p[i] = (uint8_t)(i * 7);
    mprotect(p + 3 * 4096, 4096, PROT_NONE);
    /* Destination runs into the protected page. */
    g_uses_rsi = 1;
    if (!sigsetjmp(g_jump, 1)) {
        uint64_t s = (uint64_t)p + 10, d = (uint64_t)p + 2 * 4096 + 100, c = 6000;
        asm volatile("rep movsb" : "+S"(s), "+D"(d), "+c"(c) : : "memory");
        out_str("not reached\n");
    }
    /* Forward copy whose source runs into the protected page. */
    if (!sigsetjmp(g_jump, 1)) {
        uint64_t s = (uint64_t)p + 2 * 4096 + 50, d = (uint64_t)p + 7, c = 7000;
        asm volatile("rep movsq" : "+S"(s), "+D"(d), "+c"(c) : : "memory");
        out_str("not reached\n");
    }
    /* Eight-byte elements, starting misaligned so that one element straddles into the bad page. */
    g_uses_rsi = 0;
    if (!sigsetjmp(g_jump, 1)) {
        uint64_t d = (uint64_t)p + 2 * 4096 + 4, c = 1000;
        asm volatile("rep stosq" : "+D"(d), "+c"(c) : "a"(0x1122334455667788ull) : "memory");
        out_str("not reached\n");
    }
    /* Backwards, with the source starting inside the protected page. */
    g_uses_rsi = 1;
    if (!sigsetjmp(g_jump, 1)) {
        uint64_t s = (uint64_t)p + 3 * 4096 + 2000, d = (uint64_t)p + 4096 + 2000, c = 5000;
        asm volatile("std\n\trep movsl\n\tcld" : "+S"(s), "+D"(d), "+c"(c) : : "memory", "cc");
        out_str("not reached\n");
    }
    /* What the partial copies left behind. */
    uint64_t h = 0;
    for (int i = 0; i < 3 * 4096; i++) h = (h ^ p[i]) * 1099511628211ull;
    out_str("memory ");
    out_val(h);
    out_nl();
}

int main(int argc, char **argv)
{
    isa_init(argc, argv);
    (void)rnd;
    (void)out_flags;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &sa, 0);
    sigaction(SIGSEGV, &sa, 0);
    divides();
    rep_faults();
    out_finish();
    /* Default action: the process dies of SIGFPE. */
    signal(SIGFPE, SIG_DFL);
    asm volatile("xor %%ecx,%%ecx\n\tmov $1,%%eax\n\txor %%edx,%%edx\n\tdivl %%ecx" ::: "rax", "rcx", "rdx", "cc");
    out_str("survived\n");
    out_flush();
    return 0;
}
