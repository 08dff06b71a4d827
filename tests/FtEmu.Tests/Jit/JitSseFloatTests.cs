using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// The inline ADDSD/SUBSD/MULSD/DIVSD and ADDPD/SUBPD/MULPD/DIVPD against the interpreter: operands
/// from a table of edge values (zeros, denormals, extremes, infinities, quiet and signaling NaNs,
/// inexact quotients), every rounding mode with DAZ/FTZ, results and MXCSR folded into a register;
/// and an unmasked exception raised inside a compiled block.
/// </summary>
public partial class JitTests
{
    private static readonly ulong[] s_doubles =
    {
        0, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000, 0x0000000000000001, 0x800FFFFFFFFFFFFF,
        0x0010000000000000, 0x7FEFFFFFFFFFFFFF, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000,
        0x7FF0000000000001, 0x4008000000000000, 0x3FD5555555555555, 0x3CB0000000000000, 0x4330000000000001,
        0x001FFFFFFFFFFFFF, 0x7FE0000000000000, 0x3FF0000000000001, 0xC1E0000000000000,
    };

    /// <summary>MXCSR values the kernel cycles through: each rounding mode, with and without DAZ/FTZ, exceptions masked.</summary>
    private static readonly uint[] s_mxcsrs = { 0x1F80, 0x3F80, 0x5F80, 0x7F80, 0x9FC0, 0xFFC0, 0x1F80, 0x1F80 };

