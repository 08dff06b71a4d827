#define GP_INSN fxsave [rax]
#include "isa_sse_gp.inc"
