#!/usr/bin/env python3
"""Generates guest-images/src/isa_sse_asm_GROUP.S: a libc-free differential test of SSE/SSE2.

Each group runs every snippet (one instruction, or a few) over every operand pair under every
MXCSR setting of the group, and prints xmm0, rax and MXCSR after it as hex. Usage (one program per group):
    for g in f32 f64 int cvt rnd; do python3 guest-images/gen/gen_isa_sse_asm.py $g > guest-images/src/isa_sse_asm_$g.S; done
"""
import struct
import sys

state = 0x243F6A8885A308D3  # fixed-seed xorshift64


def rnd():
    global state
    x = state
    x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
    x ^= x >> 7
    x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
    state = x
    return x


def f32(v):
    return struct.unpack('<I', struct.pack('<f', v))[0]


def f64(v):
    return struct.unpack('<Q', struct.pack('<d', v))[0]


F32_EDGE = [0x00000000, 0x80000000, f32(1.0), f32(-1.0), f32(1.5), 0x7F800000, 0xFF800000,
            0x7FC00001, 0xFFC12345, 0x7F800001, 0xFF900000, 0x00000001, 0x807FFFFF,
            0x7F7FFFFF, 0xFF7FFFFF, 0x00800000, f32(3.0), 0x3F800001, 0x3EAAAAAB,
            0x4F000000, 0xCF000000, 0x4EFFFFFF, 0x00C00000, 0x0C000000, 0x73800000]
F64_EDGE = [0, 0x8000000000000000, f64(1.0), f64(-1.0), f64(1.5), 0x7FF0000000000000,
            0xFFF0000000000000, 0x7FF8000000000001, 0xFFF8000000012345, 0x7FF0000000000001,
            0xFFF4000000000000, 1, 0x800FFFFFFFFFFFFF, 0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFF,
            0x0010000000000000, f64(3.0), 0x3FF0000000000001, 0x3FD5555555555555, f64(2.5),
            f64(-2.5), f64(0.5), f64(2147483647.5), f64(-2147483648.5), f64(2147483648.0),
            f64(-2147483649.0), 0x43E0000000000000, 0xC3E0000000000000, 0x43DFFFFFFFFFFFFF,
            f64(3.4028235677973366e38), f64(3.4028234663852886e38), 0x36A0000000000000,
            0x3810000000000000, 0x0018000000000000, 0x2000000000000000, 0x5FF0000000000000]


def pack128(lanes, width):
    v = 0
    for i, x in enumerate(lanes):
        v |= x << (width * i)
    return v & ((1 << 128) - 1), v >> 128


def f32_pairs():
    lanes = [(a, b) for a in F32_EDGE for b in F32_EDGE]
    for _ in range(64):  # random moderate-exponent values exercise rounding
        def r():
            x = rnd()
            return (x & 0x807FFFFF) | ((0x60 + (x >> 40) % 0x40) << 23)
        lanes.append((r(), r()))
    for _ in range(16):  # random tiny values exercise underflow
        def t():
            x = rnd()
            return (x & 0x807FFFFF) | (((x >> 40) % 0x20) << 23)
        lanes.append((t(), t()))
    out = []
    for i in range(0, len(lanes) - 3, 4):
        a = sum(lanes[i + k][0] << (32 * k) for k in range(4))
        b = sum(lanes[i + k][1] << (32 * k) for k in range(4))
        out.append((a, b))
    return out


def f64_pairs():
    lanes = [(a, b) for a in F64_EDGE for b in F64_EDGE[::3]]
    for _ in range(48):
        def r():
            x = rnd()
            return (x & 0x800FFFFFFFFFFFFF) | ((0x3C0 + (x >> 40) % 0x80) << 52)
        lanes.append((r(), r()))
    for _ in range(16):
        def t():
            x = rnd()
            return (x & 0x800FFFFFFFFFFFFF) | (((x >> 40) % 0x40) << 52)
        lanes.append((t(), t()))
    out = []
    for i in range(0, len(lanes) - 1, 2):
        out.append((lanes[i][0] | lanes[i + 1][0] << 64, lanes[i][1] | lanes[i + 1][1] << 64))
    return out


