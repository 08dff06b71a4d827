using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// Read-modify-write ops on memory (ADD/INC/NEG/SHL/ADC... with a memory operand 0) probe only the
/// write TLB in compiled code and write through the pointer the read found. The state after every
/// slice must be the interpreter's: on pages in the write TLB, on pages touched for the first time,
/// on a page that also holds code (never in the write TLB), and on a write-only page, where the read
/// faults as interpreted.
/// </summary>
public partial class JitTests
{
    private static byte[] ReadModifyWriteLoop(ulong target) => TestMachine.Assemble(a =>
    {
        var loop = a.CreateLabel();
        a.mov(rsi, TestMachine.DataBase);
        a.mov(rdi, target);
        a.mov(ecx, 4000);
        a.Label(ref loop);
        a.mov(edx, ecx);
        a.and(edx, 1023);
        a.add(__qword_ptr[rsi + rdx * 8], rcx);
        a.inc(__dword_ptr[rsi + rdx * 4 + 8192]);
        a.neg(__word_ptr[rsi + 16]);
        a.shl(__qword_ptr[rsi + 24], 3);
        a.adc(__byte_ptr[rdi + 40], cl);
        a.xor(__qword_ptr[rdi + 48], rdx);
        a.dec(ecx);
        a.jnz(loop);
        Exit(a);
    });

    [Fact]
    public void ReadModifyWriteOpsAreTheInterpretersOnReadWritePages()
    {
        ulong far = TestMachine.DataBase + 3 * GuestMemory.PageSize; // touched first by the loop itself
        var (jit, _) = RunBothAfter(ReadModifyWriteLoop(far), _ => { }, maxSlice: 613);
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0, "nothing was compiled");
    }

    /// <summary>
    /// Each iteration reads a page never written (the read TLB maps it to the shared zero page), then
    /// adds to it: the add must not go through the read TLB's pointer.
    /// </summary>
    [Fact]
    public void ReadModifyWriteOfAPageOnlyReadSoFarAllocatesIt()
    {
        ulong fresh = 0x1000_0000;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rdi, fresh);
            a.mov(ecx, 2000);
            a.Label(ref loop);
            a.add(rbx, __qword_ptr[rdi + 8]);
            a.add(__qword_ptr[rdi + 8], rcx);
            a.add(rbx, __qword_ptr[rdi + 4096 + 8]); // the next page: still zero, unless a write went astray
            a.add(rdi, 4096);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBothAfter(code, m => m.Memory.Map(fresh, 2001 * GuestMemory.PageSize, Protection.Read | Protection.Write), maxSlice: 733);
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0, "nothing was compiled");
    }

    [Fact]
    public void ReadModifyWriteOnACodePageIsTheInterpreters()
    {
        // The page holds the loop's code too, so it never enters the write TLB: every access misses.
        var (jit, _) = RunBothAfter(ReadModifyWriteLoop(TestMachine.CodeBase + 0x800), m => m.Memory.Protect(TestMachine.CodeBase, GuestMemory.PageSize, Protection.All), maxSlice: 401);
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0, "nothing was compiled");
    }

    [Fact]
    public void ReadModifyWriteOnAWriteOnlyPageFaultsAsInterpreted()
    {
        ulong writeOnly = TestMachine.DataBase + 0x10000;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var same = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(rdi, writeOnly);
            a.mov(ecx, 4000);
            a.Label(ref loop);
            a.mov(__qword_ptr[rdi + 8], rcx); // plain stores to the write-only page are allowed
            a.add(__qword_ptr[rsi + 24], rcx); // compiled by the time RSI moves to the write-only page: its read faults
            a.cmp(ecx, 100);
            a.jne(same);
            a.mov(rsi, rdi);
            a.Label(ref same);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, interp) = RunBothAfter(code, m => m.Memory.Map(writeOnly, GuestMemory.PageSize, Protection.Write), maxSlice: 977);
        var fault = AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(writeOnly + 24, fault.Fault.Address);
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0, "nothing was compiled");
    }
}
