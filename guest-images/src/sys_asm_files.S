# A libc-free guest that drives the file, directory, pipe and identity syscalls directly and
# prints each result (a number, or -errno), so native and emulated runs can be compared line by line.
# It works in a fixed directory under /tmp and removes it again; it prints no pids, inodes or times.
    .intel_syntax noprefix
    .globl _start

    .set O_WRONLY, 1
    .set O_RDWR, 2
    .set O_CREAT, 0x40
    .set O_TRUNC, 0x200
    .set O_DIRECTORY, 0x10000

.macro SYS nr
    mov eax, \nr
    syscall
.endm

# Prints "text" followed by RAX in decimal and a newline.
.macro SHOW text
    .section .rodata
.Lshow\@: .asciz "\text"
    .text
    push rax
    lea rsi, [rip + .Lshow\@]
    call puts
    pop rax
    call putnum
.endm

.macro PATH reg, name
    lea \reg, [rip + \name]
.endm

    .text
_start:
    call cleanup

    PATH rdi, dir
    mov esi, 0755
    SYS 83                      # mkdir
    SHOW "mkdir: "
    PATH rdi, dir
    mov esi, 0755
    SYS 83
    SHOW "mkdir again: "

    PATH rdi, file_f
    mov esi, O_CREAT | O_WRONLY | O_TRUNC
    mov edx, 0644
    SYS 2                       # open
    mov r12, rax
    SHOW "open creat: "
    mov rdi, r12
    lea rsi, [rip + hello]
    mov edx, 13
    SYS 1
    SHOW "write: "
    mov rdi, r12
    SYS 3
    SHOW "close: "

    PATH rdi, file_f
    xor esi, esi
    SYS 2
    mov r12, rax
    SHOW "open rdonly: "
    mov rdi, r12
    mov esi, 7
    xor edx, edx
    SYS 8                       # lseek
    SHOW "lseek: "
    mov rdi, r12
    lea rsi, [rip + buf]
    mov edx, 64
    SYS 0
    mov r13, rax
    SHOW "read: "
    mov edi, 1
    lea rsi, [rip + buf]
    mov rdx, r13
    SYS 1
    mov rdi, r12
    lea rsi, [rip + statbuf]
    SYS 5                       # fstat
    SHOW "fstat: "
    mov rax, [rip + statbuf + 48]
    SHOW "st_size: "
    mov eax, [rip + statbuf + 24]
    and eax, 0xF000
    SHOW "st_mode type: "
    mov rdi, r12
    lea rsi, [rip + buf]
    mov edx, 5
    xor r10d, r10d
    SYS 17                      # pread64
    SHOW "pread: "
    mov edi, 1
    lea rsi, [rip + buf]
    mov edx, 5
    SYS 1
    mov edi, 1
    lea rsi, [rip + newline]
    mov edx, 1
    SYS 1
    mov rdi, r12
    SYS 3

    PATH rdi, file_missing
    xor esi, esi
    SYS 2
    SHOW "open missing: "
    PATH rdi, file_under_file
    xor esi, esi
    SYS 2
    SHOW "open file/x: "
    PATH rdi, dir
    mov esi, O_WRONLY
    SYS 2
    SHOW "open dir for writing: "

    PATH rdi, file_f
    PATH rsi, file_g
    SYS 82                      # rename
    SHOW "rename: "
    PATH rdi, file_f
    lea rsi, [rip + statbuf]
    SYS 4
    SHOW "stat old: "
    PATH rdi, file_g
    lea rsi, [rip + statbuf]
    SYS 4
    SHOW "stat new: "

    lea rdi, [rip + name_g]
    PATH rsi, file_s
    SYS 88                      # symlink
    SHOW "symlink: "
    PATH rdi, file_s
    lea rsi, [rip + buf]
    mov edx, 64
    SYS 89                      # readlink
    SHOW "readlink: "
    PATH rdi, file_s
    lea rsi, [rip + statbuf]
    SYS 6                       # lstat
    SHOW "lstat: "
    mov eax, [rip + statbuf + 24]
    and eax, 0xF000
    SHOW "lstat type: "
    PATH rdi, file_s
    lea rsi, [rip + statbuf]
    SYS 4
    mov rax, [rip + statbuf + 48]
    SHOW "stat through link size: "

    PATH rdi, dir_sub
    mov esi, 0700
    SYS 83
    SHOW "mkdir sub: "
    PATH rdi, dir
    SYS 84                      # rmdir
    SHOW "rmdir non-empty: "
    PATH rdi, dir_sub
    SYS 87                      # unlink
    SHOW "unlink dir: "

    PATH rdi, dir
    mov esi, O_DIRECTORY
    SYS 2
    mov r12, rax
    SHOW "open dir: "
    mov rdi, r12
    lea rsi, [rip + dents]
    mov edx, 4096
    SYS 217                     # getdents64
    mov r13, rax
    # Count the records by following reclen.
    xor r14d, r14d
    lea rcx, [rip + dents]
    lea r15, [rcx + r13]