def int_pairs():
    edge = [0, 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 0x7FFF8000_7FFFFFFF_80000000_807F7F80 << 64 | 0x00FF0180_FF7F0001_8000FFFF_7FFE0102,
            0x80008000_80008000_80008000_80008000 << 64 | 0x7FFF7FFF_7FFF7FFF_7FFF7FFF_7FFF7FFF]
    vals = [(x & ((1 << 128) - 1)) for x in edge] + [rnd() | rnd() << 64 for _ in range(20)]
    out = [(a, b) for a in vals[:6] for b in vals[:6]]
    for k in range(24):
        out.append((vals[k % len(vals)], vals[(3 * k + 1) % len(vals)]))
    for c in [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 0x100000000]:  # shift counts
        out.append((vals[6 + c % 10], c))
    return out


def cvt_int_pairs():
    edge = [0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x01000001, 0x7FFFFFC0, 0x7FFFFF80,
            0x8000000000000000, 0x7FFFFFFFFFFFFFFF, 0x0020000000000001, 0xFFFFFFFFFFFFFFFF,
            0x7FFFFF4000000000, 0x8000008000000001, 0x00000000FFFFFFFF, 0x123456789ABCDEF1]
    out = []
    for i, e in enumerate(edge):
        out.append((rnd() | rnd() << 64, e | (edge[(i + 5) % len(edge)] << 64)))
    for _ in range(8):
        out.append((rnd() | rnd() << 64, rnd() | rnd() << 64))
    return out


# Snippets prefixed "A:" run under every rounding mode and DAZ/FTZ, "D:" with and without DAZ,
# the rest once: the output stays small enough to compare quickly.
MODES = {"all": [0x1F80, 0x3F80, 0x5F80, 0x7F80, 0x9FC0], "daz": [0x1F80, 0x1FC0], "one": [0x1F80]}
PS_MODES = INT_MODES = CVT_MODES = None


def mode_class(s):
    return "all" if s.startswith("A:") else "daz" if s.startswith("D:") else "one"


def strip_class(s):
    return s[2:] if s[:2] in ("A:", "D:") else s

RESTORE_MX = ["stmxcsr [mxsave]"]


def cmp_snips(ins):
    return [f"{ins} xmm0, xmm1, {p}" for p in range(8)]


