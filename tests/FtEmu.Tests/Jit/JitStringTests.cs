using FtEmu.Cpu;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>REP STOS/MOVS (the bulk path of the handlers, called from compiled blocks) against a byte model.</summary>
public partial class JitTests
{
    /// <summary>
    /// REP STOS of every size and of counts around the bulk threshold and a page, at offsets that
    /// cross pages; then REP MOVSB copies of it, forwards with overlap one element apart.
    /// </summary>
    [Theory]
    [InlineData(1, 7)]
    [InlineData(1, 64)]
    [InlineData(1, 5000)]
    [InlineData(2, 40)]
    [InlineData(4, 1500)]
    [InlineData(8, 9)]
    [InlineData(8, 700)]
    public void RepStosAndMovsFillAndCopyLikeAByteModel(int size, int count)
    {
        const int start = 4093; // crosses into the second page at once
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(r12d, 3);
            a.Label(ref loop);
            a.mov(rdi, TestMachine.DataBase + start);
            a.mov(ecx, count);
            a.mov(rax, 0x1122334455667788);
            a.add(rax, r12);
            switch (size)
            {
                case 1: a.rep.stosb(); break;
                case 2: a.rep.stosw(); break;
                case 4: a.rep.stosd(); break;
                default: a.rep.stosq(); break;
            }
            a.mov(r13, rdi);
            a.mov(r14, rcx);
            // Copy the filled bytes 1 byte up (a destination just above the source).
            a.mov(rsi, TestMachine.DataBase + start);
            a.mov(rdi, TestMachine.DataBase + start + 1);
            a.mov(ecx, count * size);
            a.rep.movsb();
            a.dec(r12d);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 50);
        Assert.Empty(jit.Faults);
        ulong pattern = 0x1122334455667788 + 1;
        int bytes = count * size;
        Assert.Equal(TestMachine.DataBase + start + (ulong)bytes, jit.Cpu.Gpr(Reg.R13));
        Assert.Equal(0UL, jit.Cpu.Gpr(Reg.R14));
        // The overlapping forward copy repeats the first byte through the whole range.
        var model = new byte[bytes + 1];
        for (int i = 0; i < bytes; i++) model[i] = (byte)(pattern >> (8 * (i % size)));
        for (int i = 1; i <= bytes; i++) model[i] = model[i - 1];
        for (int i = 0; i <= bytes; i++) Assert.Equal(model[i], jit.Memory.Read8(TestMachine.DataBase + start + (ulong)i));
        Assert.Equal(0, jit.Memory.Read8(TestMachine.DataBase + start + (ulong)bytes + 1));
    }

    /// <summary>REP STOSQ runs into the end of the data pages: the fault leaves RCX and RDI at the faulting element.</summary>
    [Fact]
    public void ARepStosIntoAnUnmappedPageStopsAtTheFaultingElement()
    {
        const ulong end = TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize;
        var code = TestMachine.Assemble(a =>
        {
            a.mov(rdi, end - 8 * 300 - 4); // the element at end-4 straddles the end
            a.mov(ecx, 1000);
            a.mov(rax, -1);
            a.rep.stosq();
            Exit(a);
        });
        var (jit, interp) = RunBoth(code, maxSlice: 50);
        var f = Assert.Single(jit.Faults);
        Assert.Equal(end, f.Fault.Address);
        Assert.Equal(end - 4, jit.Cpu.Gpr(Reg.Rdi));
        Assert.Equal(1000UL - 300, jit.Cpu.Gpr(Reg.Rcx));
        Assert.Equal(ulong.MaxValue, jit.Memory.Read64(end - 12));
        Assert.Equal(0U, jit.Memory.Read32(end - 4));
        Assert.Equal(interp.Hash(), jit.Hash());
    }
}
