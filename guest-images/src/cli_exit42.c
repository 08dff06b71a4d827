/* ftemu run must hand the guest's exit status to its own caller: this guest exits with 42. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("exiting with 42 (argc=%d)\n", argc);
    fflush(stdout);
    exit(42);
}