F32_SNIPS = (
    ["A:addps xmm0, xmm1", "A:subps xmm0, xmm1", "A:mulps xmm0, xmm1", "A:divps xmm0, xmm1",
     "D:minps xmm0, xmm1", "D:maxps xmm0, xmm1", "A:addss xmm0, xmm1", "A:subss xmm0, xmm1",
     "A:mulss xmm0, xmm1", "A:divss xmm0, xmm1", "D:minss xmm0, xmm1", "D:maxss xmm0, xmm1",
     "A:sqrtps xmm0, xmm1", "A:sqrtss xmm0, xmm1", "A:addps xmm0, [rsi+16]", "A:divss xmm0, [rsi+20]",
     "D:maxps xmm0, [rsi+16]"]
    + cmp_snips("D:cmpps") + cmp_snips("D:cmpss")
    + ["D:comiss xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5",
       "D:ucomiss xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5",
       "D:ucomiss xmm1, [rsi]; pushfq; pop rax; and eax, 0x8d5",
       "A:cvtss2sd xmm0, xmm1", "A:cvtps2pd xmm0, xmm1", "A:cvtps2dq xmm0, xmm1", "A:cvttps2dq xmm0, xmm1",
       "A:cvtss2si eax, xmm1", "A:cvtss2si rax, xmm1", "A:cvttss2si eax, xmm1", "A:cvttss2si rax, [rsi+16]",
       "andps xmm0, xmm1", "andnps xmm0, xmm1", "orps xmm0, xmm1", "xorps xmm0, xmm1",
       "shufps xmm0, xmm1, 0x1b", "shufps xmm0, xmm1, 0xe4", "unpcklps xmm0, xmm1", "unpckhps xmm0, xmm1",
       "movmskps eax, xmm1", "movss xmm0, xmm1", "movss xmm0, [rsi+16]", "movhlps xmm0, xmm1",
       "movlhps xmm0, xmm1", "movlps xmm0, [rsi+16]", "movhps xmm0, [rsi+16]", "movups xmm0, [rsi+4]",
       "pxor xmm2, xmm2; movdqa [scratch], xmm2; movhps [scratch], xmm1; movaps xmm0, [scratch]",
       "movss [scratch], xmm1; movups xmm0, [scratch]",
       # RCP/RSQRT differ between vendors: check |r*x-1| <= 1.5*2^-12 (or rsqrt: |r*r*x-1| <= 3*2^-12).
       "D:stmxcsr [mxsave]; rcpps xmm2, xmm1; mulps xmm2, xmm1; subps xmm2, [oneps]; andps xmm2, [absps]; "
       "movaps xmm0, [tolps]; cmpnltps xmm0, xmm2; movmskps eax, xmm0; pxor xmm0, xmm0; ldmxcsr [mxsave]",
       "D:stmxcsr [mxsave]; rsqrtps xmm2, xmm1; mulps xmm2, xmm2; mulps xmm2, xmm1; subps xmm2, [oneps]; andps xmm2, [absps]; "
       "movaps xmm0, [tol2ps]; cmpnltps xmm0, xmm2; movmskps eax, xmm0; pxor xmm0, xmm0; ldmxcsr [mxsave]",
       "D:stmxcsr [mxsave]; rcpss xmm2, xmm1; mulss xmm2, xmm1; subss xmm2, [oneps]; andps xmm2, [absps]; "
       "movaps xmm0, [tolps]; cmpnltss xmm0, xmm2; movmskps eax, xmm0; pxor xmm0, xmm0; ldmxcsr [mxsave]"]
)

F64_SNIPS = (
    ["A:addpd xmm0, xmm1", "A:subpd xmm0, xmm1", "A:mulpd xmm0, xmm1", "A:divpd xmm0, xmm1",
     "D:minpd xmm0, xmm1", "D:maxpd xmm0, xmm1", "A:addsd xmm0, xmm1", "A:subsd xmm0, xmm1",
     "A:mulsd xmm0, xmm1", "A:divsd xmm0, xmm1", "D:minsd xmm0, xmm1", "D:maxsd xmm0, xmm1",
     "A:sqrtpd xmm0, xmm1", "A:sqrtsd xmm0, xmm1", "A:mulpd xmm0, [rsi+16]", "A:subsd xmm0, [rsi+24]"]
    + cmp_snips("D:cmppd") + cmp_snips("D:cmpsd")
    + ["D:comisd xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5",
       "D:ucomisd xmm0, xmm1; pushfq; pop rax; and eax, 0x8d5",
       "A:cvtsd2ss xmm0, xmm1", "A:cvtpd2ps xmm0, xmm1", "A:cvtpd2dq xmm0, xmm1", "A:cvttpd2dq xmm0, xmm1",
       "A:cvtsd2si eax, xmm1", "A:cvtsd2si rax, xmm1", "A:cvttsd2si eax, xmm1", "A:cvttsd2si rax, [rsi+16]",
       "andpd xmm0, xmm1", "andnpd xmm0, xmm1", "orpd xmm0, xmm1", "xorpd xmm0, xmm1",
       "shufpd xmm0, xmm1, 1", "shufpd xmm0, xmm1, 2", "unpcklpd xmm0, xmm1", "unpckhpd xmm0, xmm1",
       "movmskpd eax, xmm1", "movsd xmm0, xmm1", "movsd xmm0, [rsi+16]", "movlpd xmm0, [rsi+16]",
       "movhpd xmm0, [rsi+16]", "movupd xmm0, [rsi+8]", "movapd xmm0, xmm1",
       "movsd [scratch], xmm1; movupd xmm0, [scratch]"]
)

