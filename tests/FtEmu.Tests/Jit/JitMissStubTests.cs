using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// TLB misses in compiled code. By default a miss leaves the region at the op, with the state of
/// the op's start, and the interpreter runs that op (JitEmitter.MissExit); a region that misses
/// often is compiled again with stubs that finish the access and come back. Either way the state
/// after every slice must be the interpreter's.
/// </summary>
public partial class JitTests
{
    /// <summary>Pages this far apart share a TLB entry (the TLB is direct-mapped over page numbers).</summary>
    private const ulong TlbAlias = (ulong)(GuestMemory.TlbMask + 1) * GuestMemory.PageSize;

    /// <summary>Like <see cref="RunBoth"/>, with <paramref name="setUp"/> applied to both machines first.</summary>
    private static (TestMachine Jit, TestMachine Interp) RunBothAfter(byte[] code, Action<TestMachine> setUp, int maxSlice, bool jitHostWindow = true)
    {
        var jit = new TestMachine(code, Jit, jitHostWindow);
        var interp = new TestMachine(code, Interp);
        setUp(jit);
        setUp(interp);
        ulong stop = 0;
        int slice = 1;
        while (!jit.Cpu.Halted && stop < 10_000_000)
        {
            stop += (ulong)slice;
            slice = slice % maxSlice + 1;
            Assert.Equal(interp.Cpu.Run(stop), jit.Cpu.Run(stop));
            Assert.True(interp.Registers() == jit.Registers(), $"registers differ after {stop} instructions:\n{jit.Registers()}\n{interp.Registers()}");
        }
        Assert.True(jit.Cpu.Halted, "the kernel did not finish");
        Assert.Equal(interp.Hash(), jit.Hash());
        return (jit, interp);
    }

    /// <summary>
    /// A loop that alternates between two pages sharing a TLB entry misses on every access: it
    /// leaves the region each time at first, until the region is compiled again with resuming stubs.
    /// </summary>
    [Fact]
    public void ALoopOverTwoPagesSharingATlbEntryIsCompiledAgainToResumeItsMisses()
    {
        ulong far = TestMachine.DataBase + TlbAlias;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(rdi, far);
            a.mov(ecx, 5000);
            a.xor(eax, eax);
            a.Label(ref loop);
            a.mov(edx, ecx);
            a.and(edx, 511);
            a.add(rax, __qword_ptr[rsi + rdx * 8]);
            a.cmp(rax, 12345);
            a.mov(__qword_ptr[rdi + 16], rax);
            a.add(rbx, __qword_ptr[rdi + 16]);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBothAfter(code, m =>
        {
            m.Memory.Map(far, GuestMemory.PageSize, Protection.Read | Protection.Write);
            for (int i = 0; i < 512; i++) m.Memory.Write64(TestMachine.DataBase + 8 * (ulong)i, (ulong)i * 0x9E3779B97F4A7C15);
        }, maxSlice: 997);
        Assert.True(jit.Cpu.Jit.MissRecompiles > 0, "the region was not compiled again with resuming stubs");
    }

    /// <summary>
    /// SSE 16-byte loads and stores alternating between two pages that share a TLB entry: the region
    /// is compiled again with resuming stubs (Read128/Write128 through the slow path), and the
    /// misaligned MOVDQA at the end faults from its resuming alignment stub exactly as interpreted.
    /// </summary>
    [Fact]
    public void SixteenByteAccessesResumeTheirMissesAndAMisalignedOneFaultsAsInterpreted()
    {
        ulong far = TestMachine.DataBase + TlbAlias;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(rdi, far);
            a.mov(ecx, 3000);
            a.Label(ref loop);
            a.movdqu(xmm0, __xmmword_ptr[rsi + 32]);
            a.paddq(xmm1, xmm0);
            a.movdqu(__xmmword_ptr[rdi + 48], xmm1);
            a.movdqa(xmm2, __xmmword_ptr[rdi + 48]);
            a.pxor(xmm0, xmm2);
            a.movdqa(__xmmword_ptr[rsi + 64], xmm0);
            a.add(rbx, rcx);
            a.dec(ecx);
            a.jnz(loop);
            a.add(rsi, 8);
            a.jmp(loop); // once more with a misaligned RSI: MOVDQA faults
        });
        var (jit, interp) = RunBothAfter(code, m =>
        {
            m.Memory.Map(far, GuestMemory.PageSize, Protection.Read | Protection.Write);
            m.Memory.Write64(TestMachine.DataBase + 32, 0x0123456789ABCDEF);
            m.Memory.Write64(TestMachine.DataBase + 40, 0xFEDCBA9876543210);
        }, maxSlice: 211);
        Assert.True(jit.Cpu.Jit.MissRecompiles > 0, "the region was not compiled again with resuming stubs");
        var fault = AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(TestMachine.CodeBase, fault.Rip & ~0xFFFUL); // at the MOVDQA store, not a page fault elsewhere
        Assert.Equal(0UL, fault.Fault.Address); // #GP reports no address
    }

    /// <summary>Loads and stores across a page boundary always miss; the ops they are in run in the interpreter, exactly.</summary>
    [Fact]
    public void AccessesAcrossAPageBoundaryInCompiledCodeMatchTheInterpreter()
    {
        ulong boundary = TestMachine.DataBase + GuestMemory.PageSize;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, boundary - 3);
            a.mov(ecx, 3000);
            a.Label(ref loop);
            a.mov(rax, __qword_ptr[rsi]);
            a.add(rax, rcx);
            a.sub(rdx, rax);
            a.mov(__dword_ptr[rsi + 1], eax);
            a.push(rax);
            a.pop(r9);
            a.xor(r9, rdx);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBothAfter(code, _ => { }, maxSlice: 37);
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0);
    }

    /// <summary>A loop that touches a fresh page every few iterations misses on each; the region leaves and comes back without a recompile.</summary>
    [Fact]
    public void FirstTouchesOfPagesLeaveTheRegionAndTheStateStaysExact()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(ecx, (int)(TestMachine.DataPages * GuestMemory.PageSize / 64));
            a.Label(ref loop);
            a.add(rbx, rcx);
            a.cmp(rbx, 77);
            a.mov(__qword_ptr[rsi], rbx);
            a.adc(rdx, __qword_ptr[rsi]);
            a.add(rsi, 64);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBothAfter(code, _ => { }, maxSlice: 53);
        Assert.Equal(0, jit.Cpu.Jit.MissRecompiles);
    }

    /// <summary>
    /// A loop that streams through 300 fresh pages leaves the region at the first touch of each
    /// (every run ends at one), hundreds of instructions apart: those misses do not make the region
    /// be compiled again with resuming stubs, which would slow every later iteration.
    /// </summary>
    [Fact]
    public void AStreamingLoopsFirstTouchesDoNotMakeItResume()
    {
        const ulong stream = 0x10000000;
        const int pages = 300;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, stream);
            a.mov(ecx, pages * (int)GuestMemory.PageSize / 64);
            a.Label(ref loop);
            a.add(rbx, rcx);
            a.mov(__qword_ptr[rsi], rbx);
            a.add(rdx, __qword_ptr[rsi]);
            a.add(rsi, 64);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBothAfter(code, m => m.Memory.Map(stream, pages * GuestMemory.PageSize, Protection.Read | Protection.Write), maxSlice: 997);
        Assert.True(jit.Cpu.Jit.RegionRuns > pages, "the loop did not run compiled");
        Assert.Equal(0, jit.Cpu.Jit.MissRecompiles);
    }
}
