
    .intel_syntax noprefix
    .text
    .globl _start
_start:
    and rsp, -16
    ldmxcsr [mxdef]
    call run_f32
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


run_f32:
    push rbx
    push r12
    push r13
    push r14
    push r15
    xor r12d, r12d
.Lf32s:
    mov rsi, [f32_names + r12*8]
    call put_str
    mov edi, 10
    call put_char
    xor r13d, r13d
.Lf32m:
    xor r14d, r14d
.Lf32p:
    mov rax, [f32_modeptr + r12*8]
    mov eax, [rax + r13*4]
    mov [mxin], eax
    lea rsi, [r14*8]
    lea rsi, [f32_pairs + rsi*4]
    movdqa xmm0, [rsi]
    movdqa xmm1, [rsi+16]
    xor eax, eax
    ldmxcsr [mxin]
    call [f32_snips + r12*8]
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
    cmp r14, 176
    jb .Lf32p
    inc r13
    cmp r13, [f32_nmodes + r12*8]
    jb .Lf32m
    inc r12
    cmp r12, 65
    jb .Lf32s
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

f32_snip0:
    addps xmm0, xmm1
    ret
f32_snip1:
    subps xmm0, xmm1
    ret
f32_snip2:
    mulps xmm0, xmm1
    ret
f32_snip3:
    divps xmm0, xmm1
    ret
f32_snip4:
    minps xmm0, xmm1
    ret
f32_snip5:
    maxps xmm0, xmm1
    ret
f32_snip6:
    addss xmm0, xmm1
    ret
f32_snip7:
    subss xmm0, xmm1
    ret
f32_snip8:
    mulss xmm0, xmm1
    ret
f32_snip9:
    divss xmm0, xmm1
    ret
f32_snip10:
    minss xmm0, xmm1
    ret
f32_snip11:
    maxss xmm0, xmm1
    ret
f32_snip12:
    sqrtps xmm0, xmm1
    ret
f32_snip13:
    sqrtss xmm0, xmm1
    ret
f32_snip14:
    addps xmm0, [rsi+16]
    ret
f32_snip15:
    divss xmm0, [rsi+20]
    ret
f32_snip16:
    maxps xmm0, [rsi+16]
    ret
f32_snip17:
    cmpps xmm0, xmm1, 0
    ret
f32_snip18:
    cmpps xmm0, xmm1, 1
    ret
f32_snip19:
    cmpps xmm0, xmm1, 2
    ret
f32_snip20:
    cmpps xmm0, xmm1, 3
    ret
f32_snip21:
    cmpps xmm0, xmm1, 4
    ret
f32_snip22:
    cmpps xmm0, xmm1, 5
    ret
f32_snip23:
    cmpps xmm0, xmm1, 6
    ret
f32_snip24:
    cmpps xmm0, xmm1, 7
    ret
f32_snip25:
    cmpss xmm0, xmm1, 0
    ret
f32_snip26:
    cmpss xmm0, xmm1, 1
    ret
f32_snip27:
    cmpss xmm0, xmm1, 2
    ret
f32_snip28:
    cmpss xmm0, xmm1, 3
    ret
f32_snip29:
    cmpss xmm0, xmm1, 4
    ret
f32_snip30:
    cmpss xmm0, xmm1, 5
    ret
f32_snip31:
    cmpss xmm0, xmm1, 6
    ret
f32_snip32:
    cmpss xmm0, xmm1, 7
    ret
f32_snip33:
    comiss xmm0, xmm1
    pushfq
    pop rax
    and eax, 0x8d5
    ret
f32_snip34:
    ucomiss xmm0, xmm1
    pushfq
    pop rax
    and eax, 0x8d5
    ret
f32_snip35:
    ucomiss xmm1, [rsi]
    pushfq
    pop rax
    and eax, 0x8d5
    ret
f32_snip36:
    cvtss2sd xmm0, xmm1
    ret
f32_snip37:
    cvtps2pd xmm0, xmm1
    ret
f32_snip38:
    cvtps2dq xmm0, xmm1
    ret
f32_snip39:
    cvttps2dq xmm0, xmm1
    ret
f32_snip40:
    cvtss2si eax, xmm1
    ret
f32_snip41:
    cvtss2si rax, xmm1
    ret
f32_snip42:
    cvttss2si eax, xmm1
    ret
f32_snip43:
    cvttss2si rax, [rsi+16]
    ret
f32_snip44:
    andps xmm0, xmm1
    ret
f32_snip45:
    andnps xmm0, xmm1
    ret
f32_snip46:
    orps xmm0, xmm1
    ret
f32_snip47:
    xorps xmm0, xmm1
    ret
f32_snip48:
    shufps xmm0, xmm1, 0x1b
    ret
f32_snip49:
    shufps xmm0, xmm1, 0xe4
    ret
f32_snip50:
    unpcklps xmm0, xmm1
    ret
f32_snip51:
    unpckhps xmm0, xmm1
    ret
f32_snip52:
    movmskps eax, xmm1
    ret
