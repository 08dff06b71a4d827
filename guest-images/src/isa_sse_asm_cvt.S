
    .intel_syntax noprefix
    .text
    .globl _start
_start:
    and rsp, -16
    ldmxcsr [mxdef]
    call run_cvt
    call flush
    mov eax, 231
    xor edi, edi
    syscall

# put_hex: append the rcx low bytes of rdi (little-endian value) as hex, most significant first.
put_hex:
    mov [hexbuf], rdi
    dec rcx
1:  movzx eax, byte ptr [hexbuf + rcx]
    movzx eax, word ptr [hextab + rax*2]
    mov rdx, [outpos]
    mov [outbuf + rdx], ax
    add rdx, 2
    mov [outpos], rdx
    dec rcx
    jns 1b
    ret

put_char:
    mov rdx, [outpos]
    mov [outbuf + rdx], dil
    inc rdx
    mov [outpos], rdx
    ret

# put_str: rsi = NUL-terminated string
put_str:
    mov rdx, [outpos]
1:  movzx eax, byte ptr [rsi]
    test eax, eax
    je 2f
    mov [outbuf + rdx], al
    inc rdx
    inc rsi
    jmp 1b
2:  mov [outpos], rdx
    ret

flush:
    mov rdx, [outpos]
    test rdx, rdx
    je 1f
    mov eax, 1
    mov edi, 1
    lea rsi, [outbuf]
    syscall
    mov qword ptr [outpos], 0
1:  ret

maybe_flush:
    cmp qword ptr [outpos], 60000
    jb 1f
    call flush
1:  ret


run_cvt:
    push rbx
    push r12
    push r13
    push r14
    push r15
    xor r12d, r12d
.Lcvts:
    mov rsi, [cvt_names + r12*8]
    call put_str
    mov edi, 10
    call put_char
    xor r13d, r13d
.Lcvtm:
    xor r14d, r14d
.Lcvtp:
    mov rax, [cvt_modeptr + r12*8]
    mov eax, [rax + r13*4]
    mov [mxin], eax
    lea rsi, [r14*8]
    lea rsi, [cvt_pairs + rsi*4]
    movdqa xmm0, [rsi]
    movdqa xmm1, [rsi+16]
    xor eax, eax
    ldmxcsr [mxin]
    call [cvt_snips + r12*8]
    stmxcsr [mxout]
    ldmxcsr [mxdef]
    movdqa [res], xmm0
    mov [resrax], rax
    mov rdi, r13
    mov ecx, 1
    call put_hex
    mov rdi, r14
    mov ecx, 2
    call put_hex
    mov edi, 32
    call put_char
    mov rdi, [res+8]
    mov ecx, 8
    call put_hex
    mov rdi, [res]
    mov ecx, 8
    call put_hex
    mov edi, 32
    call put_char
    mov rdi, [resrax]
    mov ecx, 8
    call put_hex
    mov edi, 32
    call put_char
    mov edi, [mxout]
    mov ecx, 4
    call put_hex
    mov edi, 10
    call put_char
    call maybe_flush
    inc r14
    cmp r14, 24
    jb .Lcvtp
    inc r13
    cmp r13, [cvt_nmodes + r12*8]
    jb .Lcvtm
    inc r12
    cmp r12, 8
    jb .Lcvts
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

cvt_snip0:
    cvtdq2ps xmm0, xmm1
    ret
cvt_snip1:
    cvtdq2pd xmm0, xmm1
    ret
cvt_snip2:
    movq rax, xmm1
    cvtsi2ss xmm0, rax
    ret
cvt_snip3:
    movq rax, xmm1
    cvtsi2ss xmm0, eax
    ret
cvt_snip4:
    movq rax, xmm1
    cvtsi2sd xmm0, rax
    ret
cvt_snip5:
    movq rax, xmm1
    cvtsi2sd xmm0, eax
    ret
cvt_snip6:
    cvtsi2ss xmm0, dword ptr [rsi+16]
    ret
cvt_snip7:
    cvtsi2sd xmm0, qword ptr [rsi+24]
    ret
    .data
    .balign 16
cvt_snips:
    .quad cvt_snip0
    .quad cvt_snip1
    .quad cvt_snip2
    .quad cvt_snip3
    .quad cvt_snip4
    .quad cvt_snip5
    .quad cvt_snip6
    .quad cvt_snip7
cvt_names:
    .quad cvt_name0
    .quad cvt_name1
    .quad cvt_name2
    .quad cvt_name3
    .quad cvt_name4
    .quad cvt_name5
    .quad cvt_name6
    .quad cvt_name7
