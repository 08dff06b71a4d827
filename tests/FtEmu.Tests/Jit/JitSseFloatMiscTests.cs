using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// The inline SQRTSD/SQRTPD, MINSD/MAXSD/MINPD/MAXPD, COMISD/UCOMISD, CVTSI2SD (r/m32, r/m64) and
/// CVTTSD2SI (r32, r64) against the interpreter: operands from tables of edge values (zeros,
/// denormals, infinities, quiet and signaling NaNs, negatives, values just inside and outside the
/// int32/int64 ranges, 64-bit integers that round), every rounding mode with DAZ/FTZ, results,
/// RFLAGS and MXCSR folded into registers after each op; and unmasked exceptions raised inside
/// compiled loops.
/// </summary>
public partial class JitTests
{
    private static readonly ulong[] s_miscDoubles =
    {
        0, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000, 0x0000000000000001, 0x800FFFFFFFFFFFFF,
        0x0010000000000000, 0x7FEFFFFFFFFFFFFF, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000,
        0x7FF0000000000001, 0xFFF8000000000001, 0xFFF4000000000000, 0x4000000000000000, 0x4010000000000000,
        0x4004000000000000, 0xC004000000000000, 0x3FE0000000000000, 0x41DFFFFFFFE00000, 0x41E0000000000000,
        0xC1E0000000100000, 0xC1E0000000200000, 0x43E0000000000000, 0xC3E0000000000000, 0x43DFFFFFFFFFFFFF,
        0x7E37E43C8800759C, 0x3FD5555555555555, 0x000012688B70E62B, 0x4330000000000001, 0xC1E0000000000000,
        0x3CB0000000000000,
    };

    /// <summary>Integers for CVTSI2SD: exact ones, the int32 extremes, and 64-bit ones that round (ties both ways, extremes).</summary>
    private static readonly ulong[] s_miscInts =
    {
        0, 1, ulong.MaxValue, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF80000000, 0x0020000000000000, 0x0020000000000001,
        0x0020000000000003, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0x8000000000000001, 0x123456789ABCDEF1,
        0xFEDCBA9876543211, 0x00000000DEADBEEF, 0x7FFFFFFFFFFFFE00,
    };

    private const int IntTable = 0x800;

