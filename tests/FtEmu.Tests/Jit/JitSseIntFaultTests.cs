using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Tests.Jit;

/// <summary>
/// Faults of the inline SSE forms inside compiled blocks: a 16-byte operand that is not 16-aligned
/// (#GP: SIGSEGV with SI_KERNEL) and operands that reach past the last mapped page (SIGSEGV at the
/// first unmapped byte), each in a hot loop. Both engines must retire the same instructions, report
/// the same fault at the same RIP, and leave the destination (register or memory) unchanged.
/// </summary>
public partial class JitTests
{
    private static readonly Dictionary<string, Action<Assembler, AssemblerMemoryOperand>> s_alignedOps = new()
    {
        ["movdqa-load"] = (a, m) => a.movdqa(xmm0, m),
        ["movaps-load"] = (a, m) => a.movaps(xmm0, m),
        ["movapd-store"] = (a, m) => a.movapd(m, xmm1),
        ["movdqa-store"] = (a, m) => a.movdqa(m, xmm1),
        ["movntdq-store"] = (a, m) => a.movntdq(m, xmm1),
        ["paddb"] = (a, m) => a.paddb(xmm0, m),
        ["pxor"] = (a, m) => a.pxor(xmm0, m),
        ["punpcklbw"] = (a, m) => a.punpcklbw(xmm0, m),
        ["psllq"] = (a, m) => a.psllq(xmm0, m),
        ["pshufd"] = (a, m) => a.pshufd(xmm0, m, 0x1B),
        ["palignr"] = (a, m) => a.palignr(xmm0, m, 5),
        ["pshufb"] = (a, m) => a.pshufb(xmm0, m),
    };

    public static TheoryData<string> AlignedOps => new(s_alignedOps.Keys);

    /// <summary>Fills the data pages: random quadwords (R8 the generator), or the byte 0xAB.</summary>
    private static void FillData(Assembler a, bool random)
    {
        var fill = a.CreateLabel();
        a.mov(rdi, TestMachine.DataBase);
        a.mov(ecx, (int)(TestMachine.DataPages * GuestMemory.PageSize / 8));
        a.mov(rdx, 0xABABABABABABABAB);
        a.Label(ref fill);
        if (random)
        {
            Rand(a);
            a.mov(rdx, r8);
        }
        a.mov(__qword_ptr[rdi], rdx);
        a.add(rdi, 8);
        a.dec(ecx);
        a.jnz(fill);
    }

    /// <summary>The fault both engines reported: the same count, RIP and flags; the faulting instruction's mnemonic.</summary>
    private static GuestFault SameFault(TestMachine jit, TestMachine interp, byte[] code, Mnemonic expected)
    {
        var f = Assert.Single(jit.Faults);
        var g = Assert.Single(interp.Faults);
        Assert.Equal(g.Count, f.Count);
        Assert.Equal(g.Rip, f.Rip);
        Assert.Equal(g.Flags, f.Flags);
        Assert.Equal(g.Fault.Signal, f.Fault.Signal);
        Assert.Equal(g.Fault.Code, f.Fault.Code);
        Assert.Equal(g.Fault.Address, f.Fault.Address);
        Assert.Equal(XmmState(interp), XmmState(jit));
        var decoder = Decoder.Create(64, code.AsSpan((int)(f.Rip - TestMachine.CodeBase)).ToArray());
        Assert.Equal(expected, decoder.Decode().Mnemonic);
        return f.Fault;
    }

