using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>The inline BT/BTS/BTR/BTC, CBW..CQO and XCHG against the interpreter.</summary>
public partial class JitTests
{
    /// <summary>
    /// Bit tests with pseudo-random offsets (register offsets beyond the operand width, negative
    /// ones into memory, which address words below the operand), on 16/32/64-bit registers and
    /// memory; CF read by SETC, ADC, JC, PUSHFQ and CMOVC, other flags (of an earlier CMP) read
    /// after the bit op; sign extensions of the accumulator and XCHG of every size and form.
    /// </summary>
    private static byte[] BitAndXchg(int iterations = 3000) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var next = a.CreateLabel();
        var skip = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase + 2 * GuestMemory.PageSize);
        a.mov(r12d, iterations);
        a.xor(ebx, ebx);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.xor(ebp, ebp);
        a.Label(ref loop);
        a.imul(rbp, r8); // the random state: rbx is a copy the XCHGs below may scramble
        a.add(rbp, r12);
        a.mov(rbx, rbp);
        a.mov(rcx, rbx);
        a.shr(rcx, 40);
        a.mov(rax, rbx);
        a.cmp(rbx, r8);
        a.bt(rax, rcx); // offset beyond 63: taken modulo 64
        a.setb(dl);
        a.sete(dh); // ZF of the CMP survives BT
        a.add(r10b, dl);
        a.movzx(edi, dh);
        a.add(r10, rdi);
        a.bts(eax, ecx);
        a.adc(r10, 0);
        a.btr(ax, cx);
        a.cmovb(r11, rax);
        a.btc(rax, 63);
        a.btc(r9d, 31);
        a.bts(r9w, 17);
        a.setb(dl);
        a.add(r10b, dl);
        a.btr(r13, 5);
        a.bt(r13d, ebx);
        a.adc(r13, rax);
        // Memory, immediate offsets.
        a.mov(rdi, r12);
        a.and(edi, 0x3F8);
        a.bts(__qword_ptr[rsi + rdi], 45);
        a.btr(__dword_ptr[rsi + rdi + 8], 3);
        a.btc(__word_ptr[rsi + rdi + 4], 15);
        a.bt(__qword_ptr[rsi + 16], 77);
        a.adc(r10, 0);
        // Memory, register offsets: signed, about +-4 KiB around rsi.
        a.mov(rdx, rbx);
        a.sar(rdx, 49);
        a.bts(__qword_ptr[rsi], rdx);
        a.setb(r14b);
        a.btr(__dword_ptr[rsi + 8], edx);
        a.adc(r10, 0);
        a.btc(__word_ptr[rsi + 2], dx);
        a.bt(__qword_ptr[rsi + rdi], rdx);
        a.jb(next);
        a.inc(r15);
        a.Label(ref next);
        a.bt(__dword_ptr[rsi - 4], edx);
        a.jmp(skip); // BT's CF crosses the block boundary
        a.Label(ref skip);
        a.pushfq();
        a.pop(rdi);
        a.add(r10, rdi);
        // Sign extensions of the accumulator.
        a.mov(rax, rbx);
        a.cbw();
        a.add(r10, rax);
        a.cwde();
        a.add(r10, rax);
        a.cdqe();
        a.add(r10, rax);
        a.cwd();
        a.add(r10, rdx);
        a.mov(rax, rbx);
        a.cdq();
        a.add(r10, rdx);
        a.cqo();
        a.add(r10, rdx);
        a.ror(rax, 17);
        a.cdq();
        a.xor(r11, rdx);
        // XCHG: registers of every size (high bytes, the accumulator forms, a register with itself) and memory.
        a.mov(rax, rbx);
        a.mov(rdx, r10);
        a.xchg(rax, rdx);
        a.xchg(eax, r11d);
        a.xchg(cx, ax);
        a.xchg(ah, dl);
        a.xchg(bl, ch);
        a.xchg(r9d, r9d);
        a.xchg(__qword_ptr[rsi + 24], rax);
        a.xchg(__dword_ptr[rsi + 32], ecx);
        a.xchg(__word_ptr[rsi + 40], dx);
        a.xchg(__byte_ptr[rsi + 41], bh);
        a.add(r10, rax);
        a.add(r10, rcx);
        a.add(r10, rdx);
        a.add(r10, r9);
        a.dec(r12d);
        a.jnz(loop);
        Exit(a);
    });

    [Fact]
    public void BitTestsSignExtensionsAndXchgMatchTheInterpreter()
    {
        // Slices up to 300: the blocks are long, and a block runs compiled only when the slice covers it.
        var (jit, interp) = RunBoth(BitAndXchg(), maxSlice: 300);
        Assert.Empty(jit.Faults);
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.R10), jit.Cpu.Gpr(Reg.R10));
        Assert.NotEqual(0UL, jit.Cpu.Gpr(Reg.R10));
    }

    [Fact]
    public void BitTestsSignExtensionsAndXchgOneInstructionAtATime()
    {
        var (jit, _) = RunBoth(BitAndXchg(iterations: 200), maxSlice: 1);
        Assert.Empty(jit.Faults);
    }

    [Fact]
    public void BitTestsSignExtensionsAndXchgAreInline()
    {
        var machine = new TestMachine(BitAndXchg(iterations: 60), Jit);
        machine.Cpu.Jit.Profiling = true;
        machine.Cpu.Run(1_000_000);
        Assert.True(machine.Cpu.Halted);
        Assert.Empty(machine.Faults);
        var fallbacks = machine.Cpu.Jit.FallbackProfile().Select(e => e.Code.Mnemonic()).ToHashSet();
        foreach (var m in new[] { Mnemonic.Bt, Mnemonic.Bts, Mnemonic.Btr, Mnemonic.Btc, Mnemonic.Cbw, Mnemonic.Cwde, Mnemonic.Cdqe,
                     Mnemonic.Cwd, Mnemonic.Cdq, Mnemonic.Cqo, Mnemonic.Xchg })
            Assert.DoesNotContain(m, fallbacks);
        Assert.Contains(Mnemonic.Pushfq, fallbacks); // the probe sees handler calls at all
    }

    /// <summary>
    /// A bit op into memory whose register offset walks up past the end of the data pages (the
    /// operand itself stays in place): the fault's count, RIP, flags and address under both engines.
    /// </summary>
    [Theory]
    [InlineData(Mnemonic.Bt)]
    [InlineData(Mnemonic.Bts)]
    [InlineData(Mnemonic.Btr)]
    [InlineData(Mnemonic.Btc)]
    public void ABitOpBeyondItsOperandFaultsAtTheAddressItReaches(Mnemonic mnemonic)
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.xor(ecx, ecx);
            a.Label(ref loop);
            a.add(rcx, 8 * 100); // 100 bytes further each time
            a.cmp(rcx, 17);
            switch (mnemonic)
            {
                case Mnemonic.Bt: a.bt(__dword_ptr[rsi], ecx); break;
                case Mnemonic.Bts: a.bts(__dword_ptr[rsi], ecx); break;
                case Mnemonic.Btr: a.btr(__dword_ptr[rsi], ecx); break;
                default: a.btc(__dword_ptr[rsi], ecx); break;
            }
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        var f = AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(GuestFault.SIGSEGV, f.Fault.Signal);
        // The first dword at or past the end: offsets are multiples of 100 bytes, the word is 4-aligned below.
        ulong end = TestMachine.DataPages * GuestMemory.PageSize;
        ulong k = (end + 99) / 100;
        Assert.Equal(TestMachine.DataBase + k * 100 / 4 * 4, f.Fault.Address);
        Assert.Equal(2 + (k - 1) * 4 + 2, f.Count);
        // Flags are those of the CMP just before.
        Assert.Equal(0UL, f.Flags & (RFlags.CF | RFlags.ZF));
    }

    /// <summary>XCHG with memory at an unmapped address: the register keeps its value.</summary>
    [Fact]
    public void AnXchgWithUnmappedMemoryLeavesTheRegister()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(eax, 0x1234);
            a.Label(ref loop);
            a.inc(rax);
            a.xchg(__qword_ptr[rsi], rax);
            a.add(rsi, 512);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        var f = Assert.Single(jit.Faults);
        Assert.Equal(interp.Faults[0].Count, f.Count);
        Assert.Equal(interp.Faults[0].Rip, f.Rip);
        Assert.Equal(TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize, f.Fault.Address);
        Assert.Equal(interp.Cpu.Gpr(Reg.Rax), jit.Cpu.Gpr(Reg.Rax));
    }
}
