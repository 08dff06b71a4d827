#define FPE_INSN haddps xmm0, xmm1
#define FPE_B 0x7f800001
#define FPE_MXCSR 0x1f00
#include "isa_sse_fpe.inc"
