
    .intel_syntax noprefix
    .text
    .globl _start
_start:
    and rsp, -16
    ldmxcsr [mxdef]
    call run_int
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


run_int:
    push rbx
    push r12
    push r13
    push r14
    push r15
    xor r12d, r12d
.Lints:
    mov rsi, [int_names + r12*8]
    call put_str
    mov edi, 10
    call put_char
    xor r13d, r13d
.Lintm:
    xor r14d, r14d
.Lintp:
    mov rax, [int_modeptr + r12*8]
    mov eax, [rax + r13*4]
    mov [mxin], eax
    lea rsi, [r14*8]
    lea rsi, [int_pairs + rsi*4]
    movdqa xmm0, [rsi]
    movdqa xmm1, [rsi+16]
    xor eax, eax
    ldmxcsr [mxin]
    call [int_snips + r12*8]
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
    cmp r14, 74
    jb .Lintp
    inc r13
    cmp r13, [int_nmodes + r12*8]
    jb .Lintm
    inc r12
    cmp r12, 103
    jb .Lints
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

int_snip0:
    paddb xmm0, xmm1
    ret
int_snip1:
    paddw xmm0, xmm1
    ret
int_snip2:
    paddd xmm0, xmm1
    ret
int_snip3:
    paddq xmm0, xmm1
    ret
int_snip4:
    psubb xmm0, xmm1
    ret
int_snip5:
    psubw xmm0, xmm1
    ret
int_snip6:
    psubd xmm0, xmm1
    ret
int_snip7:
    psubq xmm0, xmm1
    ret
int_snip8:
    paddsb xmm0, xmm1
    ret
int_snip9:
    paddsw xmm0, xmm1
    ret
int_snip10:
    paddusb xmm0, xmm1
    ret
int_snip11:
    paddusw xmm0, xmm1
    ret
int_snip12:
    psubsb xmm0, xmm1
    ret
int_snip13:
    psubsw xmm0, xmm1
    ret
int_snip14:
    psubusb xmm0, xmm1
    ret
int_snip15:
    psubusw xmm0, xmm1
    ret
int_snip16:
    pmullw xmm0, xmm1
    ret
int_snip17:
    pmulhw xmm0, xmm1
    ret
int_snip18:
    pmulhuw xmm0, xmm1
    ret
int_snip19:
    pmuludq xmm0, xmm1
    ret
int_snip20:
    pmaddwd xmm0, xmm1
    ret
int_snip21:
    pavgb xmm0, xmm1
    ret
int_snip22:
    pavgw xmm0, xmm1
    ret
int_snip23:
    pminub xmm0, xmm1
    ret
int_snip24:
    pmaxub xmm0, xmm1
    ret
int_snip25:
    pminsw xmm0, xmm1
    ret
int_snip26:
    pmaxsw xmm0, xmm1
    ret
int_snip27:
    psadbw xmm0, xmm1
    ret
int_snip28:
    pcmpeqb xmm0, xmm1
    ret
int_snip29:
    pcmpeqw xmm0, xmm1
    ret
int_snip30:
    pcmpeqd xmm0, xmm1
    ret
int_snip31:
    pcmpgtb xmm0, xmm1
    ret
int_snip32:
    pcmpgtw xmm0, xmm1
    ret
int_snip33:
    pcmpgtd xmm0, xmm1
    ret
int_snip34:
    pand xmm0, xmm1
    ret
int_snip35:
    pandn xmm0, xmm1
    ret
int_snip36:
    por xmm0, xmm1
    ret
int_snip37:
    pxor xmm0, [rsi+16]
    ret
int_snip38:
    packsswb xmm0, xmm1
    ret
int_snip39:
    packssdw xmm0, xmm1
    ret
int_snip40:
    packuswb xmm0, xmm1
    ret
int_snip41:
    punpcklbw xmm0, xmm1
    ret
int_snip42:
    punpckhbw xmm0, xmm1
    ret
int_snip43:
    punpcklwd xmm0, xmm1
    ret
int_snip44:
    punpckhwd xmm0, xmm1
    ret
int_snip45:
    punpckldq xmm0, xmm1
    ret
int_snip46:
    punpckhdq xmm0, xmm1
    ret
