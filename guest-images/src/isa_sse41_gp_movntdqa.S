#define GP_INSN movntdqa xmm0, [rax]
#include "isa_sse_gp.inc"
