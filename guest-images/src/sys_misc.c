#define _GNU_SOURCE
/* Identity, limits, time, randomness and signals to self, printing only host-independent facts. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "sys_common.h"

static volatile int usr1, usr2;
static void on_usr1(int sig) { (void)sig; usr1++; }
static void on_usr2(int sig, siginfo_t *si, void *uc) { (void)uc; usr2 = sig * 100 + (si->si_signo == sig); }

int main(int argc, char **argv)
{
    (void)argc;
    struct utsname u;
    CHECK("uname", uname(&u));
    printf("sysname %s machine %s\n", u.sysname, u.machine);
    printf("uid consistent %d\n", getuid() == geteuid() && getgid() == getegid());
    printf("pid consistent %d %d\n", getpid() == getpid(), getpid() > 1);
    CHECK("getpgid(0) is getpgrp", getpgid(0) == getpgrp());

    struct rlimit rl;
    CHECK("getrlimit stack", getrlimit(RLIMIT_STACK, &rl));
    printf("stack soft nonzero %d\n", rl.rlim_cur > 0);
    CHECK("getrlimit nofile", getrlimit(RLIMIT_NOFILE, &rl));
    rl.rlim_cur = 64;
    CHECK("setrlimit nofile", setrlimit(RLIMIT_NOFILE, &rl));
    CHECK("getrlimit nofile", getrlimit(RLIMIT_NOFILE, &rl));
    printf("nofile soft %ld\n", (long)rl.rlim_cur);
    rl.rlim_cur = rl.rlim_max + 1;
    CHECK("setrlimit soft>hard", setrlimit(RLIMIT_NOFILE, &rl));
    CHECK("dup2 beyond limit", dup2(1, 100));

    umask(022); /* the inherited umask is the test host's */
    CHECK("umask", umask(077));
    CHECK("umask", umask(022));
    printf("pagesize %ld\n", sysconf(_SC_PAGESIZE));

    struct timespec t1, t2, res;
    CHECK("clock_gettime", clock_gettime(CLOCK_MONOTONIC, &t1));
    struct timespec nap = { 0, 1000000 };
    CHECK("nanosleep", nanosleep(&nap, NULL));
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("monotonic advanced %d\n", t2.tv_sec > t1.tv_sec || (t2.tv_sec == t1.tv_sec && t2.tv_nsec >= t1.tv_nsec));
    CHECK("clock_getres", clock_getres(CLOCK_MONOTONIC, &res));
    CHECK("clock_gettime bad clock", clock_gettime(12345, &t1));
    struct timeval tv;
    CHECK("gettimeofday", gettimeofday(&tv, NULL));
    printf("after 2001 %d\n", tv.tv_sec > 1000000000 && time(NULL) > 1000000000);
    nap.tv_nsec = 2000000000L;
    CHECK("nanosleep bad", nanosleep(&nap, NULL));

    unsigned char r1[16], r2[16];
    CHECK("getrandom", getrandom(r1, sizeof r1, 0));
    int fd = open("/dev/urandom", O_RDONLY);
    CHECK("read urandom", read(fd, r2, sizeof r2));
    close(fd);
    printf("random differs %d\n", memcmp(r1, r2, 16) != 0);

    CHECK("prctl set name", prctl(PR_SET_NAME, "ftemu-guest-name-long"));
    char name[17] = { 0 };
    CHECK("prctl get name", prctl(PR_GET_NAME, name));
    printf("name %s\n", name);

    struct winsize ws;
    CHECK("TIOCGWINSZ on pipe", ioctl(1, TIOCGWINSZ, &ws));
    CHECK("isatty stdin", isatty(0));

    signal(SIGUSR1, on_usr1);
    CHECK("kill self", kill(getpid(), SIGUSR1));
    printf("usr1 %d\n", usr1);
    CHECK("raise", raise(SIGUSR1));
    printf("usr1 %d\n", usr1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr2;
    sa.sa_flags = SA_SIGINFO;
    CHECK("sigaction", sigaction(SIGUSR2, &sa, NULL));
    CHECK("sigaction SIGKILL", sigaction(SIGKILL, &sa, NULL));
    CHECK("sigaction bad signal", sigaction(0, &sa, NULL));
    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    CHECK("block", sigprocmask(SIG_BLOCK, &set, &old));
    raise(SIGUSR2);
    printf("usr2 while blocked %d\n", usr2);
    sigpending(&pend);
    printf("pending %d\n", sigismember(&pend, SIGUSR2));
    CHECK("unblock", sigprocmask(SIG_SETMASK, &old, NULL));
    printf("usr2 after unblock %d\n", usr2);
    signal(SIGUSR1, SIG_IGN);
    CHECK("kill ignored", kill(getpid(), SIGUSR1));
    CHECK("kill bad signal", kill(getpid(), 1000));
    CHECK("kill probe", kill(getpid(), 0));

    char exe[512] = { 0 };
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *real = realpath(argv[0], NULL);
    printf("exe matches %d\n", n > 0 && real && strcmp(exe, real) == 0);
    free(real);
    fflush(stdout);
    abort();
}
