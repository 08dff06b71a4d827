/* I/O-bound guest: many small writes to a file, then many small reads back, then a checksum.
   io [SCALE]: SCALE 1.0 is 1,000,000 writes and reads of 64 bytes. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long n = (long)(1000000 * scale);
    if (n < 1) n = 1;
    char path[] = "/tmp/ftemu-bench-io-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) { perror("mkstemp"); return 1; }
    unlink(path);
    char buf[64];
    unsigned long sum = 0;
    for (long i = 0; i < n; i++) {
        memset(buf, (int)(i & 0xFF), sizeof buf);
        if (write(fd, buf, sizeof buf) != sizeof buf) return 2;
    }
    lseek(fd, 0, SEEK_SET);
    for (long i = 0; i < n; i++) {
        if (read(fd, buf, sizeof buf) != sizeof buf) return 3;
        sum = sum * 31 + (unsigned char)buf[i % 64];
    }
    close(fd);
    printf("io: %ld records, checksum %lu\n", n, sum);
    return 0;
}
