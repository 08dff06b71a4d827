using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// Faults of ops that write nothing back before they run (JitOpPlan.LazyFault): their cold paths
/// must show the state of the op's start, with registers that are dirty in the compiled code, a
/// flag record that only the compiled code's locals hold, and registers the op itself changed
/// before its access (LEAVE, RET, POP). Each kernel loops in compiled code until an access or a
/// branch target goes bad; RunBoth compares every register, RFLAGS and the count after every slice.
/// </summary>
public partial class JitTests
{
    /// <summary>A store walks off the data pages with four registers dirty and a SUB's flags pending.</summary>
    [Fact]
    public void AStoreFaultShowsDirtyRegistersAndPendingFlags()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.xor(ebx, ebx);
            a.mov(r8, 3);
            a.mov(r10, 1000);
            a.Label(ref loop);
            a.add(rbx, 5);
            a.lea(r9, __[r9 + r8 * 2 + 1]);
            a.sub(r10, rbx);
            a.mov(__qword_ptr[rsi + 8], rbx);
            a.add(rsi, 64);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize + 8, jit.Faults[0].Fault.Address);
    }

    /// <summary>A read-modify-write faults on its load after a CMP whose record is pending, in a loop of two blocks.</summary>
    [Fact]
    public void AReadModifyWriteFaultKeepsTheCompareFlags()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var odd = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(rbx, 0x7FFFFFFF);
            a.Label(ref loop);
            a.inc(rbx);
            a.test(bl, 1);
            a.jnz(odd);
            a.add(rcx, rbx);
            a.Label(ref odd);
            a.cmp(ebx, 7);
            a.add(__dword_ptr[rsi], ebx);
            a.add(rsi, 32);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 1000, limit: 10_000_000);
        AssertFaultAsInterpreted(jit, interp);
    }

    /// <summary>PUSH runs below the stack's mapping: RSP, dirty in the loop, must be the one before the PUSH.</summary>
    [Fact]
    public void APushPastTheStackFaultsWithRspBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsp, TestMachine.StackTop - 0x10000 + 0x800);
            a.xor(eax, eax);
            a.Label(ref loop);
            a.add(rax, 3);
            a.push(rax);
            a.sub(rdx, rax);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 300, limit: 10_000_000);
        AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(TestMachine.StackTop - 0x10000, jit.Cpu.Gpr(Reg.Rsp));
    }

    /// <summary>LEAVE sets RSP from RBP before it reads; as in Inst.Leave, RSP is RBP when the read faults, and RBP is unchanged.</summary>
    [Fact]
    public void ALeaveWhoseReadFaultsShowsTheRegistersBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsi, TestMachine.DataBase);
            a.mov(r12, TestMachine.StackTop - 0x100);
            a.Label(ref loop);
            a.mov(rsp, r12);
            a.add(r12, 8);
            a.sub(r12, 8);
            a.mov(rbp, rsi);
            a.leave();
            a.add(rsi, 128);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 300, limit: 10_000_000);
        AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(jit.Cpu.Gpr(Reg.Rbp), jit.Cpu.Gpr(Reg.Rsp));
        Assert.Equal(TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize, jit.Cpu.Gpr(Reg.Rbp));
    }

    /// <summary>A RET to a non-canonical address faults after it popped: RSP (dirty from the PUSH) must be as before the RET.</summary>
    [Fact]
    public void ARetToANonCanonicalAddressFaultsWithRspBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var back = a.CreateLabel();
            a.mov(ecx, 500);
            a.mov(rdx, 0x8000_0000_0000_0000);
            a.Label(ref loop);
            a.lea(rax, __[back]);
            a.add(rbx, 3);
            a.dec(ecx);
            a.cmovz(rax, rdx);
            a.push(rax);
            a.sub(rbx, rcx);
            a.ret();
            a.Label(ref back);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 300, limit: 10_000_000);
        AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(TestMachine.StackTop - 8, jit.Cpu.Gpr(Reg.Rsp));
    }

    /// <summary>An indirect JMP to a non-canonical target, with registers dirty and ADD flags pending.</summary>
    [Fact]
    public void AnIndirectJumpToANonCanonicalAddressFaultsAtTheJump()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var back = a.CreateLabel();
            a.mov(ecx, 400);
            a.mov(rsi, 0x0000_8000_0000_0000);
            a.Label(ref loop);
            a.lea(rdx, __[back]);
            a.add(rbx, rcx);
            a.dec(ecx);
            a.cmovz(rdx, rsi);
            a.add(r11, rbx);
            a.jmp(rdx);
            a.Label(ref back);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 300, limit: 10_000_000);
        AssertFaultAsInterpreted(jit, interp);
    }

    /// <summary>POP from a stack pointer walked past the mapping, with the popped-into register dirty.</summary>
    [Fact]
    public void APopPastTheStackFaultsWithBothRegistersBeforeIt()
    {
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(rsp, TestMachine.StackTop - 0x800);
            a.Label(ref loop);
            a.add(rbx, 1);
            a.mov(rcx, rbx);
            a.pop(rcx);
            a.sub(rcx, rbx);
            a.jmp(loop);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 300, limit: 10_000_000);
        AssertFaultAsInterpreted(jit, interp);
        Assert.Equal(TestMachine.StackTop, jit.Cpu.Gpr(Reg.Rsp));
    }
}
