/* Writes "record N" lines to a file, one write(2) each, sleeping between them, then reports:
   filewriter [path] [lines] [delay_ms]. The failover tests check the file after killing the primary. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    const char *path = argc > 1 && argv[1][0] != 'a' ? argv[1] : "filewriter.out";
    int lines = argc > 2 ? atoi(argv[2]) : 0;
    int delay = argc > 3 ? atoi(argv[3]) : 0;
    if (lines <= 0) lines = 5;
    struct timespec ts = { delay / 1000, (long)(delay % 1000) * 1000000L };
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    char buf[32];
    for (int i = 1; i <= lines; i++) {
        int n = snprintf(buf, sizeof buf, "record %04d\n", i);
        if (write(fd, buf, (size_t)n) != n) return 2;
        if (delay) nanosleep(&ts, NULL);
    }
    close(fd);
    printf("wrote %d records\n", lines);
    return 0;
}
