/* Prints "line 001" .. "line N", one write(2) each, sleeping between lines:
   counter [lines] [delay_ms]. The lockstep demo and the failover tests run it. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int lines = argc > 1 ? atoi(argv[1]) : 0;
    int delay = argc > 2 ? atoi(argv[2]) : 0;
    if (lines <= 0) lines = 5;
    if (delay < 0) delay = 0;
    struct timespec ts = { delay / 1000, (long)(delay % 1000) * 1000000L };
    char buf[32];
    for (int i = 1; i <= lines; i++) {
        int n = snprintf(buf, sizeof buf, "line %03d\n", i);
        if (write(1, buf, (size_t)n) != n) return 1;
        if (delay) nanosleep(&ts, NULL);
    }
    return 0;
}