cvt_name0: .asciz "== cvt: A:cvtdq2ps xmm0, xmm1"
cvt_name1: .asciz "== cvt: A:cvtdq2pd xmm0, xmm1"
cvt_name2: .asciz "== cvt: A:movq rax, xmm1; cvtsi2ss xmm0, rax"
cvt_name3: .asciz "== cvt: A:movq rax, xmm1; cvtsi2ss xmm0, eax"
cvt_name4: .asciz "== cvt: A:movq rax, xmm1; cvtsi2sd xmm0, rax"
cvt_name5: .asciz "== cvt: A:movq rax, xmm1; cvtsi2sd xmm0, eax"
cvt_name6: .asciz "== cvt: A:cvtsi2ssl xmm0, [rsi+16]"
cvt_name7: .asciz "== cvt: A:cvtsi2sdq xmm0, [rsi+24]"
cvt_modeptr:
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
cvt_nmodes:
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .balign 16
cvt_pairs:
    .quad 0x6edd7c39db4a952, 0xa3164a224b8fd480, 0x0, 0x1000001
    .quad 0x242c8baec02feb29, 0x762b376cd64e5ebf, 0x1, 0x7fffffc0
    .quad 0x511b8fbb4c268dc2, 0x5f4afab80217f059, 0xffffffff, 0x7fffff80
    .quad 0x8203d2c6da16e9f9, 0x8685a1d83bf39a6a, 0x7fffffff, 0x8000000000000000
    .quad 0x850dd3b44b93a7de, 0x67e2ca5edd34b711, 0x80000000, 0x7fffffffffffffff
    .quad 0xb9633559cf3f3a3f, 0xe73934f7033e2b8b, 0x1000001, 0x20000000000001
    .quad 0xf65754be4dfbd51c, 0x248f7656fe5ae5b6, 0x7fffffc0, 0xffffffffffffffff
    .quad 0x8e4c119d6253fdfd, 0x893e2503b95b8546, 0x7fffff80, 0x7fffff4000000000
    .quad 0x901c5e4ddff8a3cc, 0x87111255ed00218b, 0x8000000000000000, 0x8000008000000001
    .quad 0x95451d6c44f32308, 0xbf36cd7fca4f074e, 0x7fffffffffffffff, 0xffffffff
    .quad 0x6ae88bb953738ac0, 0x4641864b37c5ddd5, 0x20000000000001, 0x123456789abcdef1
    .quad 0x948027bded3b832e, 0x7b0a25e75734ffa8, 0xffffffffffffffff, 0x0
    .quad 0x7af6343f33fe7c57, 0xdec1cafc9752756f, 0x7fffff4000000000, 0x1
    .quad 0x2f1c8c3e20c66a45, 0x428b3e1d0ff7d7d1, 0x8000008000000001, 0xffffffff
    .quad 0x38ba6b13ea9bec3e, 0x39eb8a083efe1466, 0xffffffff, 0x7fffffff
    .quad 0xf9a37fd8301631ce, 0x5264eae1f99ae2d, 0x123456789abcdef1, 0x80000000
    .quad 0x19e54a56fc6ab631, 0x242ef10383c3cf1d, 0xc30887d152522fc3, 0x43d50bca173d1b5c
    .quad 0xc016cfc383ea366a, 0xdc5e139bc9a13886, 0x7ee452a387829b77, 0x7177a49c3447a381
    .quad 0x504e393f30bbec86, 0x8f6b37f4e80f7adf, 0xeb075b148a8e33ea, 0x3c68d04ec70950d
    .quad 0x6a950af2c5e29767, 0x4388d0aadd326b89, 0x391ba2dd135fcd1e, 0x4cb58ee46d21f504
    .quad 0x5e1e770a3cfa77ee, 0xc367f3329e1b881, 0xb621bba3f7ac7bb0, 0x5deec68b4aa5cf47
    .quad 0x253549d72699b519, 0xe9ab826bd87ce033, 0xf1f82d7266947533, 0x6f799ea74bd07119
    .quad 0x671d3c3900eb7bb, 0x597236698a5c2414, 0xedd8ecaa787b195c, 0x80699a2e21ba386e
    .quad 0xbf00ae507b46979e, 0xc36a85b6a2843d31, 0x40703b955b7e590b, 0x6c3a5f246b8d8779
    .quad 0, 0, 0, 0
    .balign 16
oneps: .long 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000
absps: .long 0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff
tolps: .long 0x39c00000, 0x39c00000, 0x39c00000, 0x39c00000
tol2ps: .long 0x3a400000, 0x3a400000, 0x3a400000, 0x3a400000
modes_all: .long 0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0
modes_daz: .long 0x1f80, 0x1fc0
modes_one: .long 0x1f80
mxdef: .long 0x1f80
hextab: .ascii "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"
    .bss
    .balign 64
fxarea: .skip 512
scratch: .skip 64
res: .skip 16
resrax: .skip 8
hexbuf: .skip 8
outpos: .skip 8
mxin: .skip 4
mxout: .skip 4
mxsave: .skip 4
    .balign 16
outbuf: .skip 65536
