
    .intel_syntax noprefix
    .text
    .globl _start
_start:
    and rsp, -16
    ldmxcsr [mxdef]
    call run_f64
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


run_f64:
    push rbx
    push r12
    push r13
    push r14
    push r15
    xor r12d, r12d
.Lf64s:
    mov rsi, [f64_names + r12*8]
    call put_str
    mov edi, 10
    call put_char
    xor r13d, r13d
.Lf64m:
    xor r14d, r14d
.Lf64p:
    mov rax, [f64_modeptr + r12*8]
    mov eax, [rax + r13*4]
    mov [mxin], eax
    lea rsi, [r14*8]
    lea rsi, [f64_pairs + rsi*4]
    movdqa xmm0, [rsi]
    movdqa xmm1, [rsi+16]
    xor eax, eax
    ldmxcsr [mxin]
    call [f64_snips + r12*8]
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
    cmp r14, 248
    jb .Lf64p
    inc r13
    cmp r13, [f64_nmodes + r12*8]
    jb .Lf64m
    inc r12
    cmp r12, 58
    jb .Lf64s
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

f64_snip0:
    addpd xmm0, xmm1
    ret
f64_snip1:
    subpd xmm0, xmm1
    ret
f64_snip2:
    mulpd xmm0, xmm1
    ret
f64_snip3:
    divpd xmm0, xmm1
    ret
f64_snip4:
    minpd xmm0, xmm1
    ret
f64_snip5:
    maxpd xmm0, xmm1
    ret
f64_snip6:
    addsd xmm0, xmm1
    ret
f64_snip7:
    subsd xmm0, xmm1
    ret
f64_snip8:
    mulsd xmm0, xmm1
    ret
f64_snip9:
    divsd xmm0, xmm1
    ret
f64_snip10:
    minsd xmm0, xmm1
    ret
f64_snip11:
    maxsd xmm0, xmm1
    ret
f64_snip12:
    sqrtpd xmm0, xmm1
    ret
f64_snip13:
    sqrtsd xmm0, xmm1
    ret
f64_snip14:
    mulpd xmm0, [rsi+16]
    ret
f64_snip15:
    subsd xmm0, [rsi+24]
    ret
f64_snip16:
    cmppd xmm0, xmm1, 0
    ret
f64_snip17:
    cmppd xmm0, xmm1, 1
    ret
f64_snip18:
    cmppd xmm0, xmm1, 2
    ret
f64_snip19:
    cmppd xmm0, xmm1, 3
    ret
f64_snip20:
    cmppd xmm0, xmm1, 4
    ret
f64_snip21:
    cmppd xmm0, xmm1, 5
    ret
f64_snip22:
    cmppd xmm0, xmm1, 6
    ret
f64_snip23:
    cmppd xmm0, xmm1, 7
    ret
f64_snip24:
    cmpsd xmm0, xmm1, 0
    ret
f64_snip25:
    cmpsd xmm0, xmm1, 1
    ret
f64_snip26:
    cmpsd xmm0, xmm1, 2
    ret
f64_snip27:
    cmpsd xmm0, xmm1, 3
    ret
f64_snip28:
    cmpsd xmm0, xmm1, 4
    ret
f64_snip29:
    cmpsd xmm0, xmm1, 5
    ret
f64_snip30:
    cmpsd xmm0, xmm1, 6
    ret
f64_snip31:
    cmpsd xmm0, xmm1, 7
    ret
f64_snip32:
    comisd xmm0, xmm1
    pushfq
    pop rax
    and eax, 0x8d5
    ret
f64_snip33:
    ucomisd xmm0, xmm1
    pushfq
    pop rax
    and eax, 0x8d5
    ret
f64_snip34:
    cvtsd2ss xmm0, xmm1
    ret
f64_snip35:
    cvtpd2ps xmm0, xmm1
    ret
f64_snip36:
    cvtpd2dq xmm0, xmm1
    ret
f64_snip37:
    cvttpd2dq xmm0, xmm1
    ret
f64_snip38:
    cvtsd2si eax, xmm1
    ret
