using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// Compiled accesses form the host address from the window base and the guest address's low 32
/// bits (<see cref="HostWindow"/>). A page outside the window whose low 32 bits are a window page's
/// must get its own data (it never enters the TLB, so every access to it takes a stub), and a
/// high-half page (the stack's and the mmap area's) must be reached like a low one. Without a
/// window (a host that cannot reserve one) the TLBs stay empty and every access takes a stub.
/// </summary>
public partial class JitTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ALoopOverPagesWithTheSameLow32BitsIsTheInterpreters(bool hostWindow)
    {
        ulong alias = TestMachine.DataBase + HostWindow.Size; // outside the window, same low 32 bits as DataBase
        ulong high = HostWindow.HighStart + TestMachine.DataBase; // in the high half
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(rdi, alias);
            a.mov(r8, high);
            a.mov(ecx, 3000);
            a.Label(ref loop);
            a.mov(edx, ecx);
            a.and(edx, 255);
            a.add(__qword_ptr[rsi + rdx * 8], rcx);
            a.sub(__qword_ptr[rdi + rdx * 8], rcx);
            a.mov(rax, __qword_ptr[rsi + rdx * 8]);
            a.xor(rax, __qword_ptr[rdi + rdx * 8]);
            a.mov(__qword_ptr[r8 + rdx * 8 + 8], rax);
            a.add(rbx, __qword_ptr[r8 + rdx * 8]);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, _) = RunBothAfter(code, m =>
        {
            m.Memory.Map(alias, GuestMemory.PageSize, Protection.ReadWrite);
            m.Memory.Map(high, GuestMemory.PageSize, Protection.ReadWrite);
        }, maxSlice: 541, jitHostWindow: hostWindow);
        Assert.True(jit.Cpu.Jit.BlocksCompiled > 0, "nothing was compiled");
        // The alias page holds the negated sums, not the window page's sums.
        ulong sum = jit.Memory.Read64(TestMachine.DataBase + 8);
        Assert.NotEqual(0UL, sum);
        Assert.Equal(unchecked(0 - sum), jit.Memory.Read64(alias + 8));
    }
}
