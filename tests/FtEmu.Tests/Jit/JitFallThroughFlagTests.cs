using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// Chains of compares whose fall-throughs are members that begin with loads: the flags a member
/// starts with come from the compare of the member before it, and its exits at every count, the
/// stubs of its TLB misses and its faults must show them as the interpreter does. A branch that did
/// not store the compare's record before such a member fails the fault test (mutation-checked); so
/// did a version that left the record pending in the flag locals across the branch and forgot it
/// at the member's faults (measured and not kept, see docs/jit.md).
/// </summary>
public partial class JitTests
{
    /// <summary>
    /// gzip's longest_match in small: byte compares of two buffers, each compare's fall-through a
    /// member that begins with the next loads (which may miss the TLB or fault) and ends in a compare
    /// whose flags the following member replaces. <paramref name="stride"/> walks 8 KB of the buffers,
    /// so some loads touch a page first or cross into the next one, and leave at a TLB miss.
    /// </summary>
    private static byte[] CompareChain(int iterations, int stride) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        var differ = a.CreateLabel();
        var next = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(rdi, TestMachine.DataBase + 64);
        a.mov(ecx, iterations);
        a.xor(ebx, ebx);
        a.xor(edx, edx);
        a.Label(ref loop);
        a.mov(al, __byte_ptr[rsi + rdx]);
        a.cmp(al, __byte_ptr[rdi + rdx]);
        a.jne(differ);
        a.mov(al, __byte_ptr[rsi + rdx + 1]); // a member entered only by the jne's fall-through
        a.cmp(al, __byte_ptr[rdi + rdx + 1]);
        a.jne(differ);
        a.mov(r8d, __dword_ptr[rsi + rdx + 4]);
        a.sub(r8d, __dword_ptr[rdi + rdx + 4]);
        a.jb(differ);
        a.add(rbx, 3);
        a.jmp(next);
        a.Label(ref differ);
        a.add(rbx, 1);
        a.mov(__byte_ptr[rdi + rdx], al);
        a.Label(ref next);
        a.add(edx, stride);
        a.and(edx, 0x1FFF);
        a.dec(ecx);
        a.jnz(loop);
        Exit(a);
    });

    [Fact]
    public void ACompareChainMatchesTheInterpreterAtEveryCount()
    {
        var (jit, interp) = RunBoth(CompareChain(iterations: 900, stride: 37), engine: RegionJit);
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.Rbx), jit.Cpu.Gpr(Reg.Rbx));
        Assert.True(jit.Cpu.Jit.RegionBlocksCompiled > jit.Cpu.Jit.BlocksCompiled, "no region of several blocks was compiled");
    }

    [Fact]
    public void PageCrossingLoadsInAFallThroughMemberLeaveWithTheComparesFlags()
    {
        // A stride of 1 sweeps every offset of 8 KB: the dword loads at the page boundary cross it, and
        // every such load leaves the region at its op start, with the compare's record stored by the stub.
        var (jit, interp) = RunBoth(CompareChain(iterations: 9000, stride: 1), maxSlice: 53, engine: RegionJit);
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.Equal(interp.Cpu.Gpr(Reg.Rbx), jit.Cpu.Gpr(Reg.Rbx));
    }

    /// <summary>The load of a fall-through member walks off the data pages: the fault shows the compare's flags before it.</summary>
    [Fact]
    public void AFaultInAFallThroughMemberShowsTheFlagsOfTheCompareBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var differ = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.xor(edx, edx);
            a.mov(r9, 5);
            a.Label(ref loop);
            a.mov(al, __byte_ptr[rsi + rdx]);
            a.cmp(al, 0x7F); // never equal to the zeroed data: the fall-through runs
            a.je(differ);
            a.mov(rcx, __qword_ptr[rsi + rdx + 0x300]); // faults at rdx = 0x3E00, the first load not yet
            a.sub(rcx, r9);
            a.add(rdx, 512);
            a.jmp(loop);
            a.Label(ref differ);
            Exit(a);
        });
        // One run, not RunBoth's slices: the region must meet the fault in a run that entered at its head
        // (with slices, a branch that forgot to store the compare's record went unnoticed).
        using var jit = new TestMachine(code, RegionJit);
        using var interp = new TestMachine(code, Interp);
        jit.Cpu.Run(1_000_000);
        interp.Cpu.Run(1_000_000);
        var f = AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(TestMachine.DataBase + 0x3E00 + 0x300, f.Fault.Address);
        Assert.True(jit.Cpu.Jit.RegionBlocksCompiled > jit.Cpu.Jit.BlocksCompiled, "no region of several blocks was compiled");
    }
}
