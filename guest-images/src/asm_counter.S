# Prints "line 001" .. "line 050", sleeping 20 ms between lines with nanosleep.
# Libc-free, so it runs wherever the core does; the lockstep demo and failover tests use it.
    .globl _start
    .text
_start:
    mov $50, %r12               # lines left
1:  lea digits+2(%rip), %rdi    # increment the three ASCII digits with carry
2:  incb (%rdi)
    cmpb $'9', (%rdi)
    jbe 3f
    movb $'0', (%rdi)
    dec %rdi
    jmp 2b
3:  mov $1, %eax                # write(1, line, 9)
    mov $1, %edi
    lea line(%rip), %rsi
    mov $9, %edx
    syscall
    mov $35, %eax               # nanosleep(&ts, NULL)
    lea ts(%rip), %rdi
    xor %esi, %esi
    syscall
    dec %r12
    jnz 1b
    mov $60, %eax
    xor %edi, %edi
    syscall
    .data
ts: .quad 0, 20000000
line: .ascii "line "
digits: .ascii "000\n"
