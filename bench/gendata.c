/* Writes SIZE bytes of deterministic, text-like test data (words, numbers and some noise) to stdout,
 * for the busybox benchmarks: compressible like real text, but never a repeating pattern.
 * Usage: gendata SIZE */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) { fputs("usage: gendata SIZE\n", stderr); return 2; }
    long size = atol(argv[1]);
    static const char *words[] = {"lorem", "ipsum", "dolor", "sit", "amet", "record", "replay", "lockstep", "guest",
                                  "instruction", "syscall", "boundary", "checkpoint", "primary", "secondary", "state"};
    static char buf[1 << 16];
    uint64_t x = 0x853C49E6748FEA9Bull;
    long done = 0;
    size_t n = 0;
    while (done < size) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        char tok[32];
        int len;
        switch (x >> 60) {
        case 0: len = snprintf(tok, sizeof tok, "%llu ", (unsigned long long)(x >> 20) % 100000); break;
        case 1: len = 1; tok[0] = "\n.,;"[(x >> 8) & 3]; break;
        case 2: len = 1; tok[0] = (char)(33 + (x >> 8) % 94); break;
        default: len = snprintf(tok, sizeof tok, "%s ", words[(x >> 8) & 15]); break;
        }
        if (len > size - done) len = (int)(size - done);
        if (n + (size_t)len > sizeof buf) { fwrite(buf, 1, n, stdout); n = 0; }
        memcpy(buf + n, tok, (size_t)len);
        n += (size_t)len;
        done += len;
    }
    fwrite(buf, 1, n, stdout);
    return 0;
}
