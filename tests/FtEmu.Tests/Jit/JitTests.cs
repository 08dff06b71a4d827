using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// The JIT engine against the interpreter on small kernels: both run the same code in slices of
/// many different lengths, and the state hash (registers, materialised RFLAGS, memory, count)
/// must agree after every slice; stops land inside compiled blocks, faults and self-modifying
/// code happen in them.
/// </summary>
public partial class JitTests
{
    private static readonly CpuEngineOptions Jit = new() { Engine = CpuEngine.Jit, JitThreshold = 1, JitBackground = false };
    private static readonly CpuEngineOptions Interp = new() { Engine = CpuEngine.Interpreter };

    /// <summary>Runs both engines slice by slice (slice lengths 1..maxSlice, cycling), comparing the state after each.</summary>
    private static (TestMachine Jit, TestMachine Interp) RunBoth(byte[] code, int maxSlice = 37, ulong limit = 2_000_000, CpuEngineOptions? engine = null)
    {
        var jit = new TestMachine(code, engine ?? Jit);
        var interp = new TestMachine(code, Interp);
        ulong stop = 0;
        int slice = 1;
        for (int n = 0; !jit.Cpu.Halted && stop < limit; n++)
        {
            stop += (ulong)slice;
            slice = slice % maxSlice + 1;
            bool hj = jit.Cpu.Run(stop);
            bool hi = interp.Cpu.Run(stop);
            Assert.Equal(hi, hj);
            Assert.Equal(interp.Cpu.InstructionCount, jit.Cpu.InstructionCount);
            Assert.True(interp.Registers() == jit.Registers(), $"registers differ after {stop} instructions:\n{jit.Registers()}\n{interp.Registers()}");
            // The full hash (memory too) is costly: every 64th slice.
            if (n % 64 == 0) Assert.Equal(interp.Hash(), jit.Hash());
        }
        Assert.True(jit.Cpu.Halted, "the kernel did not finish");
        Assert.Equal(interp.Hash(), jit.Hash());
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0);
        return (jit, interp);
    }

    /// <summary>The one fault each engine reported, the same in count, RIP, RFLAGS, signal, address and registers; returns the JIT's.</summary>
    private static (GuestFault Fault, ulong Count, ulong Rip, ulong Flags) AssertFaultAsInterpreted(TestMachine jit, TestMachine interp)
    {
        var f = Assert.Single(jit.Faults);
        var g = Assert.Single(interp.Faults);
        Assert.Equal((g.Count, g.Rip, g.Flags), (f.Count, f.Rip, f.Flags));
        Assert.Equal((g.Fault.Signal, g.Fault.Address), (f.Fault.Signal, f.Fault.Address));
        Assert.True(interp.Registers() == jit.Registers(), $"{jit.Registers()}\n{interp.Registers()}");
        return f;
    }

    private static void Exit(Assembler a)
    {
        a.mov(eax, 60);
        a.syscall();
    }

    /// <summary>A loop whose flags cross block boundaries: CMP ends one block, JB/ADC/SETcc/CMOVcc in the next read them.</summary>
    private static byte[] FlagsAcrossBlocks(int iterations = 3000) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var next = a.CreateLabel();
        var skip = a.CreateLabel();
        var over = a.CreateLabel();
        var shifted = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(ecx, iterations);
        a.xor(ebx, ebx);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.Label(ref loop);
        a.imul(rbx, r8);
        a.add(rbx, rcx);
        a.mov(eax, ebx);
        a.shr(eax, 7);
        a.cmp(eax, 0x00800000u);
        a.jmp(next);
        a.Label(ref next);
        a.adc(rdx, 0);
        a.setb(dil);
        a.movzx(edi, dil);
        a.add(r9, rdi);
        a.test(bl, 3);
        a.cmovne(r10, rbx);
        a.sete(r11b);
        a.mov(__byte_ptr[rsi + rcx], r11b);
        a.inc(r12d);
        a.jo(skip);
        a.dec(r13);
        a.Label(ref skip);
        a.sar(rbx, 3);
        a.sub(r14, rbx);
        a.neg(r14);
        a.not(r15);
        a.lea(rax, __[rbx + rcx * 8 + 16]);
        a.push(rax);
        a.pop(r15);
        a.movsx(rax, __word_ptr[rsi + rcx * 2]);
        a.add(__qword_ptr[rsi + 512], rax);
        a.shl(__dword_ptr[rsi + 520], 1);
        // Shift flags (recorded lazily by the JIT) read in the next block, all six through PUSHFQ.
        a.shr(r15, 5);
        a.jmp(shifted);
        a.Label(ref shifted);
        a.adc(r9, 0);
        a.pushfq();
        a.pop(rax);
        a.xor(r10, rax);
        a.sar(r14d, 1);
        a.rol(r10, 3);
        a.cmp(ecx, iterations / 2);
        a.jg(over);
        a.add(r9, 7);
        a.Label(ref over);
        a.dec(ecx);
        a.jnz(loop);
        Exit(a);
    });

    [Fact]
    public void StopsAtEveryCountInsideCompiledBlocksAndKeepsFlagsAcrossBlocks()
    {
        var (jit, interp) = RunBoth(FlagsAcrossBlocks());
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.R9), jit.Cpu.Gpr(Reg.R9));
    }

    [Fact]
    public void ARunOfOneInstructionAtATimeMatches()
    {
        RunBoth(FlagsAcrossBlocks(iterations: 200), maxSlice: 1);
    }

    /// <summary>A load walks off the end of the data pages in the middle of a hot block.</summary>
    [Fact]
    public void AFaultInACompiledBlockRetiresExactlyTheOpsBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.xor(ebx, ebx);
            a.Label(ref loop);
            a.add(rbx, 5);
            a.cmp(rbx, 1000);
            a.mov(rax, __qword_ptr[rsi]);
            a.add(rsi, 64);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        var f = AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(GuestFault.SIGSEGV, f.Fault.Signal);
        Assert.Equal(TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize, f.Fault.Address);
        // 2 set-up instructions, then 5 per iteration; the load of the iteration past the data faults after add and cmp.
        ulong iterations = TestMachine.DataPages * GuestMemory.PageSize / 64;
        Assert.Equal(2 + iterations * 5 + 2, f.Count);
        var decoder = Decoder.Create(64, code.AsSpan((int)(f.Rip - TestMachine.CodeBase)).ToArray());
        Assert.Equal(Mnemonic.Mov, decoder.Decode().Mnemonic);
        // Flags are those of the CMP just before the load.
        ulong counter = 5 * (iterations + 1);
        Assert.Equal(counter < 1000, (f.Flags & RFlags.CF) != 0);
        Assert.Equal(counter == 1000, (f.Flags & RFlags.ZF) != 0);
    }

    /// <summary>A hot loop rewrites the immediate of an instruction in its own block: the translation must be dropped.</summary>
    [Fact]
    public void SelfModifyingCodeInvalidatesACompiledBlock()
    {
        // mov ecx, imm32 (5 bytes), xor ebx, ebx (2), xor edi, edi (2), then the loop: add rbx, imm32 is 48 81 C3 imm32.
        const ulong immediate = TestMachine.CodeBase + 5 + 2 + 2 + 3;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var cont = a.CreateLabel();
            a.mov(ecx, 200);
            a.xor(ebx, ebx);
            a.xor(edi, edi);
            a.Label(ref loop);
            a.add(rbx, 0x11111111);
            a.inc(edi);
            // Every 16th iteration: bump the immediate's low byte in the code above.
            a.test(edi, 15);
            a.jnz(cont);
            a.inc(__byte_ptr[(long)immediate]);
            a.Label(ref cont);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        Assert.Equal(0x11, code[immediate - TestMachine.CodeBase]);
        var (jit, interp) = RunBoth(code);
        Assert.Equal(interp.Cpu.Gpr(Reg.Rbx), jit.Cpu.Gpr(Reg.Rbx));
        // The immediate grows by one every 16 iterations: 200 iterations add 200 * 0x11111111 plus the bumps.
        ulong expected = 0;
        for (int i = 0; i < 200; i++) expected += 0x11111111UL + (ulong)(i / 16);
        Assert.Equal(expected, jit.Cpu.Gpr(Reg.Rbx));
        Assert.True(jit.Cpu.Blocks.Invalidations > 0);
    }

    /// <summary>The engines agree on a block that ends with a budget shorter than the block, then run it compiled.</summary>
    [Fact]
    public void ABudgetShorterThanTheBlockRunsItInTheInterpreter()
    {
        var code = FlagsAcrossBlocks();
        using var m = new TestMachine(code, Jit);
        using var r = new TestMachine(code, Interp);
        for (ulong stop = 3; !m.Cpu.Halted; stop += 1000)
        {
            m.Cpu.Run(stop);
            r.Cpu.Run(stop);
            Assert.Equal(r.Cpu.InstructionCount, m.Cpu.InstructionCount);
            Assert.Equal(r.Hash(), m.Hash());
        }
    }
}