    /// <summary>
    /// The kernel; with <paramref name="keepPe"/> each op's MXCSR keeps PE from before (the tables'
    /// MXCSR values have it too), as in real programs, where compiled code takes its inlined fast path.
    /// </summary>
    private static byte[] DoubleKernel(int iterations, bool keepPe = false) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var inTable = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(r12d, iterations);
        a.mov(rbx, 0x0123456789ABCDEF);
        a.Label(ref loop);
        // xorshift64: two table indices and an MXCSR choice.
        a.mov(rax, rbx);
        a.shl(rax, 13);
        a.xor(rbx, rax);
        a.mov(rax, rbx);
        a.shr(rax, 7);
        a.xor(rbx, rax);
        a.mov(rax, rbx);
        a.shl(rax, 17);
        a.xor(rbx, rax);
        a.mov(eax, ebx);
        a.and(eax, 31);
        a.cmp(eax, s_doubles.Length);
        a.jb(inTable);
        a.sub(eax, 12);
        a.Label(ref inTable);
        a.mov(ecx, ebx);
        a.shr(ecx, 8);
        a.and(ecx, 15);
        a.mov(edx, ebx);
        a.shr(edx, 16);
        a.and(edx, 7);
        a.ldmxcsr(__dword_ptr[rsi + rdx * 4 + 0x400]);
        a.movsd(xmm0, __qword_ptr[rsi + rax * 8]);
        a.movsd(xmm1, __qword_ptr[rsi + rcx * 8]);
        a.movhps(xmm0, __qword_ptr[rsi + rcx * 8]);
        a.movhps(xmm1, __qword_ptr[rsi + rax * 8]);
        a.movapd(__xmmword_ptr[rsi + 0x500], xmm1);
        // After each op: fold MXCSR (its flags are this op's alone, PE aside with keepPe) into r10 and clear the flags.
        void Flags()
        {
            a.stmxcsr(__dword_ptr[rsi + 0x600]);
            a.mov(eax, __dword_ptr[rsi + 0x600]);
            a.xor(r10, rax);
            a.rol(r10, 3);
            a.and(__dword_ptr[rsi + 0x600], keepPe ? ~0x1F : ~0x3F);
            a.ldmxcsr(__dword_ptr[rsi + 0x600]);
        }
        a.movapd(xmm2, xmm0);
        a.addsd(xmm2, xmm1);
        Flags();
        a.movapd(xmm3, xmm0);
        a.subsd(xmm3, __qword_ptr[rsi + rcx * 8]);
        Flags();
        a.movapd(xmm4, xmm0);
        a.mulsd(xmm4, xmm1);
        Flags();
        a.movapd(xmm5, xmm0);
        a.divsd(xmm5, __qword_ptr[rsi + rcx * 8]);
        Flags();
        a.movapd(xmm6, xmm0);
        a.addpd(xmm6, xmm1);
        Flags();
        a.movapd(xmm7, xmm0);
        a.subpd(xmm7, __xmmword_ptr[rsi + 0x500]);
        Flags();
        a.movapd(xmm8, xmm0);
        a.mulpd(xmm8, __xmmword_ptr[rsi + 0x500]);
        Flags();
        a.movapd(xmm9, xmm0);
        a.divpd(xmm9, xmm1);
        Flags();
        a.divsd(xmm0, xmm0); // the same register as both operands
        Flags();
        // Fold every result lane into r10.
        foreach (var x in new[] { xmm0, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7, xmm8, xmm9 })
        {
            a.movq(rax, x);
            a.xor(r10, rax);
            a.rol(r10, 5);
            a.movhlps(x, x);
            a.movq(rax, x);
            a.add(r10, rax);
        }
        a.dec(r12d);
        a.jnz(loop);
        Exit(a);
    });

    private static void FillDoubleTables(TestMachine m, bool keepPe = false)
    {
        for (int i = 0; i < s_doubles.Length; i++) m.Memory.Write64(TestMachine.DataBase + 8 * (ulong)i, s_doubles[i]);
        for (int i = 0; i < s_mxcsrs.Length; i++) m.Memory.Write32(TestMachine.DataBase + 0x400 + 4 * (ulong)i, s_mxcsrs[i] | (keepPe ? SseFloat.PE : 0));
    }

    /// <summary>
    /// Both MXCSR histories: flags cleared after every op (compiled code computes PE for each), and PE
    /// kept set (compiled code takes the inlined path, which must decline every operand or result that
    /// could raise another flag, and every rounding mode but nearest).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DoubleArithmeticMatchesTheInterpreterOnEdgeValuesAndEveryRoundingMode(bool keepPe)
    {
        var code = DoubleKernel(4000, keepPe);
        using var jit = new TestMachine(code, Jit);
        using var interp = new TestMachine(code, Interp);
        FillDoubleTables(jit, keepPe);
        FillDoubleTables(interp, keepPe);
        ulong stop = 0;
        for (int slice = 1; !interp.Cpu.Halted; slice = slice % 53 + 1)
        {
            stop += (ulong)slice * 7;
            Assert.Equal(interp.Cpu.Run(stop), jit.Cpu.Run(stop));
            Assert.True(interp.Registers() == jit.Registers(), $"registers differ after {stop} instructions:\n{jit.Registers()}\n{interp.Registers()}");
        }
        Assert.Empty(interp.Faults);
        Assert.Equal(interp.Hash(), jit.Hash());
        var fallbacks = FallbackMnemonics(code);
        foreach (var m in new[] { Mnemonic.Addsd, Mnemonic.Subsd, Mnemonic.Mulsd, Mnemonic.Divsd, Mnemonic.Addpd, Mnemonic.Subpd, Mnemonic.Mulpd, Mnemonic.Divpd })
            Assert.DoesNotContain(m, fallbacks);
    }

    /// <summary>The mnemonics of a kernel's blocks that a compiled block would hand to the interpreter.</summary>
    private static HashSet<Mnemonic> FallbackMnemonics(byte[] code)
    {
        using var machine = new TestMachine(code, Jit);
        var set = new HashSet<Mnemonic>();
        var decoder = Decoder.Create(64, code, TestMachine.CodeBase);
        ulong blockStart = TestMachine.CodeBase;
        var starts = new List<ulong> { blockStart };
        while (decoder.IP < TestMachine.CodeBase + (ulong)code.Length)
            if (decoder.Decode().FlowControl != FlowControl.Next) starts.Add(decoder.IP);
        foreach (ulong ip in starts.Where(ip => ip < TestMachine.CodeBase + (ulong)code.Length))
            foreach (var op in machine.Cpu.Blocks.Get(ip).Ops)
                if (JitInlineTable.Classify(in op).Form == JitForm.Fallback) set.Add(op.Code.Mnemonic());
        return set;
    }

    /// <summary>PE unmasked: the first inexact MULSD in a hot compiled loop raises SIGFPE at that instruction, with the count and MXCSR of the interpreter.</summary>
    [Fact]
    public void AnUnmaskedPrecisionExceptionFaultsAtTheInstruction()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.ldmxcsr(__dword_ptr[rsi + 0x400]);
            a.movsd(xmm0, __qword_ptr[rsi]);
            a.movsd(xmm1, __qword_ptr[rsi + 8]);
            a.Label(ref loop);
            a.inc(rbx);
            a.mulsd(xmm0, xmm1); // 1.5^n is exact until its significand needs more than 53 bits
            a.addpd(xmm2, xmm0);
            a.jmp(loop);
        });
        TestMachine Start(CpuEngineOptions engine)
        {
            var m = new TestMachine(code, engine);
            m.Memory.Write64(TestMachine.DataBase, 0x3FF0000000000000);
            m.Memory.Write64(TestMachine.DataBase + 8, 0x3FF8000000000000);
            m.Memory.Write32(TestMachine.DataBase + 0x400, 0x1F80 & ~0x1000u);
            return m;
        }
        using var jit = Start(Jit);
        using var interp = Start(Interp);
        jit.Cpu.Run(1_000_000);
        interp.Cpu.Run(1_000_000);
        var f = Assert.Single(jit.Faults);
        var g = Assert.Single(interp.Faults);
        Assert.Equal(GuestFault.SIGFPE, f.Fault.Signal);
        Assert.Equal((g.Count, g.Rip, g.Fault.Code), (f.Count, f.Rip, f.Fault.Code));
        Assert.True(f.Count > 40, "the fault came before the block was hot");
        Assert.Equal(interp.Hash(), jit.Hash());
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0);
    }
}