    /// <summary>The kernel; <paramref name="keepPe"/> as for <see cref="DoubleKernel"/>.</summary>
    private static byte[] MiscDoubleKernel(int iterations, bool keepPe = false) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var ordered = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(r12d, iterations);
        a.mov(rbx, 0x0123456789ABCDEF);
        a.Label(ref loop);
        // xorshift64: two double indices, two integer indices and an MXCSR choice.
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
        a.mov(ecx, ebx);
        a.shr(ecx, 8);
        a.and(ecx, 31);
        a.mov(edx, ebx);
        a.shr(edx, 16);
        a.and(edx, 7);
        a.mov(r9d, ebx);
        a.shr(r9d, 20);
        a.and(r9d, 15);
        a.mov(rdi, rbx);
        a.shr(rdi, 40);
        a.and(edi, 15);
        a.ldmxcsr(__dword_ptr[rsi + rdx * 4 + 0x400]);
        a.movsd(xmm0, __qword_ptr[rsi + rax * 8]);
        a.movsd(xmm1, __qword_ptr[rsi + rcx * 8]);
        a.movhps(xmm0, __qword_ptr[rsi + rcx * 8]);
        a.movhps(xmm1, __qword_ptr[rsi + rax * 8]);
        a.movapd(__xmmword_ptr[rsi + 0x500], xmm1);
        a.mov(r8, __qword_ptr[rsi + r9 * 8 + IntTable]);
        // After each op: fold MXCSR (its flags are this op's alone) into r10 and clear the flags.
        void Flags()
        {
            a.stmxcsr(__dword_ptr[rsi + 0x600]);
            a.mov(eax, __dword_ptr[rsi + 0x600]);
            a.xor(r10, rax);
            a.rol(r10, 3);
            a.and(__dword_ptr[rsi + 0x600], keepPe ? ~0x1F : ~0x3F);
            a.ldmxcsr(__dword_ptr[rsi + 0x600]);
        }
        void FoldRax()
        {
            a.xor(r11, rax);
            a.rol(r11, 7);
        }
        a.movapd(xmm2, xmm1);
        a.sqrtsd(xmm2, xmm0);
        Flags();
        a.sqrtsd(xmm3, __qword_ptr[rsi + rcx * 8]);
        Flags();
        a.sqrtpd(xmm4, xmm0);
        Flags();
        a.sqrtpd(xmm5, __xmmword_ptr[rsi + 0x500]);
        Flags();
        a.movapd(xmm6, xmm0);
        a.minsd(xmm6, xmm1);
        Flags();
        a.movapd(xmm7, xmm0);
        a.maxsd(xmm7, __qword_ptr[rsi + rcx * 8]);
        Flags();
        a.movapd(xmm8, xmm0);
        a.minpd(xmm8, __xmmword_ptr[rsi + 0x500]);
        Flags();
        a.movapd(xmm9, xmm0);
        a.maxpd(xmm9, xmm1);
        Flags();
        // Compares: a pending flag record before each, RFLAGS read by PUSHF, SETcc and Jcc after.
        a.cmp(r8d, 5);
        a.ucomisd(xmm0, xmm1);
        a.pushfq();
        a.pop(rax);
        FoldRax();
        Flags();
        a.add(r8d, 1);
        a.comisd(xmm0, __qword_ptr[rsi + rcx * 8]);
        a.setbe(al);
        a.setp(ah);
        a.movzx(eax, ax);
        FoldRax();
        Flags();
        a.sub(r8d, 1);
        a.ucomisd(xmm1, xmm0);
        a.jnp(ordered);
        a.add(r11, 0x55);
        a.Label(ref ordered);
        a.seta(al);
        a.movzx(eax, al);
        FoldRax();
        Flags();
        a.comisd(xmm1, xmm1);
        a.pushfq();
        a.pop(rax);
        FoldRax();
        Flags();
        // Conversions into registers that hold other values (the high lane, the upper GPR half).
        a.movapd(xmm10, xmm1);
        a.cvtsi2sd(xmm10, r8d);
        a.movapd(xmm11, xmm1);
        a.cvtsi2sd(xmm11, __dword_ptr[rsi + rdi * 8 + IntTable]);
        a.movapd(xmm12, xmm0);
        a.cvtsi2sd(xmm12, r8);
        Flags();
        a.movapd(xmm13, xmm0);
        a.cvtsi2sd(xmm13, __qword_ptr[rsi + rdi * 8 + IntTable]);
        Flags();
        a.mov(rax, -1);
        a.cvttsd2si(eax, xmm0);
        FoldRax();
        Flags();
        a.cvttsd2si(rax, xmm1);
        FoldRax();
        Flags();
        a.mov(rax, -1);
        a.cvttsd2si(eax, __qword_ptr[rsi + rcx * 8]);
        FoldRax();
        Flags();
        a.cvttsd2si(rax, __qword_ptr[rsi + rcx * 8]);
        FoldRax();
        Flags();
        // Fold every result lane into r10.
        foreach (var x in new[] { xmm2, xmm3, xmm4, xmm5, xmm6, xmm7, xmm8, xmm9, xmm10, xmm11, xmm12, xmm13 })
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

    private static void FillMiscTables(TestMachine m, bool keepPe = false)
    {
        for (int i = 0; i < s_miscDoubles.Length; i++) m.Memory.Write64(TestMachine.DataBase + 8 * (ulong)i, s_miscDoubles[i]);
        for (int i = 0; i < s_mxcsrs.Length; i++) m.Memory.Write32(TestMachine.DataBase + 0x400 + 4 * (ulong)i, s_mxcsrs[i] | (keepPe ? SseFloat.PE : 0));
        for (int i = 0; i < s_miscInts.Length; i++) m.Memory.Write64(TestMachine.DataBase + IntTable + 8 * (ulong)i, s_miscInts[i]);
    }

