#define GP_INSN movntdq [rax], xmm1
#include "isa_sse_gp.inc"