f64_snip39:
    cvtsd2si rax, xmm1
    ret
f64_snip40:
    cvttsd2si eax, xmm1
    ret
f64_snip41:
    cvttsd2si rax, [rsi+16]
    ret
f64_snip42:
    andpd xmm0, xmm1
    ret
f64_snip43:
    andnpd xmm0, xmm1
    ret
f64_snip44:
    orpd xmm0, xmm1
    ret
f64_snip45:
    xorpd xmm0, xmm1
    ret
f64_snip46:
    shufpd xmm0, xmm1, 1
    ret
f64_snip47:
    shufpd xmm0, xmm1, 2
    ret
f64_snip48:
    unpcklpd xmm0, xmm1
    ret
f64_snip49:
    unpckhpd xmm0, xmm1
    ret
f64_snip50:
    movmskpd eax, xmm1
    ret
f64_snip51:
    movsd xmm0, xmm1
    ret
f64_snip52:
    movsd xmm0, [rsi+16]
    ret
f64_snip53:
    movlpd xmm0, [rsi+16]
    ret
f64_snip54:
    movhpd xmm0, [rsi+16]
    ret
f64_snip55:
    movupd xmm0, [rsi+8]
    ret
f64_snip56:
    movapd xmm0, xmm1
    ret
f64_snip57:
    movsd [scratch], xmm1
    movupd xmm0, [scratch]
    ret
    .data
    .balign 16
f64_snips:
    .quad f64_snip0
    .quad f64_snip1
    .quad f64_snip2
    .quad f64_snip3
    .quad f64_snip4
    .quad f64_snip5
    .quad f64_snip6
    .quad f64_snip7
    .quad f64_snip8
    .quad f64_snip9
    .quad f64_snip10
    .quad f64_snip11
    .quad f64_snip12
    .quad f64_snip13
    .quad f64_snip14
    .quad f64_snip15
    .quad f64_snip16
    .quad f64_snip17
    .quad f64_snip18
    .quad f64_snip19
    .quad f64_snip20
    .quad f64_snip21
    .quad f64_snip22
    .quad f64_snip23
    .quad f64_snip24
    .quad f64_snip25
    .quad f64_snip26
    .quad f64_snip27
    .quad f64_snip28
    .quad f64_snip29
    .quad f64_snip30
    .quad f64_snip31
    .quad f64_snip32
    .quad f64_snip33
    .quad f64_snip34
    .quad f64_snip35
    .quad f64_snip36
    .quad f64_snip37
    .quad f64_snip38
    .quad f64_snip39
    .quad f64_snip40
    .quad f64_snip41
    .quad f64_snip42
    .quad f64_snip43
    .quad f64_snip44
    .quad f64_snip45
    .quad f64_snip46
    .quad f64_snip47
    .quad f64_snip48
    .quad f64_snip49
    .quad f64_snip50
    .quad f64_snip51
    .quad f64_snip52
    .quad f64_snip53
    .quad f64_snip54
    .quad f64_snip55
    .quad f64_snip56
    .quad f64_snip57
f64_names:
    .quad f64_name0
    .quad f64_name1
    .quad f64_name2
    .quad f64_name3
    .quad f64_name4
    .quad f64_name5
    .quad f64_name6
    .quad f64_name7
    .quad f64_name8
    .quad f64_name9
    .quad f64_name10
    .quad f64_name11
    .quad f64_name12
    .quad f64_name13
    .quad f64_name14
    .quad f64_name15
    .quad f64_name16
    .quad f64_name17
    .quad f64_name18
    .quad f64_name19
    .quad f64_name20
    .quad f64_name21
    .quad f64_name22
    .quad f64_name23
    .quad f64_name24
    .quad f64_name25
    .quad f64_name26
    .quad f64_name27
    .quad f64_name28
    .quad f64_name29
    .quad f64_name30
    .quad f64_name31
    .quad f64_name32
    .quad f64_name33
    .quad f64_name34
    .quad f64_name35
    .quad f64_name36
    .quad f64_name37
    .quad f64_name38
    .quad f64_name39
    .quad f64_name40
    .quad f64_name41
    .quad f64_name42
    .quad f64_name43
    .quad f64_name44
    .quad f64_name45
    .quad f64_name46
    .quad f64_name47
    .quad f64_name48
    .quad f64_name49
    .quad f64_name50
    .quad f64_name51
    .quad f64_name52
    .quad f64_name53
    .quad f64_name54
    .quad f64_name55
    .quad f64_name56
    .quad f64_name57
