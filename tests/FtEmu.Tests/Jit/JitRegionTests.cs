using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// Regions: a translation that covers several blocks (loops of several blocks, side exits, calls
/// and the returns to them) against the interpreter, with stops at every count, faults in a later
/// member and a member rewritten by code outside the region.
/// </summary>
public partial class JitTests
{
    /// <summary>A threshold above 1, so that a head's successors are decoded when it compiles and join its region.</summary>
    private static readonly CpuEngineOptions RegionJit = new() { Engine = CpuEngine.Jit, JitThreshold = 3, JitBackground = false };
    private static readonly CpuEngineOptions SingleBlockJit = new() { Engine = CpuEngine.Jit, JitThreshold = 3, JitMaxRegionBlocks = 1, JitBackground = false };

    /// <summary>Nested loops with a call of a leaf function, a side exit through an indirect jump and a switch on flags.</summary>
    private static byte[] LoopsWithCalls(int iterations = 400) => TestMachine.Assemble(a =>
    {
        var outer = a.CreateLabel();
        var inner = a.CreateLabel();
        var leaf = a.CreateLabel();
        var odd = a.CreateLabel();
        var joined = a.CreateLabel();
        var side = a.CreateLabel();
        var back = a.CreateLabel();
        var done = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(r12d, iterations);
        a.xor(ebx, ebx);
        a.mov(r8, 0x9E3779B97F4A7C15);
        a.Label(ref outer);
        a.mov(ecx, 13);
        a.Label(ref inner);
        a.mov(rdi, rcx);
        a.call(leaf);
        a.add(rbx, rax);
        a.test(al, 1);
        a.jnz(odd);
        a.ror(rbx, 7);
        a.jmp(joined);
        a.Label(ref odd);
        a.xor(rbx, r8);
        a.Label(ref joined);
        a.mov(edx, ecx);
        a.and(edx, 63);
        a.mov(__qword_ptr[rsi + rdx * 8], rbx);
        a.dec(ecx);
        a.jnz(inner);
        // Every 8th outer iteration leaves through an indirect jump (not a region edge) and comes back.
        a.test(r12d, 7);
        a.jnz(back);
        a.lea(rax, __[side]);
        a.jmp(rax);
        a.Label(ref back);
        a.dec(r12d);
        a.jnz(outer);
        a.jmp(done);
        a.Label(ref side);
        a.add(r9, rbx);
        a.adc(r10, 0);
        a.jmp(back);
        a.Label(ref leaf);
        a.imul(rax, rdi, 0x2545F491);
        a.shr(rax, 3);
        a.add(rax, __qword_ptr[rsi + 8]);
        a.ret();
        a.Label(ref done);
        Exit(a);
    });

    [Fact]
    public void ARegionOfSeveralBlocksMatchesTheInterpreterAtEveryCount()
    {
        var (jit, interp) = RunBoth(LoopsWithCalls(), engine: RegionJit);
        Assert.Equal(interp.Cpu.Gpr(Reg.Rbx), jit.Cpu.Gpr(Reg.Rbx));
        Assert.True(jit.Cpu.Jit.RegionBlocksCompiled > jit.Cpu.Jit.BlocksCompiled, "no region of several blocks was compiled");
    }

    [Fact]
    public void ARegionRunOneInstructionAtATimeMatches()
    {
        RunBoth(LoopsWithCalls(iterations: 40), maxSlice: 1, engine: RegionJit);
    }

    [Fact]
    public void SingleBlockTranslationsGiveTheSameState()
    {
        var (regions, _) = RunBoth(LoopsWithCalls(), engine: RegionJit);
        var (single, _) = RunBoth(LoopsWithCalls(), engine: SingleBlockJit);
        Assert.Equal(single.Cpu.Jit.BlocksCompiled, single.Cpu.Jit.RegionBlocksCompiled);
        Assert.Equal(single.Hash(), regions.Hash());
    }

    [Fact]
    public void FlagsAcrossBlocksMatchInRegions()
    {
        var (jit, interp) = RunBoth(FlagsAcrossBlocks(), engine: RegionJit);
        Assert.Equal(interp.Cpu.Rflags, jit.Cpu.Rflags);
        Assert.True(jit.Cpu.Jit.RegionBlocksCompiled > jit.Cpu.Jit.BlocksCompiled);
    }

