#define GP_INSN lddqu xmm0, [rax+1]; pcmpistri xmm0, [rax+3], 0; pcmpestrm xmm1, [rax+5], 0x40; pcmpistrm xmm1, [rax+7], 0x0c; crc32 rcx, qword ptr [rax+1]; crc32 ecx, word ptr [rax+3]; popcnt rcx, [rax+3]; movbe rcx, [rax+1]; movbe [rax+5], ecx; tzcnt rcx, [rax+1]; andn rcx, rdx, [rax+3]; pdep rcx, rdx, [rax+5]; adcx rcx, [rax+7]
#include "isa_sse_gp.inc"
