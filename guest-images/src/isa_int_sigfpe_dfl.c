/* A divide by zero with no handler installed: the process dies of SIGFPE (exit status 136). */
#include <unistd.h>

int main(void)
{
    write(1, "before\n", 7);
    volatile unsigned zero = 0;
    unsigned r;
    asm volatile("xor %%edx,%%edx\n\tmov $10,%%eax\n\tdivl %1" : "=a"(r) : "r"(zero) : "rdx", "cc");
    write(1, "after\n", 6);
    return (int)r;
}