1:  cmp rcx, r15
    jae 2f
    inc r14
    movzx eax, word ptr [rcx + 16]
    add rcx, rax
    jmp 1b
2:  mov rax, r14
    SHOW "dirents: "
    mov rdi, r12
    lea rsi, [rip + dents]
    mov edx, 4096
    SYS 217
    SHOW "getdents at end: "
    mov rdi, r12
    SYS 3

    lea rdi, [rip + pipefds]
    xor esi, esi
    SYS 293                     # pipe2
    SHOW "pipe2: "
    mov eax, [rip + pipefds]
    SHOW "read end: "
    mov eax, [rip + pipefds + 4]
    SHOW "write end: "
    mov edi, [rip + pipefds + 4]
    lea rsi, [rip + pipemsg]
    mov edx, 5
    SYS 1
    SHOW "pipe write: "
    mov edi, [rip + pipefds]
    xor esi, esi
    mov edx, 1
    SYS 8
    SHOW "lseek pipe: "
    mov edi, [rip + pipefds]
    lea rsi, [rip + buf]
    mov edx, 64
    SYS 0
    SHOW "pipe read: "
    mov edi, 1
    lea rsi, [rip + buf]
    mov edx, 5
    SYS 1
    mov edi, [rip + pipefds + 4]
    SYS 3
    mov edi, [rip + pipefds]
    lea rsi, [rip + buf]
    mov edx, 64
    SYS 0
    SHOW "pipe read after close: "
    mov edi, [rip + pipefds]
    SYS 3

    mov edi, 1
    mov esi, 9
    SYS 33                      # dup2
    SHOW "dup2: "
    mov edi, 9
    lea rsi, [rip + dupmsg]
    mov edx, 4
    SYS 1
    mov edi, 9
    SYS 3
    mov edi, 1
    mov esi, 1030               # F_DUPFD_CLOEXEC
    mov edx, 5
    SYS 72
    SHOW "F_DUPFD_CLOEXEC: "
    mov edi, 5
    mov esi, 1                  # F_GETFD
    SYS 72
    SHOW "F_GETFD: "
    mov edi, 5
    SYS 3
    mov edi, 77
    SYS 3
    SHOW "close bad: "

    lea rdi, [rip + utsname]
    SYS 63                      # uname
    SHOW "uname: "
    mov edi, 1
    lea rsi, [rip + utsname]
    mov edx, 5
    SYS 1
    mov edi, 1
    lea rsi, [rip + utsname + 260]
    mov edx, 6
    SYS 1
    mov edi, 1
    lea rsi, [rip + newline]
    mov edx, 1
    SYS 1

    PATH rdi, dir
    SYS 80                      # chdir
    SHOW "chdir: "
    lea rdi, [rip + buf]
    mov esi, 256
    SYS 79                      # getcwd
    mov r13, rax
    SHOW "getcwd: "
    mov edi, 1
    lea rsi, [rip + buf]
    lea rdx, [r13 - 1]
    SYS 1
    mov edi, 1
    lea rsi, [rip + newline]
    mov edx, 1
    SYS 1
    lea rdi, [rip + name_g]
    mov esi, 4                  # R_OK
    SYS 21                      # access, relative to the new cwd
    SHOW "access g: "
    lea rdi, [rip + name_missing]
    xor esi, esi
    SYS 21
    SHOW "access missing: "

    lea rdi, [rip + name_g]
    mov esi, O_RDWR
    SYS 2
    mov r12, rax
    mov rdi, r12
    mov esi, 4
    SYS 77                      # ftruncate
    SHOW "ftruncate: "
    mov rdi, r12
    lea rsi, [rip + statbuf]
    SYS 5
    mov rax, [rip + statbuf + 48]
    SHOW "size after ftruncate: "
    mov rdi, r12
    SYS 3

    lea rdi, [rip + devzero]
    xor esi, esi
    SYS 2
    mov r12, rax
    mov qword ptr [rip + buf], -1
    mov rdi, r12
    lea rsi, [rip + buf]
    mov edx, 8
    SYS 0
    SHOW "read /dev/zero: "
    mov rax, [rip + buf]
    SHOW "zero bytes: "
    mov rdi, r12
    SYS 3
    lea rdi, [rip + devnull]
    mov esi, O_WRONLY
    SYS 2
    mov r12, rax
    mov rdi, r12
    lea rsi, [rip + hello]
    mov edx, 13
    SYS 1
    SHOW "write /dev/null: "
    mov rdi, r12
    SYS 3

    mov edi, 1
    lea rsi, [rip + timespec]
    SYS 228                     # clock_gettime
    SHOW "clock_gettime: "
    lea rdi, [rip + buf]
    mov esi, 8
    xor edx, edx
    SYS 318                     # getrandom
    SHOW "getrandom: "
    mov edi, 9
    lea rsi, [rip + sigact]
    xor edx, edx
    mov r10d, 8
    SYS 13                      # rt_sigaction(SIGKILL)
    SHOW "sigaction SIGKILL: "
    mov edi, 10
    lea rsi, [rip + sigact]
    xor edx, edx
    mov r10d, 4
    SYS 13
    SHOW "sigaction bad size: "
    xor edi, edi
    lea rsi, [rip + sigset]
    lea rdx, [rip + oldset]
    mov r10d, 8
    SYS 14                      # rt_sigprocmask
    SHOW "sigprocmask: "
    mov edi, 999
    SYS 500
    SHOW "unknown syscall: "

    PATH rdi, root
    SYS 80
    call cleanup
    SHOW "cleanup: "
    xor edi, edi
    SYS 60