INT_SNIPS = [
    "paddb xmm0, xmm1", "paddw xmm0, xmm1", "paddd xmm0, xmm1", "paddq xmm0, xmm1",
    "psubb xmm0, xmm1", "psubw xmm0, xmm1", "psubd xmm0, xmm1", "psubq xmm0, xmm1",
    "paddsb xmm0, xmm1", "paddsw xmm0, xmm1", "paddusb xmm0, xmm1", "paddusw xmm0, xmm1",
    "psubsb xmm0, xmm1", "psubsw xmm0, xmm1", "psubusb xmm0, xmm1", "psubusw xmm0, xmm1",
    "pmullw xmm0, xmm1", "pmulhw xmm0, xmm1", "pmulhuw xmm0, xmm1", "pmuludq xmm0, xmm1",
    "pmaddwd xmm0, xmm1", "pavgb xmm0, xmm1", "pavgw xmm0, xmm1", "pminub xmm0, xmm1",
    "pmaxub xmm0, xmm1", "pminsw xmm0, xmm1", "pmaxsw xmm0, xmm1", "psadbw xmm0, xmm1",
    "pcmpeqb xmm0, xmm1", "pcmpeqw xmm0, xmm1", "pcmpeqd xmm0, xmm1", "pcmpgtb xmm0, xmm1",
    "pcmpgtw xmm0, xmm1", "pcmpgtd xmm0, xmm1", "pand xmm0, xmm1", "pandn xmm0, xmm1",
    "por xmm0, xmm1", "pxor xmm0, [rsi+16]", "packsswb xmm0, xmm1", "packssdw xmm0, xmm1",
    "packuswb xmm0, xmm1", "punpcklbw xmm0, xmm1", "punpckhbw xmm0, xmm1", "punpcklwd xmm0, xmm1",
    "punpckhwd xmm0, xmm1", "punpckldq xmm0, xmm1", "punpckhdq xmm0, xmm1", "punpcklqdq xmm0, xmm1",
    "punpckhqdq xmm0, [rsi+16]", "psllw xmm0, xmm1", "pslld xmm0, xmm1", "psllq xmm0, xmm1",
    "psrlw xmm0, xmm1", "psrld xmm0, xmm1", "psrlq xmm0, xmm1", "psraw xmm0, xmm1", "psrad xmm0, xmm1",
    "psraw xmm0, [rsi+16]", "psllw xmm0, 3", "psllw xmm0, 16", "pslld xmm0, 31", "psllq xmm0, 63",
    "psrlw xmm0, 15", "psrld xmm0, 1", "psrlq xmm0, 64", "psraw xmm0, 7", "psraw xmm0, 200",
    "psrad xmm0, 31", "psrad xmm0, 32", "pslldq xmm0, 1", "pslldq xmm0, 15", "pslldq xmm0, 16",
    "psrldq xmm0, 3", "psrldq xmm0, 8", "psrldq xmm0, 255", "pshufd xmm0, xmm1, 0x1b",
    "pshufd xmm0, [rsi+16], 0xa5", "pshuflw xmm0, xmm1, 0x6c", "pshufhw xmm0, xmm1, 0xd2",
    "pextrw eax, xmm1, 5", "pextrw rax, xmm1, 0", "pinsrw xmm0, [rsi+16], 7",
    "movq rax, xmm1; pinsrw xmm0, eax, 2", "pmovmskb eax, xmm1", "movd eax, xmm1", "movq rax, xmm1",
    "movd xmm0, [rsi+16]", "movq xmm0, [rsi+16]", "movq xmm0, xmm1", "movq rax, xmm1; movq xmm0, rax",
    "movd eax, xmm1; movd xmm0, eax", "movdqa xmm0, xmm1", "movdqu xmm0, [rsi+3]",
    "movdqa [scratch], xmm1; movdqa xmm0, [scratch]", "movntdq [scratch], xmm1; movdqu xmm0, [scratch]",
    "movnti [scratch], rax; movq rax, xmm1; movnti [scratch+8], eax; movdqa xmm0, [scratch]",
    "movd [scratch], xmm1; movq [scratch+4], xmm1; movdqa xmm0, [scratch]",
    "lea rdi, [scratch]; movdqa [rdi], xmm0; maskmovdqu xmm1, xmm0; movdqa xmm0, [scratch]",
    "fxsave [fxarea]; movdqa xmm0, [fxarea+176]; mov eax, [fxarea+24]",
    "fxsave [fxarea]; movdqa [fxarea+160], xmm1; fxrstor [fxarea]",
    "movaps xmm2, xmm1; movntps [scratch], xmm2; movapd xmm0, [scratch]",
    "movups [scratch+1], xmm1; movups xmm0, [scratch+1]",
    "A:cvtdq2pd xmm0, xmm1",
]

