/* INT3 raises SIGTRAP (si_code SI_KERNEL) as a trap: the handler sees RIP just after the INT3 and
 * returning from it continues there. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include "isa_int.h"

extern const char after_int3[];
static int g_hits;

static void handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    g_hits++;
    out_str("signal ");
    out_val((uint64_t)sig);
    out_val((uint64_t)si->si_code);
    out_val((uint64_t)uc->uc_mcontext.gregs[REG_RIP] == (uint64_t)after_int3);
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
    sigaction(SIGTRAP, &sa, 0);
    asm volatile("int3\n.globl after_int3\nafter_int3:\n" ::: "memory");
    out_str("back ");
    out_val((uint64_t)g_hits);
    out_nl();
    out_finish();
    return 0;
}
