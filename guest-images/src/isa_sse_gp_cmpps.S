#define GP_INSN cmpps xmm0, [rax], 1
#include "isa_sse_gp.inc"
