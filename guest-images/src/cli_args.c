/* Prints its argv and one environment variable, so tests can check what ftemu passes through to the guest. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=<%s>\n", i, argv[i]);
    const char *v = getenv("FTEMU_CLI_TEST");
    printf("FTEMU_CLI_TEST=<%s>\n", v ? v : "(unset)");
    fprintf(stderr, "to stderr\n");
    return argc - 1;
}