f64_name0: .asciz "== f64: A:addpd xmm0, xmm1"
f64_name1: .asciz "== f64: A:subpd xmm0, xmm1"
f64_name2: .asciz "== f64: A:mulpd xmm0, xmm1"
f64_name3: .asciz "== f64: A:divpd xmm0, xmm1"
f64_name4: .asciz "== f64: D:minpd xmm0, xmm1"
f64_name5: .asciz "== f64: D:maxpd xmm0, xmm1"
f64_name6: .asciz "== f64: A:addsd xmm0, xmm1"
f64_name7: .asciz "== f64: A:subsd xmm0, xmm1"
f64_name8: .asciz "== f64: A:mulsd xmm0, xmm1"
f64_name9: .asciz "== f64: A:divsd xmm0, xmm1"
f64_name10: .asciz "== f64: D:minsd xmm0, xmm1"
f64_name11: .asciz "== f64: D:maxsd xmm0, xmm1"
f64_name12: .asciz "== f64: A:sqrtpd xmm0, xmm1"
f64_name13: .asciz "== f64: A:sqrtsd xmm0, xmm1"
f64_name14: .asciz "== f64: A:mulpd xmm0, [rsi+16]"
f64_name15: .asciz "== f64: A:subsd xmm0, [rsi+24]"
f64_name16: .asciz "== f64: D:cmppd xmm0, xmm1, 0"
f64_name17: .asciz "== f64: D:cmppd xmm0, xmm1, 1"
f64_name18: .asciz "== f64: D:cmppd xmm0, xmm1, 2"
f64_name19: .asciz "== f64: D:cmppd xmm0, xmm1, 3"
f64_name20: .asciz "== f64: D:cmppd xmm0, xmm1, 4"
f64_name21: .asciz "== f64: D:cmppd xmm0, xmm1, 5"
f64_name22: .asciz "== f64: D:cmppd xmm0, xmm1, 6"
f64_name23: .asciz "== f64: D:cmppd xmm0, xmm1, 7"
f64_name24: .asciz "== f64: D:cmpsd xmm0, xmm1, 0"
f64_name25: .asciz "== f64: D:cmpsd xmm0, xmm1, 1"
f64_name26: .asciz "== f64: D:cmpsd xmm0, xmm1, 2"
f64_name27: .asciz "== f64: D:cmpsd xmm0, xmm1, 3"
f64_name28: .asciz "== f64: D:cmpsd xmm0, xmm1, 4"
f64_name29: .asciz "== f64: D:cmpsd xmm0, xmm1, 5"
f64_name30: .asciz "== f64: D:cmpsd xmm0, xmm1, 6"
f64_name31: .asciz "== f64: D:cmpsd xmm0, xmm1, 7"
f64_name32: .asciz "== f64: D:comisd xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5"
f64_name33: .asciz "== f64: D:ucomisd xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5"
f64_name34: .asciz "== f64: A:cvtsd2ss xmm0, xmm1"
f64_name35: .asciz "== f64: A:cvtpd2ps xmm0, xmm1"
f64_name36: .asciz "== f64: A:cvtpd2dq xmm0, xmm1"
f64_name37: .asciz "== f64: A:cvttpd2dq xmm0, xmm1"
f64_name38: .asciz "== f64: A:cvtsd2si eax, xmm1"
f64_name39: .asciz "== f64: A:cvtsd2si rax, xmm1"
f64_name40: .asciz "== f64: A:cvttsd2si eax, xmm1"
f64_name41: .asciz "== f64: A:cvttsd2si rax, [rsi+16]"
f64_name42: .asciz "== f64: andpd xmm0, xmm1"
f64_name43: .asciz "== f64: andnpd xmm0, xmm1"
f64_name44: .asciz "== f64: orpd xmm0, xmm1"
f64_name45: .asciz "== f64: xorpd xmm0, xmm1"
f64_name46: .asciz "== f64: shufpd xmm0, xmm1, 1"
f64_name47: .asciz "== f64: shufpd xmm0, xmm1, 2"
f64_name48: .asciz "== f64: unpcklpd xmm0, xmm1"
f64_name49: .asciz "== f64: unpckhpd xmm0, xmm1"
f64_name50: .asciz "== f64: movmskpd eax, xmm1"
f64_name51: .asciz "== f64: movsd xmm0, xmm1"
f64_name52: .asciz "== f64: movsd xmm0, [rsi+16]"
f64_name53: .asciz "== f64: movlpd xmm0, [rsi+16]"
f64_name54: .asciz "== f64: movhpd xmm0, [rsi+16]"
f64_name55: .asciz "== f64: movupd xmm0, [rsi+8]"
f64_name56: .asciz "== f64: movapd xmm0, xmm1"
f64_name57: .asciz "== f64: movsd [scratch], xmm1; movupd xmm0, [scratch]"
f64_modeptr:
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
f64_nmodes:
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
    .balign 16
