#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    printf("hello, world %d %s\n", argc, argv[0]);
    char *p = malloc(100000); memset(p, 'x', 99999); p[99999]=0;
    printf("%zu\n", strlen(p));
    return 3;
}
