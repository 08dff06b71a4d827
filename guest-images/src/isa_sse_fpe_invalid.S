#define FPE_INSN sqrtps xmm0, xmm1
#define FPE_B 0xbf800000
#define FPE_MXCSR 0x1f00
#include "isa_sse_fpe.inc"
