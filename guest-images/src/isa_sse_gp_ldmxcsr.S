#define GP_INSN ldmxcsr [rbx]
#include "isa_sse_gp.inc"
