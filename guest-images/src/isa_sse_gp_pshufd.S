#define GP_INSN pshufd xmm0, [rax], 0
#include "isa_sse_gp.inc"
