#define GP_INSN pshufb xmm0, [rax]
#include "isa_sse_gp.inc"
