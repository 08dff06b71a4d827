using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>The inline widening MUL/IMUL and DIV/IDIV against the interpreter, #DE included.</summary>
public partial class JitTests
{
    /// <summary>
    /// MUL and one-operand IMUL of every size on registers and memory with random operands (and
    /// small ones, so that both overflow outcomes occur), CF/OF read by SETC/SETO/ADC/JO and the
    /// flags they keep read after them; DIV and IDIV of every size with dividends made to fit
    /// (random high halves below the divisor, sign extensions, negative operands).
    /// </summary>
    private static byte[] MulDiv(int iterations = 3000) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var next = a.CreateLabel();
        var skip = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(r12d, iterations);
        a.xor(ebp, ebp);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.Label(ref loop);
        a.imul(rbp, r8);
        a.add(rbp, r12);
        a.mov(rbx, rbp);
        a.mov(rcx, rbp);
        a.ror(rcx, 23);
        a.mov(__qword_ptr[rsi], rcx);
        // Every 4th iteration small factors, so that the products fit.
        a.test(r12b, 3);
        a.jnz(next);
        a.shr(rcx, 58);
        a.shr(rbx, 60);
        a.Label(ref next);
        a.mov(rax, rbx);
        a.cmp(rbx, r8);
        a.mul(rcx);
        a.seto(dl);
        a.add(r10b, dl);
        a.setb(dl); // CF of MUL
        a.add(r10b, dl);
        a.add(r10, rax);
        a.add(r11, rdx);
        a.mov(rax, rbx);
        a.imul(rcx);
        a.adc(r10, rdx);
        a.add(r11, rax);
        a.mov(rax, rbx);
        a.mul(ecx);
        a.adc(r10, rax);
        a.add(r11, rdx);
        a.mov(rax, rbx);
        a.imul(__dword_ptr[rsi]);
        a.adc(r10, rax);
        a.add(r11, rdx);
        a.mov(rax, rbx);
        a.mul(cx);
        a.adc(r10, rax);
        a.add(r11, rdx);
        a.mov(rax, rbx);
        a.imul(__word_ptr[rsi + 2]);
        a.adc(r10, rax);
        a.add(r11, rdx);
        a.mov(rax, rbx);
        a.mul(cl);
        a.adc(r10, rax);
        a.mov(rax, rbx);
        a.imul(ch);
        a.adc(r10, rax);
        a.mov(rax, rbx);
        a.imul(__byte_ptr[rsi + 5]);
        a.jo(skip);
        a.inc(r13);
        a.Label(ref skip);
        a.mul(__qword_ptr[rsi]);
        a.pushfq();
        a.pop(rdi);
        a.add(r10, rdi);
        // DIV: the high half below the divisor, so the quotient fits.
        a.mov(rcx, rbp);
        a.or(rcx, 1);
        a.mov(rax, rbx);
        a.xor(edx, edx);
        a.div(rcx); // rdx := rbx % rcx < rcx
        a.mov(rax, rbp);
        a.ror(rax, 7);
        a.div(rcx); // a 128-bit dividend
        a.add(r10, rax);
        a.add(r11, rdx);
        a.mov(__qword_ptr[rsi + 8], rcx);
        a.mov(eax, ebx);
        a.xor(edx, edx);
        a.div(__dword_ptr[rsi + 8]);
        a.mov(eax, ebp);
        a.div(ecx); // edx < ecx from the previous one
        a.add(r10, rax);
        a.add(r11, rdx);
        a.mov(eax, ebx);
        a.xor(edx, edx);
        a.div(cx);
        a.div(cx);
        a.add(r10, rax);
        a.add(r11, rdx);
        a.mov(eax, ebx);
        a.and(eax, 0x7FFF);
        a.or(cl, 0x80);
        a.mov(__byte_ptr[rsi + 8], cl);
        a.div(cl); // AX / CL fits when AH < CL
        a.div(__byte_ptr[rsi + 8]); // AH is the remainder, below CL
        a.add(r10, rax);
        // IDIV: sign-extended dividends and divisors of both signs.
        a.mov(rax, rbx);
        a.cqo();
        a.mov(rcx, rbp);
        a.sar(rcx, 40);
        a.or(rcx, 1);
        a.idiv(rcx);
        a.add(r10, rax);
        a.add(r11, rdx);
        a.mov(rax, rbx);
        a.sar(rax, 3);
        a.mov(rdx, rbp);
        a.sar(rdx, 63); // high half 0 or -1, with a low half that may not match it: a 128-bit dividend
        a.mov(rcx, rbp);
        a.or(rcx, 0x10000);
        a.shr(rcx, 1);
        a.idiv(rcx); // |rdx:rax| < 2^63 * 2^16 / 2 and |rcx| > 2^15: fits
        a.add(r10, rax);
        a.add(r11, rdx);
        a.mov(eax, ebx);
        a.cdq();
        a.mov(__dword_ptr[rsi + 16], ecx);
        a.idiv(__dword_ptr[rsi + 16]);
        a.add(r10, rax);
        a.add(r11, rdx);
        a.mov(eax, ebx);
        a.cwd();
        a.or(cx, 1);
        a.idiv(cx);
        a.add(r10, rax);
        a.add(r11, rdx);
        a.movsx(ax, bl);
        a.mov(cl, 0x7F);
        a.idiv(cl);
        a.setz(dl); // DIV/IDIV clear ZF
        a.add(r10b, dl);
        a.add(r10, rax);
        a.dec(r12d);
        a.jnz(loop);
        Exit(a);
    });

    [Fact]
    public void MulAndDivMatchTheInterpreter()
    {
        var (jit, interp) = RunBoth(MulDiv(), maxSlice: 300);
        Assert.Empty(jit.Faults);
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.R10), jit.Cpu.Gpr(Reg.R10));
        Assert.NotEqual(0UL, jit.Cpu.Gpr(Reg.R11));
    }

    [Fact]
    public void MulAndDivOneInstructionAtATime()
    {
        var (jit, _) = RunBoth(MulDiv(iterations: 200), maxSlice: 1);
        Assert.Empty(jit.Faults);
    }

    [Fact]
    public void MulAndDivAreInline()
    {
        var machine = new TestMachine(MulDiv(iterations: 60), Jit);
        machine.Cpu.Jit.Profiling = true;
        machine.Cpu.Run(1_000_000);
        Assert.True(machine.Cpu.Halted);
        Assert.Empty(machine.Faults);
        var fallbacks = machine.Cpu.Jit.FallbackProfile().Select(e => e.Code.Mnemonic()).ToHashSet();
        foreach (var m in new[] { Mnemonic.Mul, Mnemonic.Imul, Mnemonic.Div, Mnemonic.Idiv })
            Assert.DoesNotContain(m, fallbacks);
        Assert.Contains(Mnemonic.Pushfq, fallbacks);
    }

    public static TheoryData<string> DivideErrors() => new() { "div0", "div-mem0", "div-overflow", "div8-overflow", "div32-boundary", "idiv-min", "idiv32-min", "idiv8-overflow", "idiv-128" };

    /// <summary>
    /// A hot loop walks its divisor down (or its dividend up) until DIV/IDIV raises #DE: the
    /// fault (SIGFPE, FPE_INTDIV at the instruction), count, RIP, flags and registers under both engines.
    /// </summary>
    [Theory]
    [MemberData(nameof(DivideErrors))]
    public void ADivideErrorInACompiledBlockIsTheInterpreters(string kind)
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(ecx, 300);
            a.mov(r9, 1);
            a.Label(ref loop);
            a.cmp(rcx, 7); // flags before the fault: of this CMP
            switch (kind)
            {
                case "div0":
                    a.mov(eax, 1000);
                    a.xor(edx, edx);
                    a.div(ecx);
                    break;
                case "div-mem0":
                    a.mov(__qword_ptr[rsi], rcx);
                    a.mov(rax, -1);
                    a.xor(edx, edx);
                    a.div(__qword_ptr[rsi]);
                    break;
                case "div-overflow": // rdx grows past the divisor
                    a.mov(rdx, 300);
                    a.sub(rdx, rcx);
                    a.xor(eax, eax);
                    a.mov(r8d, 150);
                    a.div(r8);
                    break;
                case "div8-overflow": // AX / 1 stops fitting AL
                    a.mov(eax, 300);
                    a.sub(eax, ecx);
                    a.div(r9b);
                    break;
                case "div32-boundary": // a quotient of exactly 0xFFFFFFFF for 128 iterations, then one that does not fit
                    a.mov(edx, 300);
                    a.sub(edx, ecx);
                    a.shr(edx, 7);
                    a.mov(eax, -1);
                    a.mov(r8d, 1);
                    a.div(r8d);
                    break;
                case "idiv-min": // INT64_MIN / -1 once rcx reaches 0
                    a.mov(rax, long.MinValue);
                    a.cqo();
                    a.mov(r8, rcx);
                    a.sub(r8, 1);
                    a.or(r8, rcx); // -1 when rcx is 0, else positive
                    a.idiv(r8);
                    break;
                case "idiv32-min":
                    a.mov(eax, int.MinValue);
                    a.cdq();
                    a.mov(r8d, ecx);
                    a.sub(r8d, 1);
                    a.or(r8d, ecx);
                    a.idiv(r8d);
                    break;
                case "idiv8-overflow": // AX / 2 stops fitting in a signed byte
                    a.mov(eax, 300);
                    a.sub(eax, ecx);
                    a.neg(ax);
                    a.mov(r8b, 2);
                    a.idiv(r8b);
                    break;
                default: // a 128-bit dividend whose quotient stops fitting 64 bits
                    a.mov(rdx, 300);
                    a.sub(rdx, rcx);
                    a.xor(eax, eax);
                    a.mov(r8, 1L << 8);
                    a.neg(r8);
                    a.idiv(r8);
                    break;
            }
            a.add(r10, rax);
            a.dec(ecx);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        var f = Assert.Single(jit.Faults);
        var g = Assert.Single(interp.Faults);
        Assert.Equal(g.Count, f.Count);
        Assert.Equal(g.Rip, f.Rip);
        Assert.Equal(g.Flags, f.Flags);
        Assert.Equal(GuestFault.SIGFPE, f.Fault.Signal);
        Assert.Equal(GuestFault.FPE_INTDIV, f.Fault.Code);
        Assert.Equal(g.Fault.Address, f.Fault.Address);
        Assert.Equal(interp.Registers(), jit.Registers());
        var decoder = Decoder.Create(64, code.AsSpan((int)(f.Rip - TestMachine.CodeBase)).ToArray());
        Assert.True(decoder.Decode().Mnemonic is Mnemonic.Div or Mnemonic.Idiv);
        Assert.True(f.Count > 100, "the fault came late, in compiled code");
    }
}
