#define FPE_INSN divss xmm0, xmm1
#define FPE_B 0
#define FPE_MXCSR 0x1d80
#include "isa_sse_fpe.inc"
