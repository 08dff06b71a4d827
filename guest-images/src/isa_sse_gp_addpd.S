#define GP_INSN addpd xmm0, [rax]
#include "isa_sse_gp.inc"