    /// <summary>The load that faults is in the region's second block: the count and RIP are those of that block's op.</summary>
    [Fact]
    public void AFaultInALaterMemberRetiresExactlyTheOpsBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var second = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.xor(ebx, ebx);
            a.Label(ref loop);
            a.add(rbx, 5);
            a.jmp(second);
            a.Label(ref second);
            a.cmp(rbx, 1000);
            a.mov(rax, __qword_ptr[rsi]);
            a.add(rsi, 64);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000, engine: RegionJit);
        var f = Assert.Single(jit.Faults);
        Assert.Equal((interp.Faults[0].Count, interp.Faults[0].Rip, interp.Faults[0].Flags), (f.Count, f.Rip, f.Flags));
        Assert.Equal(interp.Faults[0].Fault.Address, f.Fault.Address);
        ulong iterations = TestMachine.DataPages * GuestMemory.PageSize / 64;
        Assert.Equal(2 + iterations * 6 + 3, f.Count);
        Assert.True(jit.Cpu.Jit.RegionBlocksCompiled > jit.Cpu.Jit.BlocksCompiled);
    }

    /// <summary>
    /// A member on another page than its head is rewritten by code that is not in the region (reached
    /// by an indirect jump): the head stays valid, so only the member's list of dependents drops the
    /// stale translation.
    /// </summary>
    [Fact]
    public void RewritingAMemberFromOutsideTheRegionDropsTheRegion()
    {
        var patchAddress = 0UL;
        byte[] Build() => TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var body = a.CreateLabel();
            var patch = a.CreateLabel();
            a.mov(ecx, 300);
            a.xor(ebx, ebx);
            a.xor(edi, edi);
            a.Label(ref loop);
            a.inc(edi);
            a.test(edi, 31);
            a.jnz(body);
            a.lea(rax, __[patch]);
            a.jmp(rax);
            a.Label(ref patch);
            a.inc(__byte_ptr[(long)patchAddress]);
            a.jmp(body);
            // The body starts on the next page.
            for (int i = 0; i < (int)GuestMemory.PageSize; i++) a.nop();
            a.Label(ref body);
            a.add(rbx, 0x11111111);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        // add rbx, imm32 is 48 81 C3 imm32: find it to patch its low immediate byte.
        var probe = Build();
        int at = IndexOf(probe, new byte[] { 0x48, 0x81, 0xC3, 0x11, 0x11, 0x11, 0x11 });
        patchAddress = TestMachine.CodeBase + (ulong)at + 3;
        var code = Build();
        Assert.Equal(at, IndexOf(code, new byte[] { 0x48, 0x81, 0xC3, 0x11, 0x11, 0x11, 0x11 }));
        Assert.NotEqual(TestMachine.CodeBase / GuestMemory.PageSize, patchAddress / GuestMemory.PageSize);
        var (jit, interp) = RunBoth(code, engine: RegionJit);
        ulong expected = 0;
        for (int i = 1; i <= 300; i++) expected += 0x11111111UL + (ulong)(i / 32);
        Assert.Equal(expected, interp.Cpu.Gpr(Reg.Rbx));
        Assert.Equal(expected, jit.Cpu.Gpr(Reg.Rbx));
        Assert.True(jit.Cpu.Jit.RegionBlocksCompiled > jit.Cpu.Jit.BlocksCompiled);
    }

    /// <summary>
    /// Translations made on the background compiler's thread are installed between blocks whenever
    /// they are ready: the state is the interpreter's at every count wherever they take over.
    /// </summary>
    [Fact]
    public void BackgroundCompilationGivesTheInterpretersStateAtEveryCount()
    {
        var background = RegionJit with { JitBackground = true };
        var code = LoopsWithCalls(iterations: 3000);
        using var jit = new TestMachine(code, background);
        using var interp = new TestMachine(code, Interp);
        ulong stop = 0;
        for (int slice = 1; !interp.Cpu.Halted; slice = slice % 997 + 1)
        {
            stop += (ulong)slice;
            Assert.Equal(interp.Cpu.Run(stop), jit.Cpu.Run(stop));
            Assert.True(interp.Registers() == jit.Registers(), $"registers differ after {stop} instructions");
            // Early on, wait for the first translations so that compiled code surely runs in this test.
            for (int wait = 0; stop > 20_000 && jit.Cpu.Jit.BlocksCompiled == 0 && wait < 10_000; wait++)
            {
                Thread.Sleep(1);
                jit.Cpu.Jit.InstallFinished();
            }
        }
        Assert.True(jit.Cpu.Halted);
        Assert.Equal(interp.Hash(), jit.Hash());
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0);
        Assert.Equal(0, jit.Cpu.Jit.Failures);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }
}
