# A libc-free guest: prints a greeting, loops a while, and exits with status 7.
    .globl _start
    .text
_start:
    mov $1, %eax            # write(1, msg, len)
    mov $1, %edi
    lea msg(%rip), %rsi
    mov $len, %edx
    syscall
    mov $100000, %ecx
1:  add %rcx, %rbx
    dec %ecx
    jnz 1b
    rdtsc
    mov $60, %eax           # exit(7)
    mov $7, %edi
    syscall
    .data
msg: .ascii "hello from assembly\n"
    .set len, . - msg
