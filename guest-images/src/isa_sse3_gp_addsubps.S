#define GP_INSN addsubps xmm0, [rax]
#include "isa_sse_gp.inc"
