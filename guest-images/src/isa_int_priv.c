/* Instructions a user-mode process may not execute (CLI, STI, HLT, port I/O, control register
 * moves) and a misaligned CMPXCHG16B all raise #GP, which Linux delivers as SIGSEGV with si_code
 * SI_KERNEL and si_addr 0, at the faulting instruction. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include "isa_int.h"

static sigjmp_buf g_jump;
static volatile uint64_t g_expect_rip;
static uint64_t g_buf[4] __attribute__((aligned(16)));

extern const char p_cli[], p_sti[], p_hlt[], p_in[], p_out[], p_movcr[], p_cx16[];

static void handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    out_str("signal ");
    out_val((uint64_t)sig);
    out_val((uint64_t)si->si_code);
    out_val((uint64_t)si->si_addr);
    out_val((uint64_t)uc->uc_mcontext.gregs[REG_RIP] == g_expect_rip);
    out_nl();
    out_flush();
    siglongjmp(g_jump, 1);
}

#define CASE(label, insn)                                                                   \
    if (!sigsetjmp(g_jump, 1)) {                                                            \
        g_expect_rip = (uint64_t)label;                                                     \
        asm volatile(".globl " #label "\n" #label ":\n\t" insn                              \
                     : : "r"((uint64_t)g_buf + 8) : "rax", "rdx", "rbx", "rcx", "memory", "cc"); \
        out_str("not reached\n");                                                           \
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
    sigaction(SIGSEGV, &sa, 0);
    CASE(p_cli, "cli")
    CASE(p_sti, "sti")
    CASE(p_hlt, "hlt")
    CASE(p_in, "inb (%%dx),%%al")
    CASE(p_out, "outb %%al,(%%dx)")
    CASE(p_movcr, "mov %%cr0,%%rax")
    CASE(p_cx16, "cmpxchg16b (%0)")
    out_finish();
    return 0;
}