    /// <summary>With flags cleared after each op, and with PE kept set (the inlined SQRTSD path).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SqrtMinMaxCompareAndConvertMatchTheInterpreterOnEdgeValuesAndEveryRoundingMode(bool keepPe)
    {
        Assert.Equal(32, s_miscDoubles.Length);
        Assert.Equal(16, s_miscInts.Length);
        var code = MiscDoubleKernel(4000, keepPe);
        using var jit = new TestMachine(code, Jit);
        using var interp = new TestMachine(code, Interp);
        FillMiscTables(jit, keepPe);
        FillMiscTables(interp, keepPe);
        ulong stop = 0;
        for (int slice = 1; !interp.Cpu.Halted; slice = slice % 53 + 1)
        {
            stop += (ulong)slice * 7;
            Assert.Equal(interp.Cpu.Run(stop), jit.Cpu.Run(stop));
            Assert.True(interp.Registers() == jit.Registers(), $"registers differ after {stop} instructions:\n{jit.Registers()}\n{interp.Registers()}");
        }
        Assert.Empty(interp.Faults);
        Assert.Equal(interp.Hash(), jit.Hash());
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0);
        var fallbacks = FallbackMnemonics(code);
        foreach (var m in new[] { Mnemonic.Sqrtsd, Mnemonic.Sqrtpd, Mnemonic.Minsd, Mnemonic.Maxsd, Mnemonic.Minpd, Mnemonic.Maxpd,
                     Mnemonic.Ucomisd, Mnemonic.Comisd, Mnemonic.Cvtsi2sd, Mnemonic.Cvttsd2si })
            Assert.DoesNotContain(m, fallbacks);
    }

    /// <summary>
    /// Runs a loop that eventually raises an unmasked SIMD exception in both engines: SIGFPE at the
    /// same instruction and count, with the same si_code, RFLAGS and state (the destination, GPRs
    /// and RFLAGS as before the instruction), and the fault inside compiled code. Returns the JIT
    /// engine's cache, for its statistics.
    /// </summary>
    private static JitCache AssertSimdFaultMatches(byte[] code, uint mxcsr, params ulong[] data)
    {
        TestMachine Start(CpuEngineOptions engine)
        {
            var m = new TestMachine(code, engine);
            for (int i = 0; i < data.Length; i++) m.Memory.Write64(TestMachine.DataBase + 8 * (ulong)i, data[i]);
            m.Memory.Write32(TestMachine.DataBase + 0x400, mxcsr);
            return m;
        }
        using var jit = Start(Jit);
        using var interp = Start(Interp);
        jit.Cpu.Run(1_000_000);
        interp.Cpu.Run(1_000_000);
        var f = Assert.Single(jit.Faults);
        var g = Assert.Single(interp.Faults);
        Assert.Equal(GuestFault.SIGFPE, f.Fault.Signal);
        Assert.Equal((g.Count, g.Rip, g.Flags, g.Fault.Code), (f.Count, f.Rip, f.Flags, f.Fault.Code));
        Assert.True(f.Count > 40, "the fault came before the block was hot");
        Assert.True(interp.Registers() == jit.Registers(), $"{jit.Registers()}\n{interp.Registers()}");
        Assert.Equal(interp.Hash(), jit.Hash());
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0);
        return jit.Cpu.Jit;
    }

    /// <summary>IE unmasked: SQRTSD of a value counted down from 20.0 faults when it turns negative.</summary>
    [Fact]
    public void AnUnmaskedInvalidSquareRootFaultsAtTheInstruction()
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
            a.subsd(xmm0, xmm1);
            a.sqrtsd(xmm2, xmm0);
            a.ucomisd(xmm2, xmm1);
            a.adc(r8, 0);
            a.cvttsd2si(rcx, xmm2);
            a.add(r9, rcx);
            a.sqrtpd(xmm3, xmm2);
            a.jmp(loop);
        });
        AssertSimdFaultMatches(code, 0x1F80 & ~0x80u, 0x4034000000000000, 0x3FF0000000000000);
    }

    /// <summary>
    /// IE unmasked: COMISD of a QNaN faults right after a SUB whose flags the compiled block still
    /// holds in its locals; the fault shows them in RFLAGS, as the interpreter's does.
    /// </summary>
    [Fact]
    public void AnOrderedCompareFaultShowsTheFlagsOfTheSubBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.ldmxcsr(__dword_ptr[rsi + 0x400]);
            a.movsd(xmm1, __qword_ptr[rsi + 8]);
            a.mov(rdi, __qword_ptr[rsi]);
            a.Label(ref loop);
            a.inc(rbx);
            a.cvtsi2sd(xmm0, ebx);
            a.movq(rdx, xmm0);
            a.cmp(ebx, 250);
            a.cmovae(rdx, rdi); // from the 250th iteration on, the operand is the QNaN (in the compiled loop, no branch)
            a.movq(xmm0, rdx);
            a.mov(rcx, rbx);
            a.sub(rcx, 1000); // borrows: CF and SF set
            a.comisd(xmm0, xmm1);
            a.adc(r8, 0);
            a.jmp(loop);
        });
        AssertSimdFaultMatches(code, 0x1F80 & ~0x80u, 0x7FF8000000000000, 0x4024000000000000);
    }

    /// <summary>IE unmasked: UCOMISD passes a QNaN quietly, COMISD of it faults and leaves RFLAGS as UCOMISD set them.</summary>
    [Fact]
    public void AnUnmaskedInvalidOrderedCompareFaultsWithTheFlagsBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var skip = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.ldmxcsr(__dword_ptr[rsi + 0x400]);
            a.movsd(xmm1, __qword_ptr[rsi + 8]);
            a.Label(ref loop);
            a.inc(rbx);
            a.cvtsi2sd(xmm0, ebx);
            a.mov(eax, ebx);
            a.and(eax, 63);
            a.cmp(eax, 60); // from the 60th iteration on, the operand is the QNaN
            a.jb(skip);
            a.movsd(xmm0, __qword_ptr[rsi]);
            a.Label(ref skip);
            a.ucomisd(xmm0, xmm1);
            a.setp(cl);
            a.comisd(xmm0, xmm1);
            a.adc(r8, 0);
            a.jmp(loop);
        });
        AssertSimdFaultMatches(code, 0x1F80 & ~0x80u, 0x7FF8000000000000, 0x4024000000000000);
    }

    /// <summary>IE unmasked: CVTTSD2SI r32 of a doubling value faults at 2^31 and leaves the GPR as it was.</summary>
    [Fact]
    public void AnUnmaskedOutOfRangeTruncationFaultsAtTheInstruction()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.ldmxcsr(__dword_ptr[rsi + 0x400]);
            a.movsd(xmm0, __qword_ptr[rsi]);
            a.mov(rax, -1);
            a.Label(ref loop);
            a.inc(rbx);
            a.mulsd(xmm0, __qword_ptr[rsi + 8]);
            a.cvttsd2si(eax, xmm0);
            a.cvttsd2si(rcx, xmm0);
            a.add(r9, rax);
            a.jmp(loop);
        });
        AssertSimdFaultMatches(code, 0x1F80 & ~0x80u, 0x3FF0000000000000, 0x3FF4000000000000);
    }

    /// <summary>PE unmasked: CVTSI2SD r64 of 2n+1 faults once the integer needs more than 53 bits.</summary>
    [Fact]
    public void AnUnmaskedInexactInt64ConversionFaultsAtTheInstruction()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.ldmxcsr(__dword_ptr[rsi + 0x400]);
            a.mov(rax, 1);
            a.Label(ref loop);
            a.inc(rbx);
            a.lea(rax, __qword_ptr[rax + rax + 1]);
            a.cvtsi2sd(xmm0, ebx);
            a.cvtsi2sd(xmm1, rax);
            a.addsd(xmm2, xmm0);
            a.jmp(loop);
        });
        AssertSimdFaultMatches(code, 0x1F80 & ~0x1000u);
    }
}