    /// <summary>
    /// A hot loop walks a 16-aligned pointer up the data; after 150 iterations it becomes 8 past
    /// alignment, and the 16-byte operand must raise #GP before anything is read or written.
    /// </summary>
    [Theory]
    [MemberData(nameof(AlignedOps))]
    public void AMisalignedSixteenByteOperandFaultsInACompiledBlock(string name)
    {
        var op = s_alignedOps[name];
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            var next = a.CreateLabel();
            a.mov(r8, 0x9E3779B97F4A7C15);
            FillData(a, random: true);
            RandXmm(a, xmm0);
            RandXmm(a, xmm1);
            a.mov(rsi, TestMachine.DataBase);
            a.mov(ecx, 300);
            a.Label(ref loop);
            a.inc(rbx); // a dirty cached register at the fault
            op(a, __xmmword_ptr[rsi]);
            a.paddq(xmm2, xmm0);
            a.add(rsi, 16);
            a.cmp(ecx, 150);
            a.jne(next);
            a.add(rsi, 8);
            a.Label(ref next);
            a.dec(ecx);
            a.jnz(loop);
            Exit(a);
        });
        var (jit, interp) = RunBothSse(code, mostlyCompiled: false);
        var fault = SameFault(jit, interp, code, decodeMnemonic(code, name));
        Assert.Equal(GuestFault.SIGSEGV, fault.Signal);
        Assert.Equal(GuestFault.SI_KERNEL, fault.Code);
        Assert.Equal(0UL, fault.Address);
        // 151 iterations done (the 151st added the 8), the 152nd faults.
        Assert.Equal(149UL, jit.Cpu.Gpr(Reg.Rcx));
        Assert.Equal(152UL, jit.Cpu.Gpr(Reg.Rbx));
        Assert.Equal(TestMachine.DataBase + 151 * 16 + 8, jit.Cpu.Gpr(Reg.Rsi));

        static Mnemonic decodeMnemonic(byte[] _, string n) => n.Split('-')[0] switch
        {
            "movdqa" => Mnemonic.Movdqa, "movaps" => Mnemonic.Movaps, "movapd" => Mnemonic.Movapd, "movntdq" => Mnemonic.Movntdq,
            "paddb" => Mnemonic.Paddb, "pxor" => Mnemonic.Pxor, "punpcklbw" => Mnemonic.Punpcklbw, "psllq" => Mnemonic.Psllq,
            "pshufd" => Mnemonic.Pshufd, "palignr" => Mnemonic.Palignr, _ => Mnemonic.Pshufb,
        };
    }

    private static readonly Dictionary<string, (int Step, int Offset, bool Store, Mnemonic Mnemonic, Action<Assembler> Op)> s_pageEndOps = new()
    {
        ["movq-load"] = (8, 4, false, Mnemonic.Movq, a => a.movq(xmm0, __qword_ptr[rsi])),
        ["movd-load"] = (4, 2, false, Mnemonic.Movd, a => a.movd(xmm0, __dword_ptr[rsi])),
        ["movhps-load"] = (8, 4, false, Mnemonic.Movhps, a => a.movhps(xmm0, __qword_ptr[rsi])),
        ["pinsrw-load"] = (2, 1, false, Mnemonic.Pinsrw, a => a.pinsrw(xmm0, __word_ptr[rsi], (byte)2)),
        ["pinsrd-load"] = (4, 1, false, Mnemonic.Pinsrd, a => a.pinsrd(xmm0, __dword_ptr[rsi], (byte)3)),
        ["paddd-load"] = (16, 0, false, Mnemonic.Paddd, a => a.paddd(xmm0, __xmmword_ptr[rsi])),
        ["pmovzxbq-load"] = (2, 1, false, Mnemonic.Pmovzxbq, a => a.pmovzxbq(xmm0, __word_ptr[rsi])),
        ["pmovsxbd-load"] = (4, 2, false, Mnemonic.Pmovsxbd, a => a.pmovsxbd(xmm0, __dword_ptr[rsi])),
        ["pmovzxwd-load"] = (8, 4, false, Mnemonic.Pmovzxwd, a => a.pmovzxwd(xmm0, __qword_ptr[rsi])),
        ["movq-store"] = (8, 4, true, Mnemonic.Movq, a => a.movq(__qword_ptr[rsi], xmm1)),
        ["movd-store"] = (4, 2, true, Mnemonic.Movd, a => a.movd(__dword_ptr[rsi], xmm1)),
        ["movlps-store"] = (8, 4, true, Mnemonic.Movlps, a => a.movlps(__qword_ptr[rsi], xmm1)),
        ["pextrq-store"] = (8, 4, true, Mnemonic.Pextrq, a => a.pextrq(__qword_ptr[rsi], xmm1, (byte)1)),
        ["pextrw-store"] = (2, 1, true, Mnemonic.Pextrw, a => a.pextrw(__word_ptr[rsi], xmm1, (byte)3)),
        ["pextrb-store"] = (1, 0, true, Mnemonic.Pextrb, a => a.pextrb(__byte_ptr[rsi], xmm1, (byte)5)),
        ["movdqa-store"] = (16, 0, true, Mnemonic.Movdqa, a => a.movdqa(__xmmword_ptr[rsi], xmm1)),
    };

    public static TheoryData<string> PageEndOps => new(s_pageEndOps.Keys);

    /// <summary>
    /// A hot loop steps an operand up to the end of the data pages; the last access crosses (or
    /// starts at) the first unmapped byte. A crossing store must not write its bytes on the mapped page.
    /// </summary>
    [Theory]
    [MemberData(nameof(PageEndOps))]
    public void AnOperandPastTheLastPageFaultsInACompiledBlock(string name)
    {
        var (step, offset, store, mnemonic, op) = s_pageEndOps[name];
        const ulong end = TestMachine.DataBase + TestMachine.DataPages * GuestMemory.PageSize;
        const int iterations = 200;
        var code = TestMachine.Assemble(a =>
        {
            var loop = a.CreateLabel();
            a.mov(r8, 0x9E3779B97F4A7C15);
            FillData(a, random: false);
            RandXmm(a, xmm0);
            RandXmm(a, xmm1);
            a.mov(rsi, end - (ulong)(step * iterations) - (ulong)offset);
            a.Label(ref loop);
            a.inc(rbx);
            op(a);
            a.paddq(xmm2, xmm0);
            a.add(rsi, step);
            a.jmp(loop);
        });
        var (jit, interp) = RunBothSse(code, mostlyCompiled: false);
        var fault = SameFault(jit, interp, code, mnemonic);
        Assert.Equal(GuestFault.SIGSEGV, fault.Signal);
        Assert.Equal(GuestFault.SEGV_MAPERR, fault.Code);
        Assert.Equal(end, fault.Address);
        Assert.Equal((ulong)iterations + 1, jit.Cpu.Gpr(Reg.Rbx));
        Assert.Equal(end - (ulong)offset, jit.Cpu.Gpr(Reg.Rsi));
        if (store && offset != 0)
        {
            // The crossing store wrote nothing: the bytes before the end still hold the fill.
            var tail = new byte[offset];
            Assert.True(jit.Memory.TryRead(end - (ulong)offset, tail));
            Assert.All(tail, b => Assert.Equal(0xAB, b));
            // The store before it did land.
            var before = new byte[step];
            Assert.True(jit.Memory.TryRead(end - (ulong)offset - (ulong)step, before));
            Assert.Contains(before, b => b != 0xAB);
        }
    }
}