int_snip47:
    punpcklqdq xmm0, xmm1
    ret
int_snip48:
    punpckhqdq xmm0, [rsi+16]
    ret
int_snip49:
    psllw xmm0, xmm1
    ret
int_snip50:
    pslld xmm0, xmm1
    ret
int_snip51:
    psllq xmm0, xmm1
    ret
int_snip52:
    psrlw xmm0, xmm1
    ret
int_snip53:
    psrld xmm0, xmm1
    ret
int_snip54:
    psrlq xmm0, xmm1
    ret
int_snip55:
    psraw xmm0, xmm1
    ret
int_snip56:
    psrad xmm0, xmm1
    ret
int_snip57:
    psraw xmm0, [rsi+16]
    ret
int_snip58:
    psllw xmm0, 3
    ret
int_snip59:
    psllw xmm0, 16
    ret
int_snip60:
    pslld xmm0, 31
    ret
int_snip61:
    psllq xmm0, 63
    ret
int_snip62:
    psrlw xmm0, 15
    ret
int_snip63:
    psrld xmm0, 1
    ret
int_snip64:
    psrlq xmm0, 64
    ret
int_snip65:
    psraw xmm0, 7
    ret
int_snip66:
    psraw xmm0, 200
    ret
int_snip67:
    psrad xmm0, 31
    ret
int_snip68:
    psrad xmm0, 32
    ret
int_snip69:
    pslldq xmm0, 1
    ret
int_snip70:
    pslldq xmm0, 15
    ret
int_snip71:
    pslldq xmm0, 16
    ret
int_snip72:
    psrldq xmm0, 3
    ret
int_snip73:
    psrldq xmm0, 8
    ret
int_snip74:
    psrldq xmm0, 255
    ret
int_snip75:
    pshufd xmm0, xmm1, 0x1b
    ret
int_snip76:
    pshufd xmm0, [rsi+16], 0xa5
    ret
int_snip77:
    pshuflw xmm0, xmm1, 0x6c
    ret
int_snip78:
    pshufhw xmm0, xmm1, 0xd2
    ret
int_snip79:
    pextrw eax, xmm1, 5
    ret
int_snip80:
    pextrw rax, xmm1, 0
    ret
int_snip81:
    pinsrw xmm0, word ptr [rsi+16], 7
    ret
int_snip82:
    movq rax, xmm1
    pinsrw xmm0, eax, 2
    ret
int_snip83:
    pmovmskb eax, xmm1
    ret
int_snip84:
    movd eax, xmm1
    ret
int_snip85:
    movq rax, xmm1
    ret
int_snip86:
    movd xmm0, [rsi+16]
    ret
int_snip87:
    movq xmm0, [rsi+16]
    ret
int_snip88:
    movq xmm0, xmm1
    ret
int_snip89:
    movq rax, xmm1
    movq xmm0, rax
    ret
int_snip90:
    movd eax, xmm1
    movd xmm0, eax
    ret
int_snip91:
    movdqa xmm0, xmm1
    ret
int_snip92:
    movdqu xmm0, [rsi+3]
    ret
int_snip93:
    movdqa [scratch], xmm1
    movdqa xmm0, [scratch]
    ret
int_snip94:
    movntdq [scratch], xmm1
    movdqu xmm0, [scratch]
    ret
int_snip95:
    movnti qword ptr [scratch], rax
    movq rax, xmm1
    movnti [scratch+8], eax
    movdqa xmm0, [scratch]
    ret
int_snip96:
    movd [scratch], xmm1
    movq [scratch+4], xmm1
    movdqa xmm0, [scratch]
    ret
int_snip97:
    lea rdi, [scratch]
    movdqa [rdi], xmm0
    maskmovdqu xmm1, xmm0
    movdqa xmm0, [scratch]
    ret
int_snip98:
    fxsave [fxarea]
    movdqa xmm0, [fxarea+176]
    mov eax, [fxarea+24]
    ret
int_snip99:
    fxsave [fxarea]
    movdqa [fxarea+160], xmm1
    fxrstor [fxarea]
    ret
int_snip100:
    movaps xmm2, xmm1
    movntps [scratch], xmm2
    movapd xmm0, [scratch]
    ret
