#define GP_INSN pmovsxbw xmm0, [rax+1]; pmovsxbd xmm1, [rax+3]; pmovzxbq xmm2, [rax+5]; pmovzxdq xmm3, [rax+7]; movddup xmm4, [rax+1]; insertps xmm5, [rax+1], 0x10; roundss xmm6, [rax+1], 0; roundsd xmm7, [rax+3], 1; pinsrq xmm1, [rax+1], 1; pextrd [rax+3], xmm1, 1; extractps [rax+5], xmm1, 2; pextrw [rax+9], xmm1, 3; ptest xmm1, [rbx]
#include "isa_sse_gp.inc"