public partial class JitTests
{
    /// <summary>
    /// MXCSR's flags cleared before every DIVSD, so its fast path declines each time round: the
    /// region leaves at it until it is compiled again with resuming stubs, whose call does the
    /// division; with ZE unmasked, a division by zero then faults from that stub at the instruction,
    /// with the count, registers and MXCSR of the interpreter.
    /// </summary>
    [Fact]
    public void ADeclinedFastPathResumesAndFaultsFromItsStubAsInterpreted()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var zero = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.ldmxcsr(__dword_ptr[rsi + 0x400]);
            a.movsd(xmm1, __qword_ptr[rsi]);
            a.movsd(xmm3, __qword_ptr[rsi + 8]);
            a.mov(r12d, 3000);
            a.Label(ref loop);
            a.inc(rbx);
            a.stmxcsr(__dword_ptr[rsi + 0x600]);
            a.and(__dword_ptr[rsi + 0x600], ~0x3F);
            a.ldmxcsr(__dword_ptr[rsi + 0x600]);
            a.mulpd(xmm3, xmm1); // declines too (PE clear): a resuming stub's call writes XMM3's state
            a.paddq(xmm7, xmm3); // and the member's kept XMM3 must be that
            a.movsd(xmm0, __qword_ptr[rsi + 8]);
            a.divsd(xmm0, xmm1); // 1/3: inexact, so PE is set after it and clear before the next
            a.addsd(xmm2, xmm0);
            a.movq(rax, xmm7);
            a.xor(r10, rax);
            a.dec(r12d);
            a.jnz(loop);
            a.Label(ref zero);
            a.xorpd(xmm1, xmm1);
            a.mov(r12d, 100);
            a.jmp(loop);
        });
        // 3.0 and 1.0; ZE unmasked.
        var jitCache = AssertSimdFaultMatches(code, 0x1F80 & ~0x200u, 0x4008000000000000, 0x3FF0000000000000);
        Assert.True(jitCache.MissRecompiles > 0, "the region was not compiled again with resuming stubs");
    }
}

public partial class JitTests
{
    /// <summary>
    /// Scalar results written into registers whose whole vector the member keeps (after PADDQ), then
    /// read as vectors again in the same block: ADDSD, MULSD, SQRTSD and CVTSI2SD replace the low
    /// lane of the kept vector as well as the state's, with PE set so the inlined paths run.
    /// </summary>
    [Fact]
    public void ScalarResultsUpdateTheVectorsAMemberKeeps()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.ldmxcsr(__dword_ptr[rsi + 0x400]);
            a.movapd(xmm0, __xmmword_ptr[rsi]); // 1.5, 2.5
            a.movapd(xmm1, __xmmword_ptr[rsi + 0x10]); // integers 0 and 1
            a.movsd(xmm2, __qword_ptr[rsi + 0x20]); // 0.25
            a.mov(ecx, 3000);
            a.Label(ref loop);
            a.paddq(xmm0, xmm1);
            a.addsd(xmm0, xmm2);
            a.paddq(xmm3, xmm0);
            a.mulsd(xmm0, xmm2);
            a.pxor(xmm4, xmm0);
            a.cvtsi2sd(xmm0, ecx);
            a.paddq(xmm5, xmm0);
            a.sqrtsd(xmm0, xmm0);
            a.paddq(xmm6, xmm0);
            a.movq(rax, xmm3);
            a.xor(r10, rax);
            a.movq(rax, xmm4);
            a.add(r10, rax);
            a.movq(rax, xmm5);
            a.xor(r10, rax);
            a.movq(rax, xmm6);
            a.add(r10, rax);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBothAfter(code, m =>
        {
            m.Memory.Write64(TestMachine.DataBase, 0x3FF8000000000000);
            m.Memory.Write64(TestMachine.DataBase + 8, 0x4004000000000000);
            m.Memory.Write64(TestMachine.DataBase + 0x18, 1);
            m.Memory.Write64(TestMachine.DataBase + 0x20, 0x3FD0000000000000);
            m.Memory.Write32(TestMachine.DataBase + 0x400, 0x1F80 | SseFloat.PE);
        }, maxSlice: 61);
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0);
    }
}
