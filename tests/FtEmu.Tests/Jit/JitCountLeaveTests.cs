using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>The inline TZCNT/LZCNT/POPCNT, CLC/STC/CMC and LEAVE against the interpreter.</summary>
public partial class JitTests
{
    /// <summary>
    /// Bit counts of random and zero sources (a quarter of the time) of every size, on registers
    /// and memory, their flags read by SETcc/ADC/Jcc/PUSHFQ and OF kept from before; the carry
    /// ops between flag producers and consumers; a function with a frame left by LEAVE.
    /// </summary>
    private static byte[] CountAndLeave(int iterations = 3000) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var func = a.CreateLabel();
        var next = a.CreateLabel();
        var zero = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(r12d, iterations);
        a.xor(ebp, ebp);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.mov(r9, rbp);
        a.Label(ref loop);
        a.imul(r9, r8);
        a.add(r9, r12);
        a.mov(rbx, r9);
        a.test(r12b, 3);
        a.jnz(next);
        a.xor(ebx, ebx);
        a.Label(ref next);
        a.mov(__qword_ptr[rsi], rbx);
        a.cmp(r9, r8); // OF of this CMP survives TZCNT/LZCNT
        a.tzcnt(rax, rbx);
        a.seto(dl);
        a.add(r10b, dl);
        a.setb(dl);
        a.add(r10b, dl);
        a.add(r10, rax);
        a.lzcnt(eax, ebx);
        a.adc(r10, rax);
        a.tzcnt(ax, bx);
        a.setz(dl);
        a.add(r10b, dl);
        a.lzcnt(r11w, __word_ptr[rsi + 2]);
        a.add(r10, r11);
        a.popcnt(rcx, rbx);
        a.setz(dl);
        a.setp(dh); // PF of POPCNT (cleared), not of an ADD
        a.movzx(edi, dh);
        a.add(r10, rdi);
        a.add(r10b, dl);
        a.tzcnt(r11d, ebx);
        a.sets(dl);
        a.add(r10b, dl);
        a.popcnt(ecx, __dword_ptr[rsi + 4]);
        a.adc(r10, rcx);
        a.lzcnt(r13, __qword_ptr[rsi]);
        a.jb(zero);
        a.add(r10, r13);
        a.Label(ref zero);
        a.cmp(rbx, r9);
        a.stc();
        a.adc(r10, 0);
        a.cmc();
        a.adc(r10, 0);
        a.cmc();
        a.sete(dl); // ZF of the CMP survives
        a.add(r10b, dl);
        a.clc();
        a.pushfq();
        a.pop(rdi);
        a.add(r10, rdi);
        a.cmp(r9, rbx);
        a.cmc();
        a.call(func);
        a.add(r10, rax);
        a.dec(r12d);
        a.jnz(loop);
        Exit(a);
        // A function with a frame: its flags (CMC's) are read inside; LEAVE restores RBP and RSP.
        a.Label(ref func);
        a.push(rbp);
        a.mov(rbp, rsp);
        a.sub(rsp, 40);
        a.mov(__qword_ptr[rbp - 8], r9);
        a.mov(__qword_ptr[rbp - 16], rbx);
        a.mov(rbp, rsp); // RBP moved and back: LEAVE uses the current one
        a.add(rbp, 40);
        a.setb(al);
        a.movzx(eax, al);
        a.add(rax, __qword_ptr[rbp - 16]);
        a.leave();
        a.ret();
    });

    [Fact]
    public void CountsCarryOpsAndLeaveMatchTheInterpreter()
    {
        var (jit, interp) = RunBoth(CountAndLeave(), maxSlice: 300);
        Assert.Empty(jit.Faults);
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.R10), jit.Cpu.Gpr(Reg.R10));
    }

    [Fact]
    public void CountsCarryOpsAndLeaveOneInstructionAtATime()
    {
        var (jit, _) = RunBoth(CountAndLeave(iterations: 200), maxSlice: 1);
        Assert.Empty(jit.Faults);
    }

    [Fact]
    public void CountsCarryOpsAndLeaveAreInline()
    {
        var machine = new TestMachine(CountAndLeave(iterations: 60), Jit);
        machine.Cpu.Jit.Profiling = true;
        machine.Cpu.Run(1_000_000);
        Assert.True(machine.Cpu.Halted);
        Assert.Empty(machine.Faults);
        var fallbacks = machine.Cpu.Jit.FallbackProfile().Select(e => e.Code.Mnemonic()).ToHashSet();
        foreach (var m in new[] { Mnemonic.Tzcnt, Mnemonic.Lzcnt, Mnemonic.Popcnt, Mnemonic.Stc, Mnemonic.Clc, Mnemonic.Cmc, Mnemonic.Leave })
            Assert.DoesNotContain(m, fallbacks);
        Assert.Contains(Mnemonic.Pushfq, fallbacks);
    }

    /// <summary>LEAVE with RBP walking past the data pages: RSP is RBP at the fault, under both engines.</summary>
    [Fact]
    public void ALeaveThatFaultsLeavesRspAtRbpLikeTheInterpreter()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rbx, TestMachine.DataBase);
            a.Label(ref loop);
            a.add(rbx, 1024);
            a.mov(rbp, rbx);
            a.cmp(rbx, 3);
            a.leave();
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        var f = AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize, f.Fault.Address);
        Assert.Equal(jit.Cpu.Gpr(Reg.Rbx), jit.Cpu.Gpr(Reg.Rsp));
    }
}