f32_snip53:
    movss xmm0, xmm1
    ret
f32_snip54:
    movss xmm0, [rsi+16]
    ret
f32_snip55:
    movhlps xmm0, xmm1
    ret
f32_snip56:
    movlhps xmm0, xmm1
    ret
f32_snip57:
    movlps xmm0, [rsi+16]
    ret
f32_snip58:
    movhps xmm0, [rsi+16]
    ret
f32_snip59:
    movups xmm0, [rsi+4]
    ret
f32_snip60:
    pxor xmm2, xmm2
    movdqa [scratch], xmm2
    movhps [scratch], xmm1
    movaps xmm0, [scratch]
    ret
f32_snip61:
    movss [scratch], xmm1
    movups xmm0, [scratch]
    ret
f32_snip62:
    stmxcsr [mxsave]
    rcpps xmm2, xmm1
    mulps xmm2, xmm1
    subps xmm2, [oneps]
    andps xmm2, [absps]
    movaps xmm0, [tolps]
    cmpnltps xmm0, xmm2
    movmskps eax, xmm0
    pxor xmm0, xmm0
    ldmxcsr [mxsave]
    ret
f32_snip63:
    stmxcsr [mxsave]
    rsqrtps xmm2, xmm1
    mulps xmm2, xmm2
    mulps xmm2, xmm1
    subps xmm2, [oneps]
    andps xmm2, [absps]
    movaps xmm0, [tol2ps]
    cmpnltps xmm0, xmm2
    movmskps eax, xmm0
    pxor xmm0, xmm0
    ldmxcsr [mxsave]
    ret
f32_snip64:
    stmxcsr [mxsave]
    rcpss xmm2, xmm1
    mulss xmm2, xmm1
    subss xmm2, [oneps]
    andps xmm2, [absps]
    movaps xmm0, [tolps]
    cmpnltss xmm0, xmm2
    movmskps eax, xmm0
    pxor xmm0, xmm0
    ldmxcsr [mxsave]
    ret
    .data
    .balign 16
f32_snips:
    .quad f32_snip0
    .quad f32_snip1
    .quad f32_snip2
    .quad f32_snip3
    .quad f32_snip4
    .quad f32_snip5
    .quad f32_snip6
    .quad f32_snip7
    .quad f32_snip8
    .quad f32_snip9
    .quad f32_snip10
    .quad f32_snip11
    .quad f32_snip12
    .quad f32_snip13
    .quad f32_snip14
    .quad f32_snip15
    .quad f32_snip16
    .quad f32_snip17
    .quad f32_snip18
    .quad f32_snip19
    .quad f32_snip20
    .quad f32_snip21
    .quad f32_snip22
    .quad f32_snip23
    .quad f32_snip24
    .quad f32_snip25
    .quad f32_snip26
    .quad f32_snip27
    .quad f32_snip28
    .quad f32_snip29
    .quad f32_snip30
    .quad f32_snip31
    .quad f32_snip32
    .quad f32_snip33
    .quad f32_snip34
    .quad f32_snip35
    .quad f32_snip36
    .quad f32_snip37
    .quad f32_snip38
    .quad f32_snip39
    .quad f32_snip40
    .quad f32_snip41
    .quad f32_snip42
    .quad f32_snip43
    .quad f32_snip44
    .quad f32_snip45
    .quad f32_snip46
    .quad f32_snip47
    .quad f32_snip48
    .quad f32_snip49
    .quad f32_snip50
    .quad f32_snip51
    .quad f32_snip52
    .quad f32_snip53
    .quad f32_snip54
    .quad f32_snip55
    .quad f32_snip56
    .quad f32_snip57
    .quad f32_snip58
    .quad f32_snip59
    .quad f32_snip60
    .quad f32_snip61
    .quad f32_snip62
    .quad f32_snip63
    .quad f32_snip64
f32_names:
    .quad f32_name0
    .quad f32_name1
    .quad f32_name2
    .quad f32_name3
    .quad f32_name4
    .quad f32_name5
    .quad f32_name6
    .quad f32_name7
    .quad f32_name8
    .quad f32_name9
    .quad f32_name10
    .quad f32_name11
    .quad f32_name12
    .quad f32_name13
    .quad f32_name14
    .quad f32_name15
    .quad f32_name16
    .quad f32_name17
    .quad f32_name18
    .quad f32_name19
    .quad f32_name20
    .quad f32_name21
    .quad f32_name22
    .quad f32_name23
    .quad f32_name24
    .quad f32_name25
    .quad f32_name26
    .quad f32_name27
    .quad f32_name28
    .quad f32_name29
    .quad f32_name30
    .quad f32_name31
    .quad f32_name32
    .quad f32_name33
    .quad f32_name34
    .quad f32_name35
    .quad f32_name36
    .quad f32_name37
    .quad f32_name38
    .quad f32_name39
    .quad f32_name40
    .quad f32_name41
    .quad f32_name42
    .quad f32_name43
    .quad f32_name44
    .quad f32_name45
    .quad f32_name46
    .quad f32_name47
    .quad f32_name48
    .quad f32_name49
    .quad f32_name50
    .quad f32_name51
    .quad f32_name52
    .quad f32_name53
    .quad f32_name54
    .quad f32_name55
    .quad f32_name56
    .quad f32_name57
    .quad f32_name58
    .quad f32_name59
    .quad f32_name60
    .quad f32_name61
    .quad f32_name62
    .quad f32_name63
    .quad f32_name64
