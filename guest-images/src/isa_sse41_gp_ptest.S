#define GP_INSN ptest xmm0, [rax]
#include "isa_sse_gp.inc"
