/* The explicitly unaligned and scalar forms must not fault on a misaligned address. */
#define GP_INSN movups xmm0, [rax+1]; movdqu [rax+3], xmm0; movupd xmm1, [rax+5]; addss xmm0, [rax+2]; \
    movsd xmm2, [rax+7]; movlps xmm3, [rax+9]; movhpd [rax+11], xmm3; cvtss2sd xmm4, [rax+1]; \
    ucomisd xmm4, [rax+3]; cvtps2pd xmm5, [rax+4]; cvtdq2pd xmm5, [rax+4]; movq xmm6, [rax+1]
#include "isa_sse_gp.inc"