f64_pairs:
    .quad 0x0, 0x0, 0x0, 0xbff0000000000000
    .quad 0x0, 0x0, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x0, 0x0, 0x800fffffffffffff, 0x10000000000000
    .quad 0x0, 0x0, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x0, 0x0, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x0, 0x0, 0x47efffffe0000000, 0x18000000000000
    .quad 0x8000000000000000, 0x8000000000000000, 0x0, 0xbff0000000000000
    .quad 0x8000000000000000, 0x8000000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x8000000000000000, 0x8000000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x8000000000000000, 0x8000000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x8000000000000000, 0x8000000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x8000000000000000, 0x8000000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x3ff0000000000000, 0x3ff0000000000000, 0x0, 0xbff0000000000000
    .quad 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x3ff0000000000000, 0x3ff0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x3ff0000000000000, 0x3ff0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x3ff0000000000000, 0x3ff0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x3ff0000000000000, 0x3ff0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0xbff0000000000000, 0xbff0000000000000, 0x0, 0xbff0000000000000
    .quad 0xbff0000000000000, 0xbff0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xbff0000000000000, 0xbff0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0xbff0000000000000, 0xbff0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xbff0000000000000, 0xbff0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xbff0000000000000, 0xbff0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x3ff8000000000000, 0x3ff8000000000000, 0x0, 0xbff0000000000000
    .quad 0x3ff8000000000000, 0x3ff8000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x3ff8000000000000, 0x3ff8000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x3ff8000000000000, 0x3ff8000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x3ff8000000000000, 0x3ff8000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x3ff8000000000000, 0x3ff8000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x7ff0000000000000, 0x7ff0000000000000, 0x0, 0xbff0000000000000
    .quad 0x7ff0000000000000, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x7ff0000000000000, 0x7ff0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x7ff0000000000000, 0x7ff0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x7ff0000000000000, 0x7ff0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x7ff0000000000000, 0x7ff0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0xfff0000000000000, 0xfff0000000000000, 0x0, 0xbff0000000000000
    .quad 0xfff0000000000000, 0xfff0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xfff0000000000000, 0xfff0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0xfff0000000000000, 0xfff0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xfff0000000000000, 0xfff0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xfff0000000000000, 0xfff0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x7ff8000000000001, 0x7ff8000000000001, 0x0, 0xbff0000000000000
    .quad 0x7ff8000000000001, 0x7ff8000000000001, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x7ff8000000000001, 0x7ff8000000000001, 0x800fffffffffffff, 0x10000000000000
    .quad 0x7ff8000000000001, 0x7ff8000000000001, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x7ff8000000000001, 0x7ff8000000000001, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x7ff8000000000001, 0x7ff8000000000001, 0x47efffffe0000000, 0x18000000000000
    .quad 0xfff8000000012345, 0xfff8000000012345, 0x0, 0xbff0000000000000
    .quad 0xfff8000000012345, 0xfff8000000012345, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xfff8000000012345, 0xfff8000000012345, 0x800fffffffffffff, 0x10000000000000
    .quad 0xfff8000000012345, 0xfff8000000012345, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xfff8000000012345, 0xfff8000000012345, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xfff8000000012345, 0xfff8000000012345, 0x47efffffe0000000, 0x18000000000000
    .quad 0x7ff0000000000001, 0x7ff0000000000001, 0x0, 0xbff0000000000000
    .quad 0x7ff0000000000001, 0x7ff0000000000001, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x7ff0000000000001, 0x7ff0000000000001, 0x800fffffffffffff, 0x10000000000000
    .quad 0x7ff0000000000001, 0x7ff0000000000001, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x7ff0000000000001, 0x7ff0000000000001, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x7ff0000000000001, 0x7ff0000000000001, 0x47efffffe0000000, 0x18000000000000
    .quad 0xfff4000000000000, 0xfff4000000000000, 0x0, 0xbff0000000000000
    .quad 0xfff4000000000000, 0xfff4000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xfff4000000000000, 0xfff4000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0xfff4000000000000, 0xfff4000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xfff4000000000000, 0xfff4000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xfff4000000000000, 0xfff4000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x1, 0x1, 0x0, 0xbff0000000000000
    .quad 0x1, 0x1, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x1, 0x1, 0x800fffffffffffff, 0x10000000000000
    .quad 0x1, 0x1, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x1, 0x1, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x1, 0x1, 0x47efffffe0000000, 0x18000000000000
    .quad 0x800fffffffffffff, 0x800fffffffffffff, 0x0, 0xbff0000000000000
    .quad 0x800fffffffffffff, 0x800fffffffffffff, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x800fffffffffffff, 0x800fffffffffffff, 0x800fffffffffffff, 0x10000000000000
    .quad 0x800fffffffffffff, 0x800fffffffffffff, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x800fffffffffffff, 0x800fffffffffffff, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x800fffffffffffff, 0x800fffffffffffff, 0x47efffffe0000000, 0x18000000000000
    .quad 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, 0xbff0000000000000
    .quad 0x7fefffffffffffff, 0x7fefffffffffffff, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x7fefffffffffffff, 0x7fefffffffffffff, 0x800fffffffffffff, 0x10000000000000
    .quad 0x7fefffffffffffff, 0x7fefffffffffffff, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x7fefffffffffffff, 0x7fefffffffffffff, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x7fefffffffffffff, 0x7fefffffffffffff, 0x47efffffe0000000, 0x18000000000000
    .quad 0xffefffffffffffff, 0xffefffffffffffff, 0x0, 0xbff0000000000000
    .quad 0xffefffffffffffff, 0xffefffffffffffff, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xffefffffffffffff, 0xffefffffffffffff, 0x800fffffffffffff, 0x10000000000000
    .quad 0xffefffffffffffff, 0xffefffffffffffff, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xffefffffffffffff, 0xffefffffffffffff, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xffefffffffffffff, 0xffefffffffffffff, 0x47efffffe0000000, 0x18000000000000
    .quad 0x10000000000000, 0x10000000000000, 0x0, 0xbff0000000000000
    .quad 0x10000000000000, 0x10000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x10000000000000, 0x10000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x10000000000000, 0x10000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x10000000000000, 0x10000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x10000000000000, 0x10000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x4008000000000000, 0x4008000000000000, 0x0, 0xbff0000000000000
    .quad 0x4008000000000000, 0x4008000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x4008000000000000, 0x4008000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x4008000000000000, 0x4008000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x4008000000000000, 0x4008000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x4008000000000000, 0x4008000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x3ff0000000000001, 0x3ff0000000000001, 0x0, 0xbff0000000000000
    .quad 0x3ff0000000000001, 0x3ff0000000000001, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x3ff0000000000001, 0x3ff0000000000001, 0x800fffffffffffff, 0x10000000000000
    .quad 0x3ff0000000000001, 0x3ff0000000000001, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x3ff0000000000001, 0x3ff0000000000001, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x3ff0000000000001, 0x3ff0000000000001, 0x47efffffe0000000, 0x18000000000000
    .quad 0x3fd5555555555555, 0x3fd5555555555555, 0x0, 0xbff0000000000000
    .quad 0x3fd5555555555555, 0x3fd5555555555555, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x3fd5555555555555, 0x3fd5555555555555, 0x800fffffffffffff, 0x10000000000000
    .quad 0x3fd5555555555555, 0x3fd5555555555555, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x3fd5555555555555, 0x3fd5555555555555, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x3fd5555555555555, 0x3fd5555555555555, 0x47efffffe0000000, 0x18000000000000
    .quad 0x4004000000000000, 0x4004000000000000, 0x0, 0xbff0000000000000
    .quad 0x4004000000000000, 0x4004000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x4004000000000000, 0x4004000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x4004000000000000, 0x4004000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x4004000000000000, 0x4004000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x4004000000000000, 0x4004000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0xc004000000000000, 0xc004000000000000, 0x0, 0xbff0000000000000
    .quad 0xc004000000000000, 0xc004000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xc004000000000000, 0xc004000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0xc004000000000000, 0xc004000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xc004000000000000, 0xc004000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xc004000000000000, 0xc004000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x3fe0000000000000, 0x3fe0000000000000, 0x0, 0xbff0000000000000
    .quad 0x3fe0000000000000, 0x3fe0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x3fe0000000000000, 0x3fe0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x3fe0000000000000, 0x3fe0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x3fe0000000000000, 0x3fe0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x3fe0000000000000, 0x3fe0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x41dfffffffe00000, 0x41dfffffffe00000, 0x0, 0xbff0000000000000
    .quad 0x41dfffffffe00000, 0x41dfffffffe00000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x41dfffffffe00000, 0x41dfffffffe00000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x41dfffffffe00000, 0x41dfffffffe00000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x41dfffffffe00000, 0x41dfffffffe00000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x41dfffffffe00000, 0x41dfffffffe00000, 0x47efffffe0000000, 0x18000000000000
    .quad 0xc1e0000000100000, 0xc1e0000000100000, 0x0, 0xbff0000000000000
    .quad 0xc1e0000000100000, 0xc1e0000000100000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xc1e0000000100000, 0xc1e0000000100000, 0x800fffffffffffff, 0x10000000000000
    .quad 0xc1e0000000100000, 0xc1e0000000100000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xc1e0000000100000, 0xc1e0000000100000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xc1e0000000100000, 0xc1e0000000100000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x41e0000000000000, 0x41e0000000000000, 0x0, 0xbff0000000000000
    .quad 0x41e0000000000000, 0x41e0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x41e0000000000000, 0x41e0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x41e0000000000000, 0x41e0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x41e0000000000000, 0x41e0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x41e0000000000000, 0x41e0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0xc1e0000000200000, 0xc1e0000000200000, 0x0, 0xbff0000000000000
    .quad 0xc1e0000000200000, 0xc1e0000000200000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xc1e0000000200000, 0xc1e0000000200000, 0x800fffffffffffff, 0x10000000000000
    .quad 0xc1e0000000200000, 0xc1e0000000200000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xc1e0000000200000, 0xc1e0000000200000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xc1e0000000200000, 0xc1e0000000200000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x43e0000000000000, 0x43e0000000000000, 0x0, 0xbff0000000000000
    .quad 0x43e0000000000000, 0x43e0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x43e0000000000000, 0x43e0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x43e0000000000000, 0x43e0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x43e0000000000000, 0x43e0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x43e0000000000000, 0x43e0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0xc3e0000000000000, 0xc3e0000000000000, 0x0, 0xbff0000000000000
    .quad 0xc3e0000000000000, 0xc3e0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0xc3e0000000000000, 0xc3e0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0xc3e0000000000000, 0xc3e0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0xc3e0000000000000, 0xc3e0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0xc3e0000000000000, 0xc3e0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x43dfffffffffffff, 0x43dfffffffffffff, 0x0, 0xbff0000000000000
    .quad 0x43dfffffffffffff, 0x43dfffffffffffff, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x43dfffffffffffff, 0x43dfffffffffffff, 0x800fffffffffffff, 0x10000000000000
    .quad 0x43dfffffffffffff, 0x43dfffffffffffff, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x43dfffffffffffff, 0x43dfffffffffffff, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x43dfffffffffffff, 0x43dfffffffffffff, 0x47efffffe0000000, 0x18000000000000
    .quad 0x47effffff0000000, 0x47effffff0000000, 0x0, 0xbff0000000000000
    .quad 0x47effffff0000000, 0x47effffff0000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x47effffff0000000, 0x47effffff0000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x47effffff0000000, 0x47effffff0000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x47effffff0000000, 0x47effffff0000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x47effffff0000000, 0x47effffff0000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x47efffffe0000000, 0x47efffffe0000000, 0x0, 0xbff0000000000000
    .quad 0x47efffffe0000000, 0x47efffffe0000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x47efffffe0000000, 0x47efffffe0000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x47efffffe0000000, 0x47efffffe0000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x47efffffe0000000, 0x47efffffe0000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x47efffffe0000000, 0x47efffffe0000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x36a0000000000000, 0x36a0000000000000, 0x0, 0xbff0000000000000
    .quad 0x36a0000000000000, 0x36a0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x36a0000000000000, 0x36a0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x36a0000000000000, 0x36a0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x36a0000000000000, 0x36a0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x36a0000000000000, 0x36a0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x3810000000000000, 0x3810000000000000, 0x0, 0xbff0000000000000
    .quad 0x3810000000000000, 0x3810000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x3810000000000000, 0x3810000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x3810000000000000, 0x3810000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x3810000000000000, 0x3810000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x3810000000000000, 0x3810000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x18000000000000, 0x18000000000000, 0x0, 0xbff0000000000000
    .quad 0x18000000000000, 0x18000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x18000000000000, 0x18000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x18000000000000, 0x18000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x18000000000000, 0x18000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x18000000000000, 0x18000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x2000000000000000, 0x2000000000000000, 0x0, 0xbff0000000000000
    .quad 0x2000000000000000, 0x2000000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x2000000000000000, 0x2000000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x2000000000000000, 0x2000000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x2000000000000000, 0x2000000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x2000000000000000, 0x2000000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x5ff0000000000000, 0x5ff0000000000000, 0x0, 0xbff0000000000000
    .quad 0x5ff0000000000000, 0x5ff0000000000000, 0xfff0000000000000, 0x7ff0000000000001
    .quad 0x5ff0000000000000, 0x5ff0000000000000, 0x800fffffffffffff, 0x10000000000000
    .quad 0x5ff0000000000000, 0x5ff0000000000000, 0x3fd5555555555555, 0x3fe0000000000000
    .quad 0x5ff0000000000000, 0x5ff0000000000000, 0x41e0000000000000, 0xc3e0000000000000
    .quad 0x5ff0000000000000, 0x5ff0000000000000, 0x47efffffe0000000, 0x18000000000000
    .quad 0x3f1fb1142101f081, 0x42236221fe59e4c6, 0xc21f6101916ff320, 0x3dd39dd85a5aa68f
    .quad 0x4169d69288925002, 0x418e5895efd8daca, 0xc163d6a1ab533422, 0x3ce18e751a9699ff
    .quad 0xc3f27f09d0222b0c, 0xbdff1f64eeb4c082, 0x43f87f55d6dd2c5a, 0x3e1ca124814fc983
    .quad 0x3e492471cf2f56d0, 0x40c24c6b03848a45, 0xc08848d27544bc7d, 0x419dd990c1cbb211
    .quad 0xc371f7e7e68c8135, 0xbc2602fb9d019a5d, 0x4050c5aef0a97577, 0x3f1631944544ae29
    .quad 0x3e26220fb34a8d35, 0xbfd73d803fa6a145, 0xc05ec59dc5f7f56f, 0x3d0f90b238d71d47
    .quad 0x431bf1958fb302bd, 0x3d6a16344dcf032f, 0xbc2c8295ffcb6bf8, 0x40b04b51db23b6e9
    .quad 0x3c91899f112d6bc4, 0x4131d3a869ed3253, 0xc3d87d37490b4013, 0xbff53f58ddd61cf7
    .quad 0x3ccb0c4300686d0e, 0xbc0980ff2fb5df28, 0x3c9d8932ed7a3e54, 0x4075c7337a547e96
    .quad 0xbe3123f261bbb3eb, 0xbe81a820994daff0, 0x40accac821715e4c, 0x3cd58daaafb4c8af
    .quad 0xbe46a4745b306afe, 0xc32df2376c4e5580, 0x43a3faca999575ab, 0x3fe73ee689e5a92b
    .quad 0xbe96a97719cb48b9, 0x419e5930ac9d11c8, 0xbe2222a14cedd068, 0xbcd88d48fb6f59eb
    .quad 0xbe5625e461429d98, 0x4155d567a70a129e, 0x409fc9b757d27ea3, 0x3e2aa2e32ae5613b
    .quad 0x439a79aff3bd8539, 0x3cd50d26b1501993, 0x43fbffeed37a9073, 0xc2e6eeb7d1c6bd60
    .quad 0xc245e46ac852681a, 0x408348224779c7de, 0x3e4e24ad50cf8a4a, 0x40434436e2df03d1
    .quad 0x3c28821d0b8c6996, 0xbfd6bd93b560362c, 0x3ca40a4df639d4c5, 0x3fb9bb2c3642fd40
    .quad 0x427867edf04d28ba, 0x42afea650d70eb13, 0x3e9e29b62526dc6b, 0xbc178139da38ae05
    .quad 0x43ffffc5ce55fe19, 0xbdeb1e2e22a3c502, 0x3d691668883ff3a5, 0xc1a45aa1aaa78208
    .quad 0xbef92f8c2e4b4f0c, 0x3d5a152c848b7d27, 0xbe10215af8019a92, 0x3fbbbb4514c3c21d
    .quad 0x3f32b35c13eb62d9, 0xbd4a94c1ecb7db18, 0xbf9039dd79f7225c, 0xc1f5dff35ca772ae
    .quad 0x418d5821d20157cb, 0xc1c8dc46abfa2d2b, 0xc06146b6b441c7a4, 0xbd2c122c7ae1f3b1
    .quad 0xbe64a6775c32fc16, 0xc3f3ffcdc22f5156, 0x43a77a04596b5c6e, 0xc03143ac0cbd9a74
    .quad 0xbfa1baa6300cfc40, 0x4178579cd550cc53, 0xc17057e90babf5b8, 0x4182582a9355190b
    .quad 0xbc43047d93e691f9, 0x41e5def4df0f381f, 0x429be9d9466e029a, 0xbd7817669122c1af
    .quad 0x8350b5c2535d0fec, 0xa14ab17cab55ae, 0x2ccacdd3ca3cef3, 0x8176578b0f38a885
    .quad 0x81c15c3873345894, 0x7c0113e5c454f, 0x35275576f9c9525, 0x2bd6b259f924e05
    .quad 0x838f789aee4c4bd9, 0x83d1fdfcdc9a4c84, 0x81e5deebcbe5050e, 0xe54ee2f81ad91d
    .quad 0x823a633c77a10bef, 0x80d18df197eede9c, 0x1a95af162015238, 0x96c9381ce72421
    .quad 0xaf8a1635c1c229, 0x6b8657cdba3b7a, 0x815b95088645ebed, 0x80a8ca9ee8d8d18c
    .quad 0x33eb3b3ff52832f, 0x3b3fb3bedae21b2, 0x53c51307bb0de9, 0x24be41597295171
    .quad 0x81cd5ca7a35b7f93, 0x80e74e444a3c7637, 0x811ad1fdce684dac, 0x3ed3e6b0545631b
    .quad 0x82296296b04e4f1d, 0x809b49e1b2e4556a, 0x2d1ed4b2ed8b4c3, 0x835635314cb98740
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
