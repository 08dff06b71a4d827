#define GP_INSN movdqa [rax], xmm1
#include "isa_sse_gp.inc"
