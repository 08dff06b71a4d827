#define GP_INSN movaps xmm0, [rax]
#include "isa_sse_gp.inc"
