/* Executes an undefined instruction: the guest must die of SIGILL (status 132), as natively. */
#include <stdio.h>
int main(void) {
    printf("before ud2\n");
    fflush(stdout);
    __asm__ volatile("ud2");
    return 0;
}
