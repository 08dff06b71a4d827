#define FPE_INSN roundss xmm0, xmm1, 4
#define FPE_B 0x3fc00000
#define FPE_MXCSR 0x0f80
#include "isa_sse_fpe.inc"
