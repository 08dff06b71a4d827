#define GP_INSN blendvps xmm1, [rax], xmm0
#include "isa_sse_gp.inc"
