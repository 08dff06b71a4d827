/* futex in a single-threaded process: wakes find no waiters, a wait on a changed word fails at once
   with EAGAIN, a wait with a timeout ends with ETIMEDOUT; then libc paths that use it (hostid). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* From linux/futex.h, which musl-gcc does not ship. */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128

static long futex(unsigned *addr, int op, unsigned val, const struct timespec *ts, unsigned val3) {
    return syscall(SYS_futex, addr, op, val, ts, NULL, val3);
}

static void show(const char *what, long r) {
    printf("%-28s %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void) {
    unsigned word = 5;
    struct timespec rel = { 0, 10 * 1000 * 1000 };
    show("wake", futex(&word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 0x7fffffff, NULL, 0));
    show("wake_bitset", futex(&word, FUTEX_WAKE_BITSET, 1, NULL, 0xffffffff));
    show("wait, value changed", futex(&word, FUTEX_WAIT, 4, NULL, 0));
    show("wait, relative timeout", futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 5, &rel, 0));
    struct timespec abs;
    clock_gettime(CLOCK_MONOTONIC, &abs);
    abs.tv_nsec += 10 * 1000 * 1000;
    if (abs.tv_nsec >= 1000000000) { abs.tv_sec++; abs.tv_nsec -= 1000000000; }
    show("wait_bitset, absolute", futex(&word, FUTEX_WAIT_BITSET, 5, &abs, 0xffffffff));
    show("cmp_requeue, mismatch", futex(&word, FUTEX_CMP_REQUEUE, 1, (const struct timespec *)1, 7));
    printf("hostid %s\n", gethostid() != 0 ? "nonzero" : "zero");
    return 0;
}
