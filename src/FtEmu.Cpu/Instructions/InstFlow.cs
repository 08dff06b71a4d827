using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Control transfer: JMP, Jcc, CALL, RET, LOOP, JRCXZ, and NOP-like hints.</summary>
public static unsafe partial class Inst
{
    private static void RegisterFlow(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Jmp, &Jmp);
        foreach (var m in new[] { Mnemonic.Jo, Mnemonic.Jno, Mnemonic.Jb, Mnemonic.Jae, Mnemonic.Je, Mnemonic.Jne,
                     Mnemonic.Jbe, Mnemonic.Ja, Mnemonic.Js, Mnemonic.Jns, Mnemonic.Jp, Mnemonic.Jnp,
                     Mnemonic.Jl, Mnemonic.Jge, Mnemonic.Jle, Mnemonic.Jg })
            r.Add(m, &Jcc);
        r.Add(Mnemonic.Call, &Call);
        r.Add(Mnemonic.Ret, &Ret);
        r.Add(Mnemonic.Loop, &Loop);
        r.Add(Mnemonic.Loope, &Loop);
        r.Add(Mnemonic.Loopne, &Loop);
        r.Add(Mnemonic.Jrcxz, &Jrcxz);
        r.Add(Mnemonic.Jecxz, &Jrcxz);
        r.Add(Mnemonic.Nop, &Nop);
        r.Add(Mnemonic.Endbr64, &Nop);
        r.Add(Mnemonic.Endbr32, &Nop);
        // CET shadow-stack hints sit in the hint-NOP space: without CET (not in CPUID) they do nothing,
        // and static glibc's setjmp/longjmp run RDSSP/INCSSP unconditionally.
        r.Add(Mnemonic.Rdsspd, &Nop);
        r.Add(Mnemonic.Rdsspq, &Nop);
        r.Add(Mnemonic.Incsspd, &Nop);
        r.Add(Mnemonic.Incsspq, &Nop);
        r.Add(Mnemonic.Pause, &Nop);
        r.Add(Mnemonic.Prefetchnta, &Nop);
        r.Add(Mnemonic.Prefetcht0, &Nop);
        r.Add(Mnemonic.Prefetcht1, &Nop);
        r.Add(Mnemonic.Prefetcht2, &Nop);
        r.Add(Mnemonic.Prefetchw, &Nop);
        r.Add(Mnemonic.Lfence, &Nop);
        r.Add(Mnemonic.Sfence, &Nop);
        r.Add(Mnemonic.Mfence, &Nop);
        r.Add(Mnemonic.Ud2, &InvalidOpcode);
        r.Add(Mnemonic.Int3, &Breakpoint);
        r.Add(Mnemonic.Hlt, &PrivilegedInstruction);
        // Port I/O and control/debug register moves need CPL 0 or IOPL 3: #GP (SIGSEGV) in user mode.
        foreach (var m in new[] { Mnemonic.In, Mnemonic.Out, Mnemonic.Insb, Mnemonic.Insw, Mnemonic.Insd,
                     Mnemonic.Outsb, Mnemonic.Outsw, Mnemonic.Outsd })
            r.Add(m, &PrivilegedInstruction);
        foreach (var c in new[] { Code.Mov_r64_cr, Code.Mov_cr_r64, Code.Mov_r64_dr, Code.Mov_dr_r64 })
            r.Add(c, &PrivilegedInstruction);
    }

    public static void Nop(Cpu cpu, ref DecodedOp op)
    {
    }

    public static void Jmp(Cpu cpu, ref DecodedOp op) =>
        cpu.Rip = CheckTarget(op.Kind0 == OperandKind.Immediate ? op.Imm : ReadOp0(cpu, ref op));

    /// <summary>A near branch to a non-canonical address faults (#GP) at the branch, before it changes anything.</summary>
    internal static ulong CheckTarget(ulong target) =>
        GuestFault.IsCanonical(target) ? target : throw new GuestFault(GuestFault.SIGSEGV, GuestFault.SI_KERNEL, 0);

    public static void Jcc(Cpu cpu, ref DecodedOp op)
    {
        if (cpu.Condition(op.Cond)) cpu.Rip = op.Imm;
    }

    public static void Call(Cpu cpu, ref DecodedOp op)
    {
        ulong target = CheckTarget(op.Kind0 == OperandKind.Immediate ? op.Imm : ReadOp0(cpu, ref op));
        cpu.Push64(op.NextIp);
        cpu.Rip = target;
    }

    public static void Ret(Cpu cpu, ref DecodedOp op)
    {
        ulong target = CheckTarget(cpu.Memory.Read64(cpu.Gpr(Reg.Rsp)));
        cpu.Gpr(Reg.Rsp) += 8;
        if (op.Kind0 == OperandKind.Immediate) cpu.Gpr(Reg.Rsp) += op.Imm;
        cpu.Rip = target;
    }

    public static void Loop(Cpu cpu, ref DecodedOp op)
    {
        ulong count = cpu.Gpr(Reg.Rcx) - 1;
        if (op.Code is Code.Loop_rel8_64_ECX or Code.Loope_rel8_64_ECX or Code.Loopne_rel8_64_ECX)
        {
            count = (uint)count;
            cpu.WriteGpr(Reg.Rcx, 4, count);
        }
        else cpu.Gpr(Reg.Rcx) = count;
        bool go = count != 0;
        if (op.Code is Code.Loope_rel8_64_RCX or Code.Loope_rel8_64_ECX) go &= cpu.Condition(4);
        else if (op.Code is Code.Loopne_rel8_64_RCX or Code.Loopne_rel8_64_ECX) go &= cpu.Condition(5);
        if (go) cpu.Rip = op.Imm;
    }

    public static void Jrcxz(Cpu cpu, ref DecodedOp op)
    {
        ulong count = op.Code == Code.Jecxz_rel8_64 ? (uint)cpu.Gpr(Reg.Rcx) : cpu.Gpr(Reg.Rcx);
        if (count == 0) cpu.Rip = op.Imm;
    }

    /// <summary>
    /// INT3 is a trap, not a fault: it retires and the handler sees RIP after it (a thrown fault would
    /// rewind RIP to the INT3 and a returning handler would run it forever). SI_KERNEL has no address.
    /// </summary>
    public static void Breakpoint(Cpu cpu, ref DecodedOp op)
    {
        cpu.Environment.Fault(cpu, new GuestFault(GuestFault.SIGTRAP, 0x80, 0));
        cpu.StopRequested = true;
    }

    /// <summary>Privileged in user mode: Linux delivers SIGSEGV (general protection).</summary>
    public static void PrivilegedInstruction(Cpu cpu, ref DecodedOp op) =>
        throw new GuestFault(GuestFault.SIGSEGV, 0x80, 0);
}
