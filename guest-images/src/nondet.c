/* A guest whose output differs on every run: it reads the clock, random bytes, the TSC, its pid
   and standard input. A recording of it must still replay exactly its own run. */
#include <stdio.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/time.h>

static uint64_t rdtsc(void) {
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

int main(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    unsigned char rnd[16];
    if (getrandom(rnd, sizeof rnd, 0) != sizeof rnd) return 1;
    char line[256];
    size_t n = fread(line, 1, sizeof line - 1, stdin);
    line[n] = 0;
    printf("time %lld.%09ld %lld\n", (long long)ts.tv_sec, ts.tv_nsec, (long long)tv.tv_usec);
    printf("random");
    for (int i = 0; i < 16; i++) printf(" %02x", rnd[i]);
    printf("\ntsc %llu pid %d\nstdin %s\n", (unsigned long long)rdtsc(), (int)getpid(), line);
    return (int)(rnd[0] & 7);
}
