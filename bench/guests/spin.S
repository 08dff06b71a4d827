# Integer kernel with no libc, for FtEmu.AllocCheck: fills a 64 KB buffer, then makes 600 passes
# over it mixing loads, stores, adds, xors, byte swaps, conditional moves, calls and branches
# (about 150 M instructions). Exits with the low byte of the hash.
    .globl _start
    .text
_start:
    lea buf(%rip), %rsi
    xor %ecx, %ecx
    mov $0x9E3779B97F4A7C15, %rax
fill:                               # buf[i] = running sum, perturbed by byte swaps
    add %rcx, %rax
    bswap %rax
    xor $0x5bd1e995, %eax
    mov %rax, (%rsi,%rcx,8)
    inc %ecx
    cmp $8192, %ecx
    jne fill

    mov $600, %r12d                 # passes
    xor %ebx, %ebx                  # hash
pass:
    xor %ecx, %ecx
word:
    mov (%rsi,%rcx,8), %rdx
    call mix
    inc %ecx
    cmp $8192, %ecx
    jb word
    dec %r12d
    jnz pass

    movzx %bl, %edi
    mov $60, %eax                   # exit(hash & 0xff)
    syscall

mix:                                # rbx = f(rbx, rdx); also writes the word back changed
    add %rdx, %rbx
    bswap %rbx
    lea 0x1234567(%rbx,%rdx,2), %r8
    xor %r8, %rbx
    cmp %rdx, %rbx
    cmovb %rdx, %r9
    add %r9, %rbx
    not %rdx
    mov %rdx, (%rsi,%rcx,8)
    ret

    .bss
    .align 64
buf: .skip 65536