CVT_SNIPS = [
    "A:cvtdq2ps xmm0, xmm1", "A:cvtdq2pd xmm0, xmm1", "A:movq rax, xmm1; cvtsi2ss xmm0, rax",
    "A:movq rax, xmm1; cvtsi2ss xmm0, eax", "A:movq rax, xmm1; cvtsi2sd xmm0, rax",
    "A:movq rax, xmm1; cvtsi2sd xmm0, eax", "A:cvtsi2ssl xmm0, [rsi+16]", "A:cvtsi2sdq xmm0, [rsi+24]",
]

def rnd_pairs():
    """Random operands whose products and quotients land in every range, subnormal included."""
    out = []
    for k in range(160):
        if k % 2 == 0:  # four single lanes
            def f():
                x = rnd()
                e = [(x >> 40) % 256, 0x20 + (x >> 40) % 0x40, 0x7F + (x >> 40) % 8 - 4][(x >> 20) % 3]
                return (x & 0x807FFFFF) | (e << 23)
            a = sum(f() << (32 * i) for i in range(4))
            b = sum(f() << (32 * i) for i in range(4))
        else:  # two double lanes
            def g():
                x = rnd()
                e = [(x >> 40) % 2048, 0x1E0 + (x >> 40) % 0x40, 0x3FF + (x >> 40) % 8 - 4][(x >> 20) % 3]
                return (x & 0x800FFFFFFFFFFFFF) | (e << 52)
            a = g() | g() << 64
            b = g() | g() << 64
        out.append((a, b))
    return out


RND_SNIPS = ["A:addps xmm0, xmm1", "A:subps xmm0, xmm1", "A:mulps xmm0, xmm1", "A:divps xmm0, xmm1",
             "A:sqrtps xmm0, xmm1", "A:cvtps2dq xmm0, xmm1", "A:cvtps2pd xmm0, xmm1",
             "A:addpd xmm0, xmm1", "A:subpd xmm0, xmm1", "A:mulpd xmm0, xmm1", "A:divpd xmm0, xmm1",
             "A:sqrtpd xmm0, xmm1", "A:cvtpd2ps xmm0, xmm1", "A:cvtpd2dq xmm0, xmm1",
             "A:movq rax, xmm1; cvtsi2ss xmm0, rax", "A:movq rax, xmm1; cvtsi2sd xmm0, rax",
             "A:cvtsd2si rax, xmm1", "A:cvtss2si rax, xmm1"]

GROUPS = [
    ("f32", F32_SNIPS, f32_pairs(), PS_MODES),
    ("f64", F64_SNIPS, f64_pairs(), PS_MODES),
    ("int", INT_SNIPS, int_pairs(), INT_MODES),
    ("cvt", CVT_SNIPS, cvt_int_pairs(), CVT_MODES),
    ("rnd", RND_SNIPS, rnd_pairs(), None),
]


def fix_syntax(s):
    # GNU as intel syntax spelling of a few forms.
    s = s.replace("cvtsi2ssl xmm0, [", "cvtsi2ss xmm0, dword ptr [").replace("cvtsi2sdq xmm0, [", "cvtsi2sd xmm0, qword ptr [")
    s = s.replace("movnti [scratch], rax", "movnti qword ptr [scratch], rax")
    s = s.replace("pinsrw xmm0, [rsi+16], 7", "pinsrw xmm0, word ptr [rsi+16], 7")
    return s


RUNTIME = r"""
    .intel_syntax noprefix
    .text
    .globl _start
_start:
    and rsp, -16
    ldmxcsr [mxdef]
__CALLS__
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
"""