int_snip101:
    movups [scratch+1], xmm1
    movups xmm0, [scratch+1]
    ret
int_snip102:
    cvtdq2pd xmm0, xmm1
    ret
    .data
    .balign 16
int_snips:
    .quad int_snip0
    .quad int_snip1
    .quad int_snip2
    .quad int_snip3
    .quad int_snip4
    .quad int_snip5
    .quad int_snip6
    .quad int_snip7
    .quad int_snip8
    .quad int_snip9
    .quad int_snip10
    .quad int_snip11
    .quad int_snip12
    .quad int_snip13
    .quad int_snip14
    .quad int_snip15
    .quad int_snip16
    .quad int_snip17
    .quad int_snip18
    .quad int_snip19
    .quad int_snip20
    .quad int_snip21
    .quad int_snip22
    .quad int_snip23
    .quad int_snip24
    .quad int_snip25
    .quad int_snip26
    .quad int_snip27
    .quad int_snip28
    .quad int_snip29
    .quad int_snip30
    .quad int_snip31
    .quad int_snip32
    .quad int_snip33
    .quad int_snip34
    .quad int_snip35
    .quad int_snip36
    .quad int_snip37
    .quad int_snip38
    .quad int_snip39
    .quad int_snip40
    .quad int_snip41
    .quad int_snip42
    .quad int_snip43
    .quad int_snip44
    .quad int_snip45
    .quad int_snip46
    .quad int_snip47
    .quad int_snip48
    .quad int_snip49
    .quad int_snip50
    .quad int_snip51
    .quad int_snip52
    .quad int_snip53
    .quad int_snip54
    .quad int_snip55
    .quad int_snip56
    .quad int_snip57
    .quad int_snip58
    .quad int_snip59
    .quad int_snip60
    .quad int_snip61
    .quad int_snip62
    .quad int_snip63
    .quad int_snip64
    .quad int_snip65
    .quad int_snip66
    .quad int_snip67
    .quad int_snip68
    .quad int_snip69
    .quad int_snip70
    .quad int_snip71
    .quad int_snip72
    .quad int_snip73
    .quad int_snip74
    .quad int_snip75
    .quad int_snip76
    .quad int_snip77
    .quad int_snip78
    .quad int_snip79
    .quad int_snip80
    .quad int_snip81
    .quad int_snip82
    .quad int_snip83
    .quad int_snip84
    .quad int_snip85
    .quad int_snip86
    .quad int_snip87
    .quad int_snip88
    .quad int_snip89
    .quad int_snip90
    .quad int_snip91
    .quad int_snip92
    .quad int_snip93
    .quad int_snip94
    .quad int_snip95
    .quad int_snip96
    .quad int_snip97
    .quad int_snip98
    .quad int_snip99
    .quad int_snip100
    .quad int_snip101
    .quad int_snip102
int_names:
    .quad int_name0
    .quad int_name1
    .quad int_name2
    .quad int_name3
    .quad int_name4
    .quad int_name5
    .quad int_name6
    .quad int_name7
    .quad int_name8
    .quad int_name9
    .quad int_name10
    .quad int_name11
    .quad int_name12
    .quad int_name13
    .quad int_name14
    .quad int_name15
    .quad int_name16
    .quad int_name17
    .quad int_name18
    .quad int_name19
    .quad int_name20
    .quad int_name21
    .quad int_name22
    .quad int_name23
    .quad int_name24
    .quad int_name25
    .quad int_name26
    .quad int_name27
    .quad int_name28
    .quad int_name29
    .quad int_name30
    .quad int_name31
    .quad int_name32
    .quad int_name33
    .quad int_name34
    .quad int_name35
    .quad int_name36
    .quad int_name37
    .quad int_name38
    .quad int_name39
    .quad int_name40
    .quad int_name41
    .quad int_name42
    .quad int_name43
    .quad int_name44
    .quad int_name45
    .quad int_name46
    .quad int_name47
    .quad int_name48
    .quad int_name49
    .quad int_name50
    .quad int_name51
    .quad int_name52
    .quad int_name53
    .quad int_name54
    .quad int_name55
    .quad int_name56
    .quad int_name57
    .quad int_name58
    .quad int_name59
    .quad int_name60
    .quad int_name61
    .quad int_name62
    .quad int_name63
    .quad int_name64
    .quad int_name65
    .quad int_name66
    .quad int_name67
    .quad int_name68
    .quad int_name69
    .quad int_name70
    .quad int_name71
    .quad int_name72
    .quad int_name73
    .quad int_name74
    .quad int_name75
    .quad int_name76
    .quad int_name77
    .quad int_name78
    .quad int_name79
    .quad int_name80
    .quad int_name81
    .quad int_name82
    .quad int_name83
    .quad int_name84
    .quad int_name85
    .quad int_name86
    .quad int_name87
    .quad int_name88
    .quad int_name89
    .quad int_name90
    .quad int_name91
    .quad int_name92
    .quad int_name93
    .quad int_name94
    .quad int_name95
    .quad int_name96
    .quad int_name97
    .quad int_name98
    .quad int_name99
    .quad int_name100
    .quad int_name101
    .quad int_name102
