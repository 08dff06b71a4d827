#define GP_INSN roundps xmm0, [rax], 4
#include "isa_sse_gp.inc"
