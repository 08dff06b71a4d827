using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// Compiled members keep XMM values they computed in locals and read them back from there
/// (JitXmmCache.cs). Each write of XMM state in another way must make the next read go to the state:
/// PINSRD, MOVQ/MOVD into a register, MOVSD between registers and from memory, MOVLPS/MOVHPS, a
/// conversion, and ops the JIT hands to the interpreter's handlers. The loop mixes them between
/// cached ops and folds every register into a GPR, so a stale value shows in the registers at once.
/// </summary>
public partial class JitTests
{
    [Fact]
    public void XmmValuesKeptInAMemberAreRereadAfterEveryOtherKindOfXmmWrite()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(ecx, 700);
            a.mov(rax, 0x0123456789abcdef);
            a.movq(xmm0, rax);
            a.pshufd(xmm1, xmm0, 0x1b);
            a.Label(ref loop);
            // Each writer W of register R is preceded by an op that keeps R and followed by one that reads it.
            a.paddd(xmm0, xmm1);
            a.pinsrd(xmm0, ecx, 2); // written in place
            a.paddd(xmm1, xmm0);
            a.paddq(xmm2, xmm1);
            a.movq(xmm2, rcx); // MOVQ into a register
            a.por(xmm1, xmm2);
            a.paddq(xmm2, xmm0);
            a.movsd(xmm2, xmm1); // MOVSD between registers: the low quadword only
            a.pxor(xmm1, xmm2);
            a.psubq(xmm1, xmm0);
            a.movlps(xmm1, __qword_ptr[rsi + 8]); // the low half from memory
            a.paddq(xmm0, xmm1);
            a.paddq(xmm3, xmm0);
            a.cvtsi2sd(xmm3, rcx); // a conversion
            a.pxor(xmm0, xmm3);
            a.paddd(xmm4, xmm0);
            a.sqrtps(xmm4, xmm4); // a handler (not compiled inline)
            a.pand(xmm1, xmm4);
            a.unpcklps(xmm1, xmm4);
            a.psubd(xmm0, xmm1);
            a.movdqa(xmm5, xmm0); // a register move, kept
            a.pslld(xmm5, 3);
            a.movdqa(__xmmword_ptr[rsi + 32], xmm5);
            a.movsd(xmm5, __qword_ptr[rsi + 40]); // MOVSD from memory: zeroes the high quadword
            a.paddq(xmm1, xmm5);
            a.movq(rdx, xmm4);
            a.add(rbx, rdx);
            a.movq(rdx, xmm3);
            a.add(rbx, rdx);
            a.movq(rdx, xmm2);
            a.add(rbx, rdx);
            a.movq(rdx, xmm0);
            a.add(rbx, rdx);
            a.pextrq(rdx, xmm1, 1);
            a.add(rbp, rdx);
            a.movq(__qword_ptr[rsi + 8], xmm1);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBoth(code, maxSlice: 97);
        Assert.NotEqual(0UL, jit.Cpu.Gpr(Reg.Rbx));
    }
}
