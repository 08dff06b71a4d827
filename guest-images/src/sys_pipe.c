#define _GNU_SOURCE
/* Pipes and descriptors: read/write order, EOF, SIGPIPE and EPIPE, O_NONBLOCK, poll, select, dup, fcntl, readv/writev. */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <unistd.h>
#include "sys_common.h"

static volatile int sigpipes;
static void on_sigpipe(int sig) { (void)sig; sigpipes++; }

int main(void)
{
    int p[2];
    CHECK("pipe", pipe(p));
    printf("fds %d %d\n", p[0], p[1]);
    CHECK("write", write(p[1], "hello ", 6));
    CHECK("write", write(p[1], "pipe", 4));
    int avail = -1;
    CHECK("FIONREAD", ioctl(p[0], FIONREAD, &avail));
    printf("available %d\n", avail);
    char buf[64] = { 0 };
    CHECK("read 3", read(p[0], buf, 3));
    CHECK("read rest", read(p[0], buf + 3, sizeof buf - 4));
    printf("got '%s'\n", buf);
    CHECK("lseek", lseek(p[0], 0, SEEK_SET));
    CHECK("read wrong end", read(p[1], buf, 1));
    CHECK("write wrong end", write(p[0], "x", 1));

    struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
    CHECK("poll empty", poll(pf, 2, 0));
    printf("revents %x %x\n", pf[0].revents, pf[1].revents);
    write(p[1], "z", 1);
    CHECK("poll data", poll(pf, 2, 0));
    printf("revents %x %x\n", pf[0].revents, pf[1].revents);

    fd_set rs, ws;
    FD_ZERO(&rs); FD_ZERO(&ws);
    FD_SET(p[0], &rs); FD_SET(p[1], &ws);
    struct timeval tv = { 0, 0 };
    CHECK("select", select(p[1] + 1, &rs, &ws, NULL, &tv));
    printf("isset %d %d\n", FD_ISSET(p[0], &rs), FD_ISSET(p[1], &ws));
    read(p[0], buf, 1);

    CHECK("F_GETFL nonblock", fcntl(p[0], F_GETFL) & O_NONBLOCK);
    CHECK("F_SETFL", fcntl(p[0], F_SETFL, O_NONBLOCK));
    CHECK("F_GETFL nonblock", fcntl(p[0], F_GETFL) & O_NONBLOCK);
    CHECK("read empty nonblock", read(p[0], buf, 1));
    CHECK("F_GETFD", fcntl(p[0], F_GETFD));
    CHECK("F_SETFD", fcntl(p[0], F_SETFD, FD_CLOEXEC));
    CHECK("F_GETFD", fcntl(p[0], F_GETFD));

    int d = dup(p[1]);
    printf("dup %d\n", d);
    CHECK("close original write end", close(p[1]));
    CHECK("write via dup", write(d, "abc", 3));
    CHECK("dup2", dup2(d, 20));
    CHECK("dup2 same", dup2(20, 20));
    CHECK("dup3 same", dup3(20, 20, 0));
    CHECK("dup2 bad", dup2(99, 21));
    CHECK("F_DUPFD", fcntl(d, F_DUPFD, 30));
    close(d);
    close(20);
    CHECK("read with writer left", read(p[0], buf, sizeof buf));
    CHECK("close dup'ed", close(30));
    CHECK("read at eof", read(p[0], buf, sizeof buf));
    pf[0].events = POLLIN;
    CHECK("poll hup", poll(pf, 1, 0));
    printf("revents %x\n", pf[0].revents);
    close(p[0]);

    CHECK("pipe2", pipe2(p, O_CLOEXEC | O_NONBLOCK));
    CHECK("F_GETFD", fcntl(p[1], F_GETFD));
    CHECK("nonblock", (fcntl(p[1], F_GETFL) & O_NONBLOCK) != 0);
    struct iovec iov[3] = { { "one ", 4 }, { "two ", 4 }, { "three", 5 } };
    CHECK("writev", writev(p[1], iov, 3));
    char a[5] = { 0 }, b[20] = { 0 };
    struct iovec rv[2] = { { a, 4 }, { b, sizeof b - 1 } };
    CHECK("readv", readv(p[0], rv, 2));
    printf("readv '%s' '%s'\n", a, b);
    close(p[0]);
    signal(SIGPIPE, on_sigpipe);
    CHECK("write no reader", write(p[1], "x", 1));
    printf("sigpipes %d\n", sigpipes);
    signal(SIGPIPE, SIG_IGN);
    CHECK("write no reader ignored", write(p[1], "x", 1));
    printf("sigpipes %d\n", sigpipes);
    close(p[1]);

    CHECK("close bad", close(-1));
    CHECK("close unopened", close(500));
    CHECK("isatty pipe", isatty(p[0]));
    int null = open("/dev/null", O_RDWR);
    CHECK("isatty devnull", isatty(null));
    CHECK("read devnull", read(null, buf, 10));
    CHECK("write devnull", write(null, buf, 10));
    close(null);
    int zero = open("/dev/zero", O_RDONLY);
    memset(buf, 7, 16);
    CHECK("read devzero", read(zero, buf, 16));
    printf("zeroes %d\n", buf[0] == 0 && buf[15] == 0);
    close(zero);
    return 0;
}