GROUP_RUNNER = r"""
run___G__:
    push rbx
    push r12
    push r13
    push r14
    push r15
    xor r12d, r12d
.L__G__s:
    mov rsi, [__G___names + r12*8]
    call put_str
    mov edi, 10
    call put_char
    xor r13d, r13d
.L__G__m:
    xor r14d, r14d
.L__G__p:
    mov rax, [__G___modeptr + r12*8]
    mov eax, [rax + r13*4]
    mov [mxin], eax
    lea rsi, [r14*8]
    lea rsi, [__G___pairs + rsi*4]
    movdqa xmm0, [rsi]
    movdqa xmm1, [rsi+16]
    xor eax, eax
    ldmxcsr [mxin]
    call [__G___snips + r12*8]
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
    cmp r14, __NP__
    jb .L__G__p
    inc r13
    cmp r13, [__G___nmodes + r12*8]
    jb .L__G__m
    inc r12
    cmp r12, __NS__
    jb .L__G__s
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret
"""


def main(wanted):
    global GROUPS
    GROUPS = [g for g in GROUPS if g[0] in wanted]
    out = []
    calls = "\n".join(f"    call run_{g[0]}" for g in GROUPS)
    out.append(RUNTIME.replace("__CALLS__", calls))
    data = ["    .data", "    .balign 16"]
    for name, snips, pairs, modes in GROUPS:
        out.append(GROUP_RUNNER.replace("__G__", name).replace("__NP__", str(len(pairs)))
                   .replace("__NS__", str(len(snips))))
        for i, s in enumerate(snips):
            out.append(f"{name}_snip{i}:")
            for part in fix_syntax(strip_class(s)).split(";"):
                out.append("    " + part.strip())
            out.append("    ret")
        data.append(f"{name}_snips:")
        data += [f"    .quad {name}_snip{i}" for i in range(len(snips))]
        data.append(f"{name}_names:")
        data += [f"    .quad {name}_name{i}" for i in range(len(snips))]
        for i, s in enumerate(snips):
            data.append(f'{name}_name{i}: .asciz "== {name}: {s}"')
        data.append(f"{name}_modeptr:")
        data += [f"    .quad modes_{mode_class(s)}" for s in snips]
        data.append(f"{name}_nmodes:")
        data += [f"    .quad {len(MODES[mode_class(s)])}" for s in snips]
        data.append("    .balign 16")
        data.append(f"{name}_pairs:")
        for a, b in pairs:
            data.append(f"    .quad 0x{a & (2**64 - 1):x}, 0x{a >> 64:x}, 0x{b & (2**64 - 1):x}, 0x{b >> 64:x}")
        data.append("    .quad 0, 0, 0, 0")
    data.append("    .balign 16")
    data.append("oneps: .long 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000")
    data.append("absps: .long 0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff")
    tol = 0x39C00000  # 1.5 * 2^-12
    tol2 = 0x3A400000  # 3 * 2^-12
    data.append(f"tolps: .long 0x{tol:x}, 0x{tol:x}, 0x{tol:x}, 0x{tol:x}")
    data.append(f"tol2ps: .long 0x{tol2:x}, 0x{tol2:x}, 0x{tol2:x}, 0x{tol2:x}")
    for k, ms in MODES.items():
        data.append(f"modes_{k}: .long " + ", ".join(f"0x{m:x}" for m in ms))
    data.append("mxdef: .long 0x1f80")
    data.append("hextab: .ascii \"" + "".join(f"{i:02x}" for i in range(256)) + "\"")
    data += ["    .bss", "    .balign 64", "fxarea: .skip 512", "scratch: .skip 64", "res: .skip 16",
             "resrax: .skip 8", "hexbuf: .skip 8", "outpos: .skip 8", "mxin: .skip 4", "mxout: .skip 4",
             "mxsave: .skip 4", "    .balign 16", "outbuf: .skip 65536"]
    print("\n".join(out))
    print("\n".join(data))


main(sys.argv[1:] or ["f32", "f64", "int", "cvt", "rnd"])