# Removes what a previous run may have left; returns the last rmdir's result.
cleanup:
    PATH rdi, file_f
    SYS 87
    PATH rdi, file_g
    SYS 87
    PATH rdi, file_s
    SYS 87
    PATH rdi, dir_sub
    SYS 84
    PATH rdi, dir
    SYS 84
    ret

# puts(rsi): writes the NUL-terminated string at rsi to stdout.
puts:
    xor edx, edx
1:  cmp byte ptr [rsi + rdx], 0
    je 2f
    inc rdx
    jmp 1b
2:  mov edi, 1
    SYS 1
    ret

# putnum(rax): writes rax as a signed decimal number and a newline, by repeated subtraction.
putnum:
    lea rdi, [rip + numbuf]
    test rax, rax
    jns 1f
    mov byte ptr [rdi], '-'
    inc rdi
    neg rax
1:  lea r8, [rip + powers]
    xor r9d, r9d                # set once a digit has been written
2:  mov r10, [r8]
    test r10, r10
    jz 5f
    mov cl, '0'
3:  cmp rax, r10
    jb 4f
    sub rax, r10
    inc cl
    jmp 3b
4:  cmp cl, '0'
    jne 6f
    test r9d, r9d
    jnz 6f
    cmp r10, 1
    jne 7f
6:  mov [rdi], cl
    inc rdi
    mov r9d, 1
7:  add r8, 8
    jmp 2b
5:  mov byte ptr [rdi], 10
    inc rdi
    lea rsi, [rip + numbuf]
    mov rdx, rdi
    sub rdx, rsi
    mov edi, 1
    SYS 1
    ret

    .section .rodata
    .p2align 3
powers: .quad 1000000000000, 100000000000, 10000000000, 1000000000, 100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1, 0
root: .asciz "/"
dir: .asciz "/tmp/ftemu_sys_asm_files"
dir_sub: .asciz "/tmp/ftemu_sys_asm_files/sub"
file_f: .asciz "/tmp/ftemu_sys_asm_files/f"
file_g: .asciz "/tmp/ftemu_sys_asm_files/g"
file_s: .asciz "/tmp/ftemu_sys_asm_files/s"
file_missing: .asciz "/tmp/ftemu_sys_asm_files/missing"
file_under_file: .asciz "/tmp/ftemu_sys_asm_files/f/x"
name_g: .asciz "g"
name_missing: .asciz "missing"
devzero: .asciz "/dev/zero"
devnull: .asciz "/dev/null"
hello: .ascii "hello, world\n"
pipemsg: .ascii "pipe\n"
dupmsg: .ascii "dup\n"
newline: .ascii "\n"

    .data
    .p2align 3
sigact: .quad 1, 0, 0, 0
sigset: .quad 0x400
oldset: .quad 0
pipefds: .long 0, 0
timespec: .quad 0, 0

    .bss
    .p2align 4
buf: .skip 256
statbuf: .skip 144
utsname: .skip 390
numbuf: .skip 32
dents: .skip 4096