f32_name0: .asciz "== f32: A:addps xmm0, xmm1"
f32_name1: .asciz "== f32: A:subps xmm0, xmm1"
f32_name2: .asciz "== f32: A:mulps xmm0, xmm1"
f32_name3: .asciz "== f32: A:divps xmm0, xmm1"
f32_name4: .asciz "== f32: D:minps xmm0, xmm1"
f32_name5: .asciz "== f32: D:maxps xmm0, xmm1"
f32_name6: .asciz "== f32: A:addss xmm0, xmm1"
f32_name7: .asciz "== f32: A:subss xmm0, xmm1"
f32_name8: .asciz "== f32: A:mulss xmm0, xmm1"
f32_name9: .asciz "== f32: A:divss xmm0, xmm1"
f32_name10: .asciz "== f32: D:minss xmm0, xmm1"
f32_name11: .asciz "== f32: D:maxss xmm0, xmm1"
f32_name12: .asciz "== f32: A:sqrtps xmm0, xmm1"
f32_name13: .asciz "== f32: A:sqrtss xmm0, xmm1"
f32_name14: .asciz "== f32: A:addps xmm0, [rsi+16]"
f32_name15: .asciz "== f32: A:divss xmm0, [rsi+20]"
f32_name16: .asciz "== f32: D:maxps xmm0, [rsi+16]"
f32_name17: .asciz "== f32: D:cmpps xmm0, xmm1, 0"
f32_name18: .asciz "== f32: D:cmpps xmm0, xmm1, 1"
f32_name19: .asciz "== f32: D:cmpps xmm0, xmm1, 2"
f32_name20: .asciz "== f32: D:cmpps xmm0, xmm1, 3"
f32_name21: .asciz "== f32: D:cmpps xmm0, xmm1, 4"
f32_name22: .asciz "== f32: D:cmpps xmm0, xmm1, 5"
f32_name23: .asciz "== f32: D:cmpps xmm0, xmm1, 6"
f32_name24: .asciz "== f32: D:cmpps xmm0, xmm1, 7"
f32_name25: .asciz "== f32: D:cmpss xmm0, xmm1, 0"
f32_name26: .asciz "== f32: D:cmpss xmm0, xmm1, 1"
f32_name27: .asciz "== f32: D:cmpss xmm0, xmm1, 2"
f32_name28: .asciz "== f32: D:cmpss xmm0, xmm1, 3"
f32_name29: .asciz "== f32: D:cmpss xmm0, xmm1, 4"
f32_name30: .asciz "== f32: D:cmpss xmm0, xmm1, 5"
f32_name31: .asciz "== f32: D:cmpss xmm0, xmm1, 6"
f32_name32: .asciz "== f32: D:cmpss xmm0, xmm1, 7"
f32_name33: .asciz "== f32: D:comiss xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5"
f32_name34: .asciz "== f32: D:ucomiss xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5"
f32_name35: .asciz "== f32: D:ucomiss xmm1, [rsi]; pushfq; pop rax; and eax, 0x8d5"
f32_name36: .asciz "== f32: A:cvtss2sd xmm0, xmm1"
f32_name37: .asciz "== f32: A:cvtps2pd xmm0, xmm1"
f32_name38: .asciz "== f32: A:cvtps2dq xmm0, xmm1"
f32_name39: .asciz "== f32: A:cvttps2dq xmm0, xmm1"
f32_name40: .asciz "== f32: A:cvtss2si eax, xmm1"
f32_name41: .asciz "== f32: A:cvtss2si rax, xmm1"
f32_name42: .asciz "== f32: A:cvttss2si eax, xmm1"
f32_name43: .asciz "== f32: A:cvttss2si rax, [rsi+16]"
f32_name44: .asciz "== f32: andps xmm0, xmm1"
f32_name45: .asciz "== f32: andnps xmm0, xmm1"
f32_name46: .asciz "== f32: orps xmm0, xmm1"
f32_name47: .asciz "== f32: xorps xmm0, xmm1"
f32_name48: .asciz "== f32: shufps xmm0, xmm1, 0x1b"
f32_name49: .asciz "== f32: shufps xmm0, xmm1, 0xe4"
f32_name50: .asciz "== f32: unpcklps xmm0, xmm1"
f32_name51: .asciz "== f32: unpckhps xmm0, xmm1"
f32_name52: .asciz "== f32: movmskps eax, xmm1"
f32_name53: .asciz "== f32: movss xmm0, xmm1"
f32_name54: .asciz "== f32: movss xmm0, [rsi+16]"
f32_name55: .asciz "== f32: movhlps xmm0, xmm1"
f32_name56: .asciz "== f32: movlhps xmm0, xmm1"
f32_name57: .asciz "== f32: movlps xmm0, [rsi+16]"
f32_name58: .asciz "== f32: movhps xmm0, [rsi+16]"
f32_name59: .asciz "== f32: movups xmm0, [rsi+4]"
f32_name60: .asciz "== f32: pxor xmm2, xmm2; movdqa [scratch], xmm2; movhps [scratch], xmm1; movaps xmm0, [scratch]"
f32_name61: .asciz "== f32: movss [scratch], xmm1; movups xmm0, [scratch]"
f32_name62: .asciz "== f32: D:stmxcsr [mxsave]; rcpps xmm2, xmm1; mulps xmm2, xmm1; subps xmm2, [oneps]; andps xmm2, [absps]; movaps xmm0, [tolps]; cmpnltps xmm0, xmm2; movmskps eax, xmm0; pxor xmm0, xmm0; ldmxcsr [mxsave]"
f32_name63: .asciz "== f32: D:stmxcsr [mxsave]; rsqrtps xmm2, xmm1; mulps xmm2, xmm2; mulps xmm2, xmm1; subps xmm2, [oneps]; andps xmm2, [absps]; movaps xmm0, [tol2ps]; cmpnltps xmm0, xmm2; movmskps eax, xmm0; pxor xmm0, xmm0; ldmxcsr [mxsave]"
f32_name64: .asciz "== f32: D:stmxcsr [mxsave]; rcpss xmm2, xmm1; mulss xmm2, xmm1; subss xmm2, [oneps]; andps xmm2, [absps]; movaps xmm0, [tolps]; cmpnltss xmm0, xmm2; movmskps eax, xmm0; pxor xmm0, xmm0; ldmxcsr [mxsave]"
f32_modeptr:
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_daz
    .quad modes_daz
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_daz
    .quad modes_daz
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_one
    .quad modes_daz
    .quad modes_daz
    .quad modes_daz
