/* SIGSEGV and SIGILL caught by handlers that report si_code and si_addr relative to the
   faulting object, then recover with siglongjmp. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf env;
static void *fault_page;

static void on_signal(int sig, siginfo_t *si, void *ctx) {
    (void)ctx;
    printf("signal %d code %d", sig, si->si_code);
    if (sig == SIGSEGV) printf(" offset %ld", (long)((char *)si->si_addr - (char *)fault_page));
    printf("\n");
    siglongjmp(env, 1);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    fault_page = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(env, 1) == 0) ((volatile char *)fault_page)[123] = 1;   /* write to read-only */
    munmap((char *)fault_page + 4096, 4096);
    if (sigsetjmp(env, 1) == 0) (void)((volatile char *)fault_page)[4096 + 7]; /* read unmapped */
    if (sigsetjmp(env, 1) == 0) __asm__ volatile("ud2");
    printf("recovered three times\n");
    return 0;
}
