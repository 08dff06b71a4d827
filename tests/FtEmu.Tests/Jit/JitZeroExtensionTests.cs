using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// The emitter leaves out the truncation of a 32-bit read when the member's last write to the
/// register was 32-bit (or a 64-bit value known to be below 2^32). These loops mix 32-bit writes,
/// 64-bit writes of values with their upper half set, merges of 8 and 16 bits, CMOVs whose
/// condition changes every iteration, branches to members where the register may be either, and a
/// loop head that its back edge enters with EDX written at 32 bits and the outer loop with RDX
/// above 2^32 (the head's two copies), and compare every register with the interpreter's at every
/// count. Mutation-checked: a member seeded from one branch into it instead of all, a head whose
/// entry copy takes the back edge's knowledge, and members that start with the previous member's
/// knowledge each fail.
/// </summary>
public partial class JitTests
{
    private static byte[] ZeroExtensionMix(int iterations) => TestMachine.Assemble(a =>
    {
        var outer = a.CreateLabel();
        var loop = a.CreateLabel();
        var keep = a.CreateLabel();
        a.mov(r8, 0x123456789abcdef1);
        a.mov(r9, unchecked((long)0xfedcba9876543210));
        a.mov(ebp, iterations / 20);
        a.xor(r14d, r14d);
        a.Label(ref outer);
        a.mov(rdx, r9); // above 2^32 where the run loop enters the inner loop's head
        a.mov(ecx, 20);
        a.Label(ref loop);
        a.mov(eax, edx); // the back edge arrives with EDX written at 32 bits
        a.add(r14, rax);
        a.rol(r8, 13);
        a.imul(r9, r8); // both have their upper halves set
        a.mov(r10, r9);
        a.mov(r11, r8);
        a.add(r10d, r11d); // 32-bit writes: the upper halves go
        a.xor(r11d, r10d);
        a.shr(r10d, 3);
        a.lea(r12, __[r10 + r11 * 2]);
        a.add(r12, r9);
        a.mov(r13, r9);
        a.test(cl, 1);
        a.cmovne(r13d, r10d); // 32 bits: zero-extends on both paths
        a.add(r14, r13);
        a.mov(r13, r8);
        a.cmove(r13, r11); // 64 bits: keeps the big value when the condition is false
        a.mov(r15d, r13d);
        a.add(r14, r15);
        a.add(r14, r13);
        a.mov(eax, r10d);
        a.mov(al, r9b); // a merge into a value below 2^32
        a.add(r14, rax);
        a.mov(edx, r11d);
        a.mov(dh, cl);
        a.add(r14, rdx);
        a.mov(rsi, r9);
        a.and(rsi, 0xfffff); // a 64-bit AND with a small mask
        a.add(esi, r8d);
        a.add(r14, rsi);
        a.movzx(rdi, r9w);
        a.add(edi, r10d);
        a.add(r14, rdi);
        a.mov(rbx, r9);
        a.shr(rbx, 40); // a 64-bit shift right of a big value
        a.add(ebx, ebx);
        a.add(r14, rbx);
        a.neg(r10d);
        a.not(r11d);
        a.inc(r12d);
        a.add(r14, r10);
        a.add(r14, r11);
        a.add(r14, r12);
        a.mov(r13, -1);
        a.or(r13d, 5);
        a.add(r14, r13);
        a.sar(r11d, 2);
        a.add(r14, r11);
        a.test(cl, 2);
        a.je(keep); // taken with r10 written at 32 bits; the region emits this member next
        a.mov(r10, r9);
        a.jmp(keep); // r10 reaches the member big from here
        a.Label(ref keep);
        a.mov(eax, r10d);
        a.add(r14, rax);
        a.xor(r10d, r10d);
        a.add(r10, r9);
        a.mov(edx, r10d);
        a.add(r14, rdx);
        a.dec(ecx);
        a.jne(loop);
        a.rol(r9, 7);
        a.dec(ebp);
        a.jne(outer);
        Exit(a);
    });

    [Fact]
    public void ThirtyTwoBitReadsAfterMixedWritesMatchTheInterpreterAtEveryCount()
    {
        var (jit, interp) = RunBoth(ZeroExtensionMix(iterations: 400), engine: RegionJit);
        Assert.Equal(interp.Cpu.Gpr(Reg.R14), jit.Cpu.Gpr(Reg.R14));
        Assert.True(jit.Cpu.Jit.RegionBlocksCompiled > jit.Cpu.Jit.BlocksCompiled, "no region of several blocks was compiled");
    }

    [Fact]
    public void ThirtyTwoBitReadsAfterMixedWritesMatchInBlocksOfTheirOwn()
    {
        var (jit, interp) = RunBoth(ZeroExtensionMix(iterations: 300), maxSlice: 101);
        Assert.Equal(interp.Cpu.Gpr(Reg.R14), jit.Cpu.Gpr(Reg.R14));
    }
}