f32_nmodes:
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 2
    .quad 2
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 2
    .quad 2
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 2
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 1
    .quad 2
    .quad 2
    .quad 2
    .balign 16
f32_pairs:
    .quad 0x0, 0x0, 0x8000000000000000, 0xbf8000003f800000
    .quad 0x0, 0x0, 0x7f8000003fc00000, 0x7fc00001ff800000
    .quad 0x0, 0x0, 0x7f800001ffc12345, 0x1ff900000
    .quad 0x0, 0x0, 0x7f7fffff807fffff, 0x800000ff7fffff
    .quad 0x0, 0x0, 0x3f80000140400000, 0x4f0000003eaaaaab
    .quad 0x0, 0x0, 0x4effffffcf000000, 0xc00000000c00000
    .quad 0x8000000000000000, 0x8000000080000000, 0x73800000, 0x3f80000080000000
    .quad 0x8000000080000000, 0x8000000080000000, 0x3fc00000bf800000, 0xff8000007f800000
    .quad 0x8000000080000000, 0x8000000080000000, 0xffc123457fc00001, 0xff9000007f800001
    .quad 0x8000000080000000, 0x8000000080000000, 0x807fffff00000001, 0xff7fffff7f7fffff
    .quad 0x8000000080000000, 0x8000000080000000, 0x4040000000800000, 0x3eaaaaab3f800001
    .quad 0x8000000080000000, 0x8000000080000000, 0xcf0000004f000000, 0xc000004effffff
    .quad 0x8000000080000000, 0x3f8000003f800000, 0x738000000c000000, 0x8000000000000000
    .quad 0x3f8000003f800000, 0x3f8000003f800000, 0xbf8000003f800000, 0x7f8000003fc00000
    .quad 0x3f8000003f800000, 0x3f8000003f800000, 0x7fc00001ff800000, 0x7f800001ffc12345
    .quad 0x3f8000003f800000, 0x3f8000003f800000, 0x1ff900000, 0x7f7fffff807fffff
    .quad 0x3f8000003f800000, 0x3f8000003f800000, 0x800000ff7fffff, 0x3f80000140400000
    .quad 0x3f8000003f800000, 0x3f8000003f800000, 0x4f0000003eaaaaab, 0x4effffffcf000000
    .quad 0x3f8000003f800000, 0xbf8000003f800000, 0xc00000000c00000, 0x73800000
    .quad 0xbf800000bf800000, 0xbf800000bf800000, 0x3f80000080000000, 0x3fc00000bf800000
    .quad 0xbf800000bf800000, 0xbf800000bf800000, 0xff8000007f800000, 0xffc123457fc00001
    .quad 0xbf800000bf800000, 0xbf800000bf800000, 0xff9000007f800001, 0x807fffff00000001
    .quad 0xbf800000bf800000, 0xbf800000bf800000, 0xff7fffff7f7fffff, 0x4040000000800000
    .quad 0xbf800000bf800000, 0xbf800000bf800000, 0x3eaaaaab3f800001, 0xcf0000004f000000
    .quad 0xbf800000bf800000, 0xbf800000bf800000, 0xc000004effffff, 0x738000000c000000
    .quad 0x3fc000003fc00000, 0x3fc000003fc00000, 0x8000000000000000, 0xbf8000003f800000
    .quad 0x3fc000003fc00000, 0x3fc000003fc00000, 0x7f8000003fc00000, 0x7fc00001ff800000
    .quad 0x3fc000003fc00000, 0x3fc000003fc00000, 0x7f800001ffc12345, 0x1ff900000
    .quad 0x3fc000003fc00000, 0x3fc000003fc00000, 0x7f7fffff807fffff, 0x800000ff7fffff
    .quad 0x3fc000003fc00000, 0x3fc000003fc00000, 0x3f80000140400000, 0x4f0000003eaaaaab
    .quad 0x3fc000003fc00000, 0x3fc000003fc00000, 0x4effffffcf000000, 0xc00000000c00000
    .quad 0x7f8000003fc00000, 0x7f8000007f800000, 0x73800000, 0x3f80000080000000
    .quad 0x7f8000007f800000, 0x7f8000007f800000, 0x3fc00000bf800000, 0xff8000007f800000
    .quad 0x7f8000007f800000, 0x7f8000007f800000, 0xffc123457fc00001, 0xff9000007f800001
    .quad 0x7f8000007f800000, 0x7f8000007f800000, 0x807fffff00000001, 0xff7fffff7f7fffff
    .quad 0x7f8000007f800000, 0x7f8000007f800000, 0x4040000000800000, 0x3eaaaaab3f800001
    .quad 0x7f8000007f800000, 0x7f8000007f800000, 0xcf0000004f000000, 0xc000004effffff
    .quad 0x7f8000007f800000, 0xff800000ff800000, 0x738000000c000000, 0x8000000000000000
    .quad 0xff800000ff800000, 0xff800000ff800000, 0xbf8000003f800000, 0x7f8000003fc00000
    .quad 0xff800000ff800000, 0xff800000ff800000, 0x7fc00001ff800000, 0x7f800001ffc12345
    .quad 0xff800000ff800000, 0xff800000ff800000, 0x1ff900000, 0x7f7fffff807fffff
    .quad 0xff800000ff800000, 0xff800000ff800000, 0x800000ff7fffff, 0x3f80000140400000
    .quad 0xff800000ff800000, 0xff800000ff800000, 0x4f0000003eaaaaab, 0x4effffffcf000000
    .quad 0xff800000ff800000, 0x7fc00001ff800000, 0xc00000000c00000, 0x73800000
    .quad 0x7fc000017fc00001, 0x7fc000017fc00001, 0x3f80000080000000, 0x3fc00000bf800000
    .quad 0x7fc000017fc00001, 0x7fc000017fc00001, 0xff8000007f800000, 0xffc123457fc00001
    .quad 0x7fc000017fc00001, 0x7fc000017fc00001, 0xff9000007f800001, 0x807fffff00000001
    .quad 0x7fc000017fc00001, 0x7fc000017fc00001, 0xff7fffff7f7fffff, 0x4040000000800000
    .quad 0x7fc000017fc00001, 0x7fc000017fc00001, 0x3eaaaaab3f800001, 0xcf0000004f000000
    .quad 0x7fc000017fc00001, 0x7fc000017fc00001, 0xc000004effffff, 0x738000000c000000
    .quad 0xffc12345ffc12345, 0xffc12345ffc12345, 0x8000000000000000, 0xbf8000003f800000
    .quad 0xffc12345ffc12345, 0xffc12345ffc12345, 0x7f8000003fc00000, 0x7fc00001ff800000
    .quad 0xffc12345ffc12345, 0xffc12345ffc12345, 0x7f800001ffc12345, 0x1ff900000
    .quad 0xffc12345ffc12345, 0xffc12345ffc12345, 0x7f7fffff807fffff, 0x800000ff7fffff
    .quad 0xffc12345ffc12345, 0xffc12345ffc12345, 0x3f80000140400000, 0x4f0000003eaaaaab
    .quad 0xffc12345ffc12345, 0xffc12345ffc12345, 0x4effffffcf000000, 0xc00000000c00000
    .quad 0x7f800001ffc12345, 0x7f8000017f800001, 0x73800000, 0x3f80000080000000
    .quad 0x7f8000017f800001, 0x7f8000017f800001, 0x3fc00000bf800000, 0xff8000007f800000
    .quad 0x7f8000017f800001, 0x7f8000017f800001, 0xffc123457fc00001, 0xff9000007f800001
    .quad 0x7f8000017f800001, 0x7f8000017f800001, 0x807fffff00000001, 0xff7fffff7f7fffff
    .quad 0x7f8000017f800001, 0x7f8000017f800001, 0x4040000000800000, 0x3eaaaaab3f800001
    .quad 0x7f8000017f800001, 0x7f8000017f800001, 0xcf0000004f000000, 0xc000004effffff
    .quad 0x7f8000017f800001, 0xff900000ff900000, 0x738000000c000000, 0x8000000000000000
    .quad 0xff900000ff900000, 0xff900000ff900000, 0xbf8000003f800000, 0x7f8000003fc00000
    .quad 0xff900000ff900000, 0xff900000ff900000, 0x7fc00001ff800000, 0x7f800001ffc12345
    .quad 0xff900000ff900000, 0xff900000ff900000, 0x1ff900000, 0x7f7fffff807fffff
    .quad 0xff900000ff900000, 0xff900000ff900000, 0x800000ff7fffff, 0x3f80000140400000
    .quad 0xff900000ff900000, 0xff900000ff900000, 0x4f0000003eaaaaab, 0x4effffffcf000000
    .quad 0xff900000ff900000, 0x1ff900000, 0xc00000000c00000, 0x73800000
    .quad 0x100000001, 0x100000001, 0x3f80000080000000, 0x3fc00000bf800000
    .quad 0x100000001, 0x100000001, 0xff8000007f800000, 0xffc123457fc00001
    .quad 0x100000001, 0x100000001, 0xff9000007f800001, 0x807fffff00000001
    .quad 0x100000001, 0x100000001, 0xff7fffff7f7fffff, 0x4040000000800000
    .quad 0x100000001, 0x100000001, 0x3eaaaaab3f800001, 0xcf0000004f000000
    .quad 0x100000001, 0x100000001, 0xc000004effffff, 0x738000000c000000
    .quad 0x807fffff807fffff, 0x807fffff807fffff, 0x8000000000000000, 0xbf8000003f800000
    .quad 0x807fffff807fffff, 0x807fffff807fffff, 0x7f8000003fc00000, 0x7fc00001ff800000
    .quad 0x807fffff807fffff, 0x807fffff807fffff, 0x7f800001ffc12345, 0x1ff900000
    .quad 0x807fffff807fffff, 0x807fffff807fffff, 0x7f7fffff807fffff, 0x800000ff7fffff
    .quad 0x807fffff807fffff, 0x807fffff807fffff, 0x3f80000140400000, 0x4f0000003eaaaaab
    .quad 0x807fffff807fffff, 0x807fffff807fffff, 0x4effffffcf000000, 0xc00000000c00000
    .quad 0x7f7fffff807fffff, 0x7f7fffff7f7fffff, 0x73800000, 0x3f80000080000000
    .quad 0x7f7fffff7f7fffff, 0x7f7fffff7f7fffff, 0x3fc00000bf800000, 0xff8000007f800000
    .quad 0x7f7fffff7f7fffff, 0x7f7fffff7f7fffff, 0xffc123457fc00001, 0xff9000007f800001
    .quad 0x7f7fffff7f7fffff, 0x7f7fffff7f7fffff, 0x807fffff00000001, 0xff7fffff7f7fffff
    .quad 0x7f7fffff7f7fffff, 0x7f7fffff7f7fffff, 0x4040000000800000, 0x3eaaaaab3f800001
    .quad 0x7f7fffff7f7fffff, 0x7f7fffff7f7fffff, 0xcf0000004f000000, 0xc000004effffff
    .quad 0x7f7fffff7f7fffff, 0xff7fffffff7fffff, 0x738000000c000000, 0x8000000000000000
    .quad 0xff7fffffff7fffff, 0xff7fffffff7fffff, 0xbf8000003f800000, 0x7f8000003fc00000
    .quad 0xff7fffffff7fffff, 0xff7fffffff7fffff, 0x7fc00001ff800000, 0x7f800001ffc12345
    .quad 0xff7fffffff7fffff, 0xff7fffffff7fffff, 0x1ff900000, 0x7f7fffff807fffff
    .quad 0xff7fffffff7fffff, 0xff7fffffff7fffff, 0x800000ff7fffff, 0x3f80000140400000
    .quad 0xff7fffffff7fffff, 0xff7fffffff7fffff, 0x4f0000003eaaaaab, 0x4effffffcf000000
    .quad 0xff7fffffff7fffff, 0x800000ff7fffff, 0xc00000000c00000, 0x73800000
    .quad 0x80000000800000, 0x80000000800000, 0x3f80000080000000, 0x3fc00000bf800000
    .quad 0x80000000800000, 0x80000000800000, 0xff8000007f800000, 0xffc123457fc00001
    .quad 0x80000000800000, 0x80000000800000, 0xff9000007f800001, 0x807fffff00000001
    .quad 0x80000000800000, 0x80000000800000, 0xff7fffff7f7fffff, 0x4040000000800000
    .quad 0x80000000800000, 0x80000000800000, 0x3eaaaaab3f800001, 0xcf0000004f000000
    .quad 0x80000000800000, 0x80000000800000, 0xc000004effffff, 0x738000000c000000
    .quad 0x4040000040400000, 0x4040000040400000, 0x8000000000000000, 0xbf8000003f800000
    .quad 0x4040000040400000, 0x4040000040400000, 0x7f8000003fc00000, 0x7fc00001ff800000
    .quad 0x4040000040400000, 0x4040000040400000, 0x7f800001ffc12345, 0x1ff900000
    .quad 0x4040000040400000, 0x4040000040400000, 0x7f7fffff807fffff, 0x800000ff7fffff
    .quad 0x4040000040400000, 0x4040000040400000, 0x3f80000140400000, 0x4f0000003eaaaaab
    .quad 0x4040000040400000, 0x4040000040400000, 0x4effffffcf000000, 0xc00000000c00000
    .quad 0x3f80000140400000, 0x3f8000013f800001, 0x73800000, 0x3f80000080000000
    .quad 0x3f8000013f800001, 0x3f8000013f800001, 0x3fc00000bf800000, 0xff8000007f800000
    .quad 0x3f8000013f800001, 0x3f8000013f800001, 0xffc123457fc00001, 0xff9000007f800001
    .quad 0x3f8000013f800001, 0x3f8000013f800001, 0x807fffff00000001, 0xff7fffff7f7fffff
    .quad 0x3f8000013f800001, 0x3f8000013f800001, 0x4040000000800000, 0x3eaaaaab3f800001
    .quad 0x3f8000013f800001, 0x3f8000013f800001, 0xcf0000004f000000, 0xc000004effffff
    .quad 0x3f8000013f800001, 0x3eaaaaab3eaaaaab, 0x738000000c000000, 0x8000000000000000
    .quad 0x3eaaaaab3eaaaaab, 0x3eaaaaab3eaaaaab, 0xbf8000003f800000, 0x7f8000003fc00000
    .quad 0x3eaaaaab3eaaaaab, 0x3eaaaaab3eaaaaab, 0x7fc00001ff800000, 0x7f800001ffc12345
    .quad 0x3eaaaaab3eaaaaab, 0x3eaaaaab3eaaaaab, 0x1ff900000, 0x7f7fffff807fffff
    .quad 0x3eaaaaab3eaaaaab, 0x3eaaaaab3eaaaaab, 0x800000ff7fffff, 0x3f80000140400000
    .quad 0x3eaaaaab3eaaaaab, 0x3eaaaaab3eaaaaab, 0x4f0000003eaaaaab, 0x4effffffcf000000
    .quad 0x3eaaaaab3eaaaaab, 0x4f0000003eaaaaab, 0xc00000000c00000, 0x73800000
    .quad 0x4f0000004f000000, 0x4f0000004f000000, 0x3f80000080000000, 0x3fc00000bf800000
    .quad 0x4f0000004f000000, 0x4f0000004f000000, 0xff8000007f800000, 0xffc123457fc00001
    .quad 0x4f0000004f000000, 0x4f0000004f000000, 0xff9000007f800001, 0x807fffff00000001
    .quad 0x4f0000004f000000, 0x4f0000004f000000, 0xff7fffff7f7fffff, 0x4040000000800000
    .quad 0x4f0000004f000000, 0x4f0000004f000000, 0x3eaaaaab3f800001, 0xcf0000004f000000
    .quad 0x4f0000004f000000, 0x4f0000004f000000, 0xc000004effffff, 0x738000000c000000
    .quad 0xcf000000cf000000, 0xcf000000cf000000, 0x8000000000000000, 0xbf8000003f800000
    .quad 0xcf000000cf000000, 0xcf000000cf000000, 0x7f8000003fc00000, 0x7fc00001ff800000
    .quad 0xcf000000cf000000, 0xcf000000cf000000, 0x7f800001ffc12345, 0x1ff900000
    .quad 0xcf000000cf000000, 0xcf000000cf000000, 0x7f7fffff807fffff, 0x800000ff7fffff
    .quad 0xcf000000cf000000, 0xcf000000cf000000, 0x3f80000140400000, 0x4f0000003eaaaaab
    .quad 0xcf000000cf000000, 0xcf000000cf000000, 0x4effffffcf000000, 0xc00000000c00000
    .quad 0x4effffffcf000000, 0x4effffff4effffff, 0x73800000, 0x3f80000080000000
    .quad 0x4effffff4effffff, 0x4effffff4effffff, 0x3fc00000bf800000, 0xff8000007f800000
    .quad 0x4effffff4effffff, 0x4effffff4effffff, 0xffc123457fc00001, 0xff9000007f800001
    .quad 0x4effffff4effffff, 0x4effffff4effffff, 0x807fffff00000001, 0xff7fffff7f7fffff
    .quad 0x4effffff4effffff, 0x4effffff4effffff, 0x4040000000800000, 0x3eaaaaab3f800001
    .quad 0x4effffff4effffff, 0x4effffff4effffff, 0xcf0000004f000000, 0xc000004effffff
    .quad 0x4effffff4effffff, 0xc0000000c00000, 0x738000000c000000, 0x8000000000000000
    .quad 0xc0000000c00000, 0xc0000000c00000, 0xbf8000003f800000, 0x7f8000003fc00000
    .quad 0xc0000000c00000, 0xc0000000c00000, 0x7fc00001ff800000, 0x7f800001ffc12345
    .quad 0xc0000000c00000, 0xc0000000c00000, 0x1ff900000, 0x7f7fffff807fffff
    .quad 0xc0000000c00000, 0xc0000000c00000, 0x800000ff7fffff, 0x3f80000140400000
    .quad 0xc0000000c00000, 0xc0000000c00000, 0x4f0000003eaaaaab, 0x4effffffcf000000
    .quad 0xc0000000c00000, 0xc00000000c00000, 0xc00000000c00000, 0x73800000
    .quad 0xc0000000c000000, 0xc0000000c000000, 0x3f80000080000000, 0x3fc00000bf800000
    .quad 0xc0000000c000000, 0xc0000000c000000, 0xff8000007f800000, 0xffc123457fc00001
    .quad 0xc0000000c000000, 0xc0000000c000000, 0xff9000007f800001, 0x807fffff00000001
    .quad 0xc0000000c000000, 0xc0000000c000000, 0xff7fffff7f7fffff, 0x4040000000800000
    .quad 0xc0000000c000000, 0xc0000000c000000, 0x3eaaaaab3f800001, 0xcf0000004f000000
    .quad 0xc0000000c000000, 0xc0000000c000000, 0xc000004effffff, 0x738000000c000000
    .quad 0x7380000073800000, 0x7380000073800000, 0x8000000000000000, 0xbf8000003f800000
    .quad 0x7380000073800000, 0x7380000073800000, 0x7f8000003fc00000, 0x7fc00001ff800000
    .quad 0x7380000073800000, 0x7380000073800000, 0x7f800001ffc12345, 0x1ff900000
    .quad 0x7380000073800000, 0x7380000073800000, 0x7f7fffff807fffff, 0x800000ff7fffff
    .quad 0x7380000073800000, 0x7380000073800000, 0x3f80000140400000, 0x4f0000003eaaaaab
    .quad 0x7380000073800000, 0x7380000073800000, 0x4effffffcf000000, 0xc00000000c00000
    .quad 0xbe741a0273800000, 0x48b3966347764753, 0x3a0c32b673800000, 0x3635098fcb771f1d
    .quad 0x42c802214154e05c, 0xbd548847ba5f9551, 0x37cb3a65bafdde9c, 0x4944d097c51c5e3b
    .quad 0x3608eee73fea9cf6, 0xbfae0b76b0668137, 0x33eca6fa33d4b44f, 0x392f4ae0bd1be1f5
    .quad 0x45871fd5beb6ac75, 0x38f3892eb0d734a3, 0xb80d44aac3ec7c6d, 0x32cfe5bcb0ccd20a
    .quad 0x339615ea4a599577, 0xc4cbdbd7c444cd07, 0xbf1f0341bd649b9d, 0x363959a04764e55d
    .quad 0xcdc347bbb1184313, 0x4acc211139e3ea6b, 0xb7ec4ff4cef2d755, 0x4940dd13c864d77f
    .quad 0x4eddb698c7217869, 0x35359cb4bf79cbe2, 0x409eabf5b9d000d9, 0xb4895a8db9c080f5
    .quad 0xb66fe7bdbcbe4b78, 0x41e3537e4ac3355c, 0x42677732b15ae9ee, 0xc7108a58cc7d6436
    .quad 0xcdebc5eac8e03d4c, 0x3af92fc0454218f0, 0x369428e14b532e36, 0x3de32d9f4b4fa0c1
    .quad 0xb7d48f6349196c04, 0xccbaeb80bc583cc0, 0x46d69ebd3593dfdc, 0x4e9b7e5730acbcb9
    .quad 0xc34b970a4e253d6b, 0xc0813f62cee4f4a1, 0x4b2f82a438c74dd1, 0x349aa59cc6243508
    .quad 0xc6cc03b934e177d7, 0x4d4fe28bcb4d22d5, 0xb96455fe3ecea0f8, 0xc2a6bf8ec01dadd0
    .quad 0xbc0d0d22308ad171, 0xc7897a5645848787, 0xcebb1fb8c278b893, 0x34fb3d224c938f48
    .quad 0xba55e7efc786c3d8, 0xb029d6894608694f, 0x4d6357e0cc94385f, 0x329107643615ca5d
    .quad 0xb2b049b23edb7c6a, 0xc1b7dfe83b2dcdea, 0x484005a1cd4e9012, 0x4f6d4a574537acf1
    .quad 0x3d13a22d407be503, 0xbdd4951ebe5c6f35, 0x3635ae2944993209, 0x34c8bbb43072baab
    .quad 0x833e4f4b371a47c3, 0x86af6d4983fd6157, 0x58281153be7e38c, 0x891b41d30f3b2e55
    .quad 0x92f007986f86390, 0xe3f98a405907ab9, 0x811a60398aa17757, 0x8b994e958c67d40c
    .quad 0x8b9f38b985f57948, 0x8cbcba9f84129c99, 0xb5b0888856bc1ba, 0x853842a80febfe0
    .quad 0x831a00fa8ff269a2, 0xc0093020b3eb42f, 0x83804a7b807ca5f1, 0xd0112a407f82287
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
