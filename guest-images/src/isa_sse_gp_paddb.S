#define GP_INSN paddb xmm0, [rax]
#include "isa_sse_gp.inc"
