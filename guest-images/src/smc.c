/* Self-modifying code: generated code is run, rewritten and run again, including a patch of
   an instruction later in the very block that performs the write. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef int (*fn)(void);

int main(void) {
    unsigned char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) return 1;
    /* mov eax, imm32 ; ret */
    unsigned char ret_imm[] = { 0xB8, 0x11, 0x00, 0x00, 0x00, 0xC3 };
    memcpy(page, ret_imm, sizeof ret_imm);
    int total = 0;
    for (int i = 0; i < 50; i++) {
        page[1] = (unsigned char)i;          /* rewrite the immediate each time */
        total += ((fn)page)();
    }
    printf("rewritten immediates sum %d\n", total);

    /* In-block patch: mov byte [rip+1], 0x2A ; mov eax, 0x07 ; ret
       The first instruction overwrites the immediate of the second one before it executes. */
    unsigned char in_block[] = { 0xC6, 0x05, 0x01, 0x00, 0x00, 0x00, 0x2A, 0xB8, 0x07, 0x00, 0x00, 0x00, 0xC3 };
    memcpy(page + 64, in_block, sizeof in_block);
    printf("in-block patch returns %d\n", ((fn)(page + 64))());

    /* mprotect away execute permission, then back: the cached code must be dropped and re-read. */
    page[1] = 99;
    mprotect(page, 4096, PROT_READ | PROT_WRITE);
    mprotect(page, 4096, PROT_READ | PROT_EXEC);
    printf("after mprotect %d\n", ((fn)page)());
    munmap(page, 4096);
    return 0;
}