int_name0: .asciz "== int: paddb xmm0, xmm1"
int_name1: .asciz "== int: paddw xmm0, xmm1"
int_name2: .asciz "== int: paddd xmm0, xmm1"
int_name3: .asciz "== int: paddq xmm0, xmm1"
int_name4: .asciz "== int: psubb xmm0, xmm1"
int_name5: .asciz "== int: psubw xmm0, xmm1"
int_name6: .asciz "== int: psubd xmm0, xmm1"
int_name7: .asciz "== int: psubq xmm0, xmm1"
int_name8: .asciz "== int: paddsb xmm0, xmm1"
int_name9: .asciz "== int: paddsw xmm0, xmm1"
int_name10: .asciz "== int: paddusb xmm0, xmm1"
int_name11: .asciz "== int: paddusw xmm0, xmm1"
int_name12: .asciz "== int: psubsb xmm0, xmm1"
int_name13: .asciz "== int: psubsw xmm0, xmm1"
int_name14: .asciz "== int: psubusb xmm0, xmm1"
int_name15: .asciz "== int: psubusw xmm0, xmm1"
int_name16: .asciz "== int: pmullw xmm0, xmm1"
int_name17: .asciz "== int: pmulhw xmm0, xmm1"
int_name18: .asciz "== int: pmulhuw xmm0, xmm1"
int_name19: .asciz "== int: pmuludq xmm0, xmm1"
int_name20: .asciz "== int: pmaddwd xmm0, xmm1"
int_name21: .asciz "== int: pavgb xmm0, xmm1"
int_name22: .asciz "== int: pavgw xmm0, xmm1"
int_name23: .asciz "== int: pminub xmm0, xmm1"
int_name24: .asciz "== int: pmaxub xmm0, xmm1"
int_name25: .asciz "== int: pminsw xmm0, xmm1"
int_name26: .asciz "== int: pmaxsw xmm0, xmm1"
int_name27: .asciz "== int: psadbw xmm0, xmm1"
int_name28: .asciz "== int: pcmpeqb xmm0, xmm1"
int_name29: .asciz "== int: pcmpeqw xmm0, xmm1"
int_name30: .asciz "== int: pcmpeqd xmm0, xmm1"
int_name31: .asciz "== int: pcmpgtb xmm0, xmm1"
int_name32: .asciz "== int: pcmpgtw xmm0, xmm1"
int_name33: .asciz "== int: pcmpgtd xmm0, xmm1"
int_name34: .asciz "== int: pand xmm0, xmm1"
int_name35: .asciz "== int: pandn xmm0, xmm1"
int_name36: .asciz "== int: por xmm0, xmm1"
int_name37: .asciz "== int: pxor xmm0, [rsi+16]"
int_name38: .asciz "== int: packsswb xmm0, xmm1"
int_name39: .asciz "== int: packssdw xmm0, xmm1"
int_name40: .asciz "== int: packuswb xmm0, xmm1"
int_name41: .asciz "== int: punpcklbw xmm0, xmm1"
int_name42: .asciz "== int: punpckhbw xmm0, xmm1"
int_name43: .asciz "== int: punpcklwd xmm0, xmm1"
int_name44: .asciz "== int: punpckhwd xmm0, xmm1"
int_name45: .asciz "== int: punpckldq xmm0, xmm1"
int_name46: .asciz "== int: punpckhdq xmm0, xmm1"
int_name47: .asciz "== int: punpcklqdq xmm0, xmm1"
int_name48: .asciz "== int: punpckhqdq xmm0, [rsi+16]"
int_name49: .asciz "== int: psllw xmm0, xmm1"
int_name50: .asciz "== int: pslld xmm0, xmm1"
int_name51: .asciz "== int: psllq xmm0, xmm1"
int_name52: .asciz "== int: psrlw xmm0, xmm1"
int_name53: .asciz "== int: psrld xmm0, xmm1"
int_name54: .asciz "== int: psrlq xmm0, xmm1"
int_name55: .asciz "== int: psraw xmm0, xmm1"
int_name56: .asciz "== int: psrad xmm0, xmm1"
int_name57: .asciz "== int: psraw xmm0, [rsi+16]"
int_name58: .asciz "== int: psllw xmm0, 3"
int_name59: .asciz "== int: psllw xmm0, 16"
int_name60: .asciz "== int: pslld xmm0, 31"
int_name61: .asciz "== int: psllq xmm0, 63"
int_name62: .asciz "== int: psrlw xmm0, 15"
int_name63: .asciz "== int: psrld xmm0, 1"
int_name64: .asciz "== int: psrlq xmm0, 64"
int_name65: .asciz "== int: psraw xmm0, 7"
int_name66: .asciz "== int: psraw xmm0, 200"
int_name67: .asciz "== int: psrad xmm0, 31"
int_name68: .asciz "== int: psrad xmm0, 32"
int_name69: .asciz "== int: pslldq xmm0, 1"
int_name70: .asciz "== int: pslldq xmm0, 15"
int_name71: .asciz "== int: pslldq xmm0, 16"
int_name72: .asciz "== int: psrldq xmm0, 3"
int_name73: .asciz "== int: psrldq xmm0, 8"
int_name74: .asciz "== int: psrldq xmm0, 255"
int_name75: .asciz "== int: pshufd xmm0, xmm1, 0x1b"
int_name76: .asciz "== int: pshufd xmm0, [rsi+16], 0xa5"
int_name77: .asciz "== int: pshuflw xmm0, xmm1, 0x6c"
int_name78: .asciz "== int: pshufhw xmm0, xmm1, 0xd2"
int_name79: .asciz "== int: pextrw eax, xmm1, 5"
int_name80: .asciz "== int: pextrw rax, xmm1, 0"
int_name81: .asciz "== int: pinsrw xmm0, [rsi+16], 7"
int_name82: .asciz "== int: movq rax, xmm1; pinsrw xmm0, eax, 2"
int_name83: .asciz "== int: pmovmskb eax, xmm1"
int_name84: .asciz "== int: movd eax, xmm1"
int_name85: .asciz "== int: movq rax, xmm1"
int_name86: .asciz "== int: movd xmm0, [rsi+16]"
int_name87: .asciz "== int: movq xmm0, [rsi+16]"
int_name88: .asciz "== int: movq xmm0, xmm1"
int_name89: .asciz "== int: movq rax, xmm1; movq xmm0, rax"
int_name90: .asciz "== int: movd eax, xmm1; movd xmm0, eax"
int_name91: .asciz "== int: movdqa xmm0, xmm1"
int_name92: .asciz "== int: movdqu xmm0, [rsi+3]"
int_name93: .asciz "== int: movdqa [scratch], xmm1; movdqa xmm0, [scratch]"
int_name94: .asciz "== int: movntdq [scratch], xmm1; movdqu xmm0, [scratch]"
int_name95: .asciz "== int: movnti [scratch], rax; movq rax, xmm1; movnti [scratch+8], eax; movdqa xmm0, [scratch]"
int_name96: .asciz "== int: movd [scratch], xmm1; movq [scratch+4], xmm1; movdqa xmm0, [scratch]"
int_name97: .asciz "== int: lea rdi, [scratch]; movdqa [rdi], xmm0; maskmovdqu xmm1, xmm0; movdqa xmm0, [scratch]"
int_name98: .asciz "== int: fxsave [fxarea]; movdqa xmm0, [fxarea+176]; mov eax, [fxarea+24]"
int_name99: .asciz "== int: fxsave [fxarea]; movdqa [fxarea+160], xmm1; fxrstor [fxarea]"
int_name100: .asciz "== int: movaps xmm2, xmm1; movntps [scratch], xmm2; movapd xmm0, [scratch]"
int_name101: .asciz "== int: movups [scratch+1], xmm1; movups xmm0, [scratch+1]"
int_name102: .asciz "== int: A:cvtdq2pd xmm0, xmm1"
int_modeptr:
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
    .quad modes_all
