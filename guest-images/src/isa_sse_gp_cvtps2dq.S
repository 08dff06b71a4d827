#define GP_INSN cvtps2dq xmm0, [rax]
#include "isa_sse_gp.inc"
