using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>The inline ADC/SBB, shifts by CL, BSWAP and BSF/BSR against the interpreter.</summary>
public partial class JitTests
{
    /// <summary>
    /// Shifts by CL with counts 0..7 and 64..71 (so masked counts of 0 and counts at or beyond the
    /// width of 8/16-bit operands), whose flags are read by SETcc, ADC/SBB, Jcc and PUSHFQ, in the
    /// same block and across a block boundary; ADC/SBB with carry in on every operand form.
    /// </summary>
    private static byte[] CarryAndShiftByCl(int iterations = 3000) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var next = a.CreateLabel();
        var zero = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(r12d, iterations);
        a.xor(ebx, ebx);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.mov(r9, 0x7FFFFFFF00000000);
        a.Label(ref loop);
        a.imul(rbx, r8);
        a.add(rbx, r12);
        a.mov(ecx, ebx);
        a.and(ecx, 0x47);
        a.cmp(rbx, r9);
        a.mov(rax, rbx);
        a.shl(rax, cl); // a count of 0 leaves CMP's flags
        a.setb(dl);
        a.movzx(edx, dl);
        a.add(r10, rdx);
        a.mov(r11d, ebx);
        a.shr(r11d, cl);
        a.adc(r13, rax);
        a.sar(r14w, cl);
        a.sbb(r15d, r11d);
        a.mov(rdi, r12);
        a.and(edi, 0xFF);
        a.shl(__byte_ptr[rsi + rdi], cl);
        a.sar(__qword_ptr[rsi + 256], cl);
        a.sbb(eax, eax);
        a.adc(__dword_ptr[rsi + 264], ebx);
        a.adc(al, 0x7F);
        a.sbb(ah, cl);
        a.sbb(r14, __qword_ptr[rsi + 256]);
        a.adc(r10w, -3);
        a.bswap(r11d);
        a.bswap(rax);
        a.add(r10, rax);
        a.xor(r13, r11);
        a.shr(r9b, cl);
        a.jz(zero);
        a.inc(r10);
        a.Label(ref zero);
        a.sar(r15, cl);
        a.jmp(next); // the flags of SAR by CL (or the ones before it) cross the block boundary
        a.Label(ref next);
        a.pushfq();
        a.pop(rdi);
        a.add(r10, rdi);
        a.stc();
        a.adc(r13d, -1); // carry in 1 and a wrapping sum
        a.sbb(r13, 0);
        // BSF/BSR: a zero source (a quarter of the time) leaves the destination, upper half included.
        a.mov(eax, ebx);
        a.and(eax, 0x300);
        a.mov(r11, -1);
        a.bsf(r11d, eax);
        a.add(r10, r11);
        a.bsr(r11w, ax);
        a.sete(dl);
        a.add(r10b, dl);
        a.bsr(rdx, rax);
        a.add(r10, rdx);
        a.bsf(r14, __qword_ptr[rsi + 256]);
        a.setnp(dl);
        a.add(r10b, dl);
        a.rcl(r15, 1);
        a.dec(r12d);
        a.jnz(loop);
        Exit(a);
    });

    /// <summary>INC/DEC after each kind of producer (add, sub, cmp, neg, logic, inc/dec, shift), with CF read after them.</summary>
    private static byte[] IncDecKeepCarry(int iterations = 3000) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        a.mov(r12d, iterations);
        a.mov(rbx, 0x0123456789ABCDEF);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.Label(ref loop);
        a.imul(rbx, r8);
        a.mov(rax, rbx);
        a.mov(rcx, rbx);
        a.shr(rcx, 7);
        a.add(eax, ecx);
        a.inc(rdx);
        a.adc(r9, 0);
        a.sub(ax, cx);
        a.dec(dl);
        a.setb(r10b);
        a.add(r11, r10);
        a.cmp(al, cl);
        a.inc(esi);
        a.dec(rdi);
        a.sbb(r13d, 0);
        a.neg(ecx);
        a.dec(r14);
        a.pushfq();
        a.pop(r15);
        a.add(r11, r15);
        a.xor(eax, ecx);
        a.inc(eax);
        a.adc(r9, 1);
        a.shl(rbx, 3);
        a.inc(rbx);
        a.adc(r13, rbx);
        a.dec(r12d);
        a.jnz(loop);
        Exit(a);
    });

    [Fact]
    public void IncDecKeepTheCarryOfEveryProducer()
    {
        var (jit, interp) = RunBoth(IncDecKeepCarry());
        Assert.Equal(interp.Cpu.Gpr(Reg.R9), jit.Cpu.Gpr(Reg.R9));
        Assert.Equal(interp.Cpu.Gpr(Reg.R13), jit.Cpu.Gpr(Reg.R13));
        RunBoth(IncDecKeepCarry(iterations: 100), maxSlice: 1);
    }

    [Fact]
    public void CarryShiftByClAndBswapMatchTheInterpreter()
    {
        var (jit, interp) = RunBoth(CarryAndShiftByCl());
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.R10), jit.Cpu.Gpr(Reg.R10));
    }

    [Fact]
    public void CarryShiftByClAndBswapOneInstructionAtATime()
    {
        RunBoth(CarryAndShiftByCl(iterations: 200), maxSlice: 1);
    }

    [Fact]
    public void CarryShiftByClAndBswapAreInline()
    {
        var machine = new TestMachine(CarryAndShiftByCl(iterations: 60), Jit);
        machine.Cpu.Jit.Profiling = true;
        machine.Cpu.Run(1_000_000);
        Assert.True(machine.Cpu.Halted);
        var fallbacks = machine.Cpu.Jit.FallbackProfile().Select(e => e.Code.Mnemonic()).ToHashSet();
        foreach (var m in new[] { Mnemonic.Adc, Mnemonic.Sbb, Mnemonic.Shl, Mnemonic.Shr, Mnemonic.Sar, Mnemonic.Bswap, Mnemonic.Bsf, Mnemonic.Bsr })
            Assert.DoesNotContain(m, fallbacks);
        Assert.Contains(Mnemonic.Pushfq, fallbacks); // the probe sees handler calls at all
    }
}