int_nmodes:
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
    .quad 5
    .balign 16
int_pairs:
    .quad 0x0, 0x0, 0x0, 0x0
    .quad 0x0, 0x0, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0x0, 0x0, 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81
    .quad 0x0, 0x0, 0x7fff7fff7fff7fff, 0xffffffffffffffff
    .quad 0x0, 0x0, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0x0, 0x0, 0xeac458ec55442f3d, 0xa2dad3e5c944c823
    .quad 0xffffffffffffffff, 0xffffffffffffffff, 0x0, 0x0
    .quad 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0xffffffffffffffff, 0xffffffffffffffff, 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81
    .quad 0xffffffffffffffff, 0xffffffffffffffff, 0x7fff7fff7fff7fff, 0xffffffffffffffff
    .quad 0xffffffffffffffff, 0xffffffffffffffff, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0xffffffffffffffff, 0xffffffffffffffff, 0xeac458ec55442f3d, 0xa2dad3e5c944c823
    .quad 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81, 0x0, 0x0
    .quad 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81, 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81
    .quad 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81, 0x7fff7fff7fff7fff, 0xffffffffffffffff
    .quad 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81, 0xeac458ec55442f3d, 0xa2dad3e5c944c823
    .quad 0x7fff7fff7fff7fff, 0xffffffffffffffff, 0x0, 0x0
    .quad 0x7fff7fff7fff7fff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0x7fff7fff7fff7fff, 0xffffffffffffffff, 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81
    .quad 0x7fff7fff7fff7fff, 0xffffffffffffffff, 0x7fff7fff7fff7fff, 0xffffffffffffffff
    .quad 0x7fff7fff7fff7fff, 0xffffffffffffffff, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0x7fff7fff7fff7fff, 0xffffffffffffffff, 0xeac458ec55442f3d, 0xa2dad3e5c944c823
    .quad 0x56b1ddcd7835244e, 0xa98ef42570099d86, 0x0, 0x0
    .quad 0x56b1ddcd7835244e, 0xa98ef42570099d86, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0x56b1ddcd7835244e, 0xa98ef42570099d86, 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81
    .quad 0x56b1ddcd7835244e, 0xa98ef42570099d86, 0x7fff7fff7fff7fff, 0xffffffffffffffff
    .quad 0x56b1ddcd7835244e, 0xa98ef42570099d86, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0x56b1ddcd7835244e, 0xa98ef42570099d86, 0xeac458ec55442f3d, 0xa2dad3e5c944c823
    .quad 0xeac458ec55442f3d, 0xa2dad3e5c944c823, 0x0, 0x0
    .quad 0xeac458ec55442f3d, 0xa2dad3e5c944c823, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0xeac458ec55442f3d, 0xa2dad3e5c944c823, 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81
    .quad 0xeac458ec55442f3d, 0xa2dad3e5c944c823, 0x7fff7fff7fff7fff, 0xffffffffffffffff
    .quad 0xeac458ec55442f3d, 0xa2dad3e5c944c823, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0xeac458ec55442f3d, 0xa2dad3e5c944c823, 0xeac458ec55442f3d, 0xa2dad3e5c944c823
    .quad 0x0, 0x0, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0xffffffffffffffff, 0xffffffffffffffff, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0x8000ffff7ffe0102, 0x80ff0180ff7f7f81, 0x5544612cf1f2e192, 0xa10a2ddac93920d1
    .quad 0x7fff7fff7fff7fff, 0xffffffffffffffff, 0x5b83962329ee966e, 0xd0e4f152e75110c2
    .quad 0x56b1ddcd7835244e, 0xa98ef42570099d86, 0x71b6bf15b67db109, 0xe48bc971e40a282b
    .quad 0xeac458ec55442f3d, 0xa2dad3e5c944c823, 0xce3719d354044716, 0xfe3d9f0bef6f4a18
    .quad 0xb566b3d898062973, 0x54e840bdde5019e1, 0x406215be9ec83da0, 0xd906c176ddf8c5db
    .quad 0x5544612cf1f2e192, 0xa10a2ddac93920d1, 0x14c20c4bf2243bc6, 0x9c373387efd44231
    .quad 0xc9503be69b5946d0, 0xad09e094285e405d, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0x3690ec7e48af4b9d, 0x1d0bf61fd20b524a, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0x5b83962329ee966e, 0xd0e4f152e75110c2, 0x5544612cf1f2e192, 0xa10a2ddac93920d1
    .quad 0x2f9459643005c263, 0xf8452c6823173127, 0x5b83962329ee966e, 0xd0e4f152e75110c2
    .quad 0x2dc61929bdb3b685, 0x3ebb012955a5d0a8, 0x71b6bf15b67db109, 0xe48bc971e40a282b
    .quad 0x71b6bf15b67db109, 0xe48bc971e40a282b, 0xce3719d354044716, 0xfe3d9f0bef6f4a18
    .quad 0xe0a83e81ed3b56bb, 0xf766e7174feed6, 0x406215be9ec83da0, 0xd906c176ddf8c5db
    .quad 0x4bfe3d86fe56048b, 0x724732fd723eea42, 0x14c20c4bf2243bc6, 0x9c373387efd44231
    .quad 0xce3719d354044716, 0xfe3d9f0bef6f4a18, 0xffffffffffffffff, 0xffffffffffffffff
    .quad 0xfb00cf63ef38128c, 0x34eaa28767e141a9, 0x56b1ddcd7835244e, 0xa98ef42570099d86
    .quad 0x15b448702b9fc96a, 0xeeb093b60de7ec78, 0x5544612cf1f2e192, 0xa10a2ddac93920d1
    .quad 0x406215be9ec83da0, 0xd906c176ddf8c5db, 0x5b83962329ee966e, 0xd0e4f152e75110c2
    .quad 0x94d2e76e13e92290, 0x7f1d78f1b87e54d5, 0x71b6bf15b67db109, 0xe48bc971e40a282b
    .quad 0x43605563f4793d3c, 0x2e29a7490af50046, 0xce3719d354044716, 0xfe3d9f0bef6f4a18
    .quad 0x14c20c4bf2243bc6, 0x9c373387efd44231, 0x406215be9ec83da0, 0xd906c176ddf8c5db
    .quad 0xf9707b5b10b746f5, 0xa909e84d09e93538, 0x14c20c4bf2243bc6, 0x9c373387efd44231
    .quad 0xb566b3d898062973, 0x54e840bdde5019e1, 0x0, 0x0
    .quad 0x5544612cf1f2e192, 0xa10a2ddac93920d1, 0x1, 0x0
    .quad 0x71b6bf15b67db109, 0xe48bc971e40a282b, 0x7, 0x0
    .quad 0xe0a83e81ed3b56bb, 0xf766e7174feed6, 0x8, 0x0
    .quad 0x2f9459643005c263, 0xf8452c6823173127, 0xf, 0x0
    .quad 0x2dc61929bdb3b685, 0x3ebb012955a5d0a8, 0x10, 0x0
    .quad 0x71b6bf15b67db109, 0xe48bc971e40a282b, 0x11, 0x0
    .quad 0x5544612cf1f2e192, 0xa10a2ddac93920d1, 0x1f, 0x0
    .quad 0xc9503be69b5946d0, 0xad09e094285e405d, 0x20, 0x0
    .quad 0x3690ec7e48af4b9d, 0x1d0bf61fd20b524a, 0x21, 0x0
    .quad 0x3690ec7e48af4b9d, 0x1d0bf61fd20b524a, 0x3f, 0x0
    .quad 0x5b83962329ee966e, 0xd0e4f152e75110c2, 0x40, 0x0
    .quad 0x2f9459643005c263, 0xf8452c6823173127, 0x41, 0x0
    .quad 0x2dc61929bdb3b685, 0x3ebb012955a5d0a8, 0x100000000, 0x0
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
