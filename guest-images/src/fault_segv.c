/* Writes to an unmapped address: the guest must die of SIGSEGV (status 139), as natively. */
#include <stdio.h>
int main(int argc, char **argv) {
    (void)argv;
    printf("before the fault\n");
    fflush(stdout);
    volatile int *p = (volatile int *)(unsigned long)(16 + argc);
    *p = 1;
    printf("not reached\n");
    return 0;
}
