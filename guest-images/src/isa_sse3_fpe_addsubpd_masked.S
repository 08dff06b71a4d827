#define FPE_INSN addsubpd xmm0, xmm1
#define FPE_B 0x7f800001
#define FPE_MXCSR 0x1f80
#include "isa_sse_fpe.inc"
