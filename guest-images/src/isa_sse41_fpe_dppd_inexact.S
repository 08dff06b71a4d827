#define FPE_INSN dppd xmm1, xmm1, 0x31
#define FPE_B 0x3eaaaaab
#define FPE_MXCSR 0x0f80
#include "isa_sse_fpe.inc"
