using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>The inline ROL/ROR by CL, RCL/RCR and SHLD/SHRD against the interpreter.</summary>
public partial class JitTests
{
    /// <summary>
    /// Counts in CL of 0..71 (masked counts of 0, counts at and beyond the width of 8/16-bit
    /// operands: RCL/RCR modulo 9 and 17, the undefined 16-bit SHLD/SHRD cases), immediate counts,
    /// register and memory operands; the flags (kept by a count of 0) read by SETcc, ADC, Jcc,
    /// CMOVcc and PUSHFQ, in the same block and across a block boundary.
    /// </summary>
    private static byte[] Rotates(int iterations = 3000) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var next = a.CreateLabel();
        var zero = a.CreateLabel();
        var cross = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(r12d, iterations);
        a.xor(ebp, ebp);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.Label(ref loop);
        a.imul(rbp, r8);
        a.add(rbp, r12);
        a.mov(rbx, rbp);
        a.mov(ecx, ebx);
        a.and(ecx, 0x47); // 0..7 and 64..71
        a.mov(__qword_ptr[rsi + 8], rbx);
        a.mov(rax, rbx);
        a.ror(rax, 19);
        a.cmp(rbx, r8);
        a.rol(rax, cl); // a count of 0 keeps CMP's flags
        a.setb(dl);
        a.seto(dh);
        a.add(r10b, dl);
        a.movzx(edi, dh);
        a.add(r10, rdi);
        a.ror(eax, cl);
        a.adc(r10, rax);
        a.rol(r11w, cl);
        a.ror(r9b, cl);
        a.cmovo(r13, rax);
        a.rol(__qword_ptr[rsi + 8], cl);
        a.ror(__word_ptr[rsi + 10], cl);
        a.adc(r10, __qword_ptr[rsi + 8]);
        // RCL/RCR: carry in from the state, counts modulo width+1 for bytes and words; counts 0..63 from here on.
        a.mov(ecx, ebp);
        a.shr(ecx, 11);
        a.and(ecx, 0x3F);
        a.add(rax, rbx); // a fresh CF
        a.rcl(rax, cl);
        a.rcr(r11d, cl);
        a.adc(r10, r11);
        a.rcl(r9w, cl);
        a.rcr(r9b, cl);
        a.setb(dl);
        a.add(r10b, dl);
        a.rcl(r13, 1);
        a.rcr(r14, 5);
        a.rcl(r14d, 31);
        a.rcr(ax, 16);
        a.rcl(al, 8);
        a.rcr(__dword_ptr[rsi + 12], cl);
        a.rcl(__byte_ptr[rsi + 9], 3);
        a.jo(next);
        a.inc(r15);
        a.Label(ref next);
        a.adc(r10, rax);
        // SHLD/SHRD by CL and immediates.
        a.mov(rdx, rbp);
        a.ror(rdx, 31);
        a.mov(rax, rbx);
        a.shld(rax, rdx, cl);
        a.setz(dl);
        a.add(r10b, dl);
        a.shrd(r11, rax, cl);
        a.adc(r10, r11);
        a.shld(r13d, eax, cl);
        a.shrd(r14d, edx, cl);
        a.sets(dl);
        a.add(r10b, dl);
        a.shld(r9w, dx, cl); // counts beyond 16: undefined, the host's values
        a.shrd(r15w, ax, cl);
        a.setp(dl);
        a.add(r10b, dl);
        a.shld(rax, rdx, 13);
        a.shrd(eax, edx, 7);
        a.shld(ax, dx, 16);
        a.shrd(__qword_ptr[rsi + 16], rdx, cl);
        a.shld(__dword_ptr[rsi + 24], edx, 9);
        a.shrd(__word_ptr[rsi + 28], dx, cl);
        a.jz(zero);
        a.add(r10, rax);
        a.Label(ref zero);
        a.shld(r13, r14, cl);
        a.jmp(cross); // SHLD's flags (or those before it) cross the block boundary
        a.Label(ref cross);
        a.pushfq();
        a.pop(rdi);
        a.add(r10, rdi);
        a.xor(r11, __qword_ptr[rsi + 16]);
        a.add(r11, __qword_ptr[rsi + 24]);
        a.dec(r12d);
        a.jnz(loop);
        Exit(a);
    });

    [Fact]
    public void RotatesAndDoubleShiftsMatchTheInterpreter()
    {
        var (jit, interp) = RunBoth(Rotates(), maxSlice: 300);
        Assert.Empty(jit.Faults);
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.R10), jit.Cpu.Gpr(Reg.R10));
        Assert.NotEqual(0UL, jit.Cpu.Gpr(Reg.R10));
    }

    [Fact]
    public void RotatesAndDoubleShiftsOneInstructionAtATime()
    {
        var (jit, _) = RunBoth(Rotates(iterations: 200), maxSlice: 1);
        Assert.Empty(jit.Faults);
    }

    [Fact]
    public void RotatesAndDoubleShiftsAreInline()
    {
        var machine = new TestMachine(Rotates(iterations: 60), Jit);
        machine.Cpu.Jit.Profiling = true;
        machine.Cpu.Run(1_000_000);
        Assert.True(machine.Cpu.Halted);
        Assert.Empty(machine.Faults);
        var fallbacks = machine.Cpu.Jit.FallbackProfile().Select(e => e.Code.Mnemonic()).ToHashSet();
        foreach (var m in new[] { Mnemonic.Rol, Mnemonic.Ror, Mnemonic.Rcl, Mnemonic.Rcr, Mnemonic.Shld, Mnemonic.Shrd })
            Assert.DoesNotContain(m, fallbacks);
        Assert.Contains(Mnemonic.Pushfq, fallbacks);
    }

    /// <summary>A memory rotate walks off the data pages: the fault, count and flags under both engines, memory unchanged.</summary>
    [Theory]
    [InlineData(Mnemonic.Rol)]
    [InlineData(Mnemonic.Rcr)]
    [InlineData(Mnemonic.Shld)]
    public void AMemoryRotateFaultsLikeTheInterpreter(Mnemonic mnemonic)
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(ecx, 5);
            a.mov(rdx, -1);
            a.Label(ref loop);
            a.cmp(rsi, rdx);
            switch (mnemonic)
            {
                case Mnemonic.Rol: a.rol(__dword_ptr[rsi + 4094], cl); break; // straddles the pages when rsi ends them
                case Mnemonic.Rcr: a.rcr(__qword_ptr[rsi], cl); break;
                default: a.shld(__qword_ptr[rsi], rdx, cl); break;
            }
            a.add(rsi, 1024);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        var f = AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(GuestFault.SIGSEGV, f.Fault.Signal);
        Assert.Equal(TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize, f.Fault.Address);
        Assert.Equal(interp.Hash(), jit.Hash());
    }
}
