#define FPE_INSN divss xmm0, xmm1
#define FPE_B 0x40400000
#define FPE_MXCSR 0x0f80
#include "isa_sse_fpe.inc"
