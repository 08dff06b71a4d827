using System.Buffers.Binary;
using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>
/// The x86-64 rt_sigframe, laid out as the Linux kernel builds it: return address (sa_restorer),
/// ucontext (flags, link, stack_t, sigcontext, signal mask), siginfo, and a 512-byte FXSAVE area.
/// </summary>
public sealed partial class SignalState
{
    private const int UcontextOffset = 8;
    private const int McontextOffset = UcontextOffset + 40;
    private const int SigmaskOffset = UcontextOffset + 296;
    private const int SiginfoOffset = UcontextOffset + 304;
    private const int FrameSize = SiginfoOffset + 128;
    private const int RedZone = 128;

    // Order of registers in struct sigcontext.
    private static readonly int[] s_mcontextOrder =
        { Reg.R8, Reg.R9, Reg.R10, Reg.R11, Reg.R12, Reg.R13, Reg.R14, Reg.R15, Reg.Rdi, Reg.Rsi, Reg.Rbp, Reg.Rbx, Reg.Rdx, Reg.Rax, Reg.Rcx, Reg.Rsp };

    private void SetUpFrame(LinuxProcess p, int sig, int code, ulong address)
    {
        var cpu = p.Cpu;
        var act = _actions[sig];
        ulong sp = cpu.Gpr(Reg.Rsp);
        bool onAltStack = (act.Flags & SA_ONSTACK) != 0 && AltStackFlags == 0 && !(sp > AltStack && sp <= AltStack + AltStackSize);
        sp = onAltStack ? AltStack + AltStackSize : sp - RedZone;
        ulong fpstate = (sp - Cpu.Cpu.FxsaveSize) & ~63UL;
        ulong frame = ((fpstate - FrameSize) & ~15UL) - 8;

        var buf = new byte[FrameSize];
        var fx = new byte[Cpu.Cpu.FxsaveSize];
        cpu.FxSave(fx);
        W(buf, 0, act.Restorer);
        W(buf, UcontextOffset, 0); // uc_flags
        W(buf, UcontextOffset + 16, AltStack);
        BinaryPrimitives.WriteInt32LittleEndian(buf.AsSpan(UcontextOffset + 24), AltStackFlags);
        W(buf, UcontextOffset + 32, AltStackSize);
        for (int i = 0; i < 16; i++) W(buf, McontextOffset + 8 * i, cpu.Gpr(s_mcontextOrder[i]));
        W(buf, McontextOffset + 128, cpu.Rip);
        W(buf, McontextOffset + 136, cpu.Rflags);
        W(buf, McontextOffset + 144, 0x33); // cs
        // sigcontext after cs/gs/fs/ss: err +152, trapno +160, oldmask +168, cr2 +176, fpstate +184.
        W(buf, McontextOffset + 152, sig == GuestFault.SIGSEGV && code != GuestFault.SI_KERNEL ? 4UL : 0); // err: user-mode access (#GP: 0)
        W(buf, McontextOffset + 160, sig switch { GuestFault.SIGSEGV => code == GuestFault.SI_KERNEL ? 13UL : 14UL, GuestFault.SIGFPE => code >= 3 ? 19UL : 0, GuestFault.SIGILL => 6, _ => 0 });
        W(buf, McontextOffset + 168, Blocked);
        W(buf, McontextOffset + 176, address);
        W(buf, McontextOffset + 184, fpstate);
        // After sigsuspend the handler's sigreturn restores the mask from before the call.
        W(buf, SigmaskOffset, SavedMask ?? Blocked);
        SavedMask = null;
        BinaryPrimitives.WriteInt32LittleEndian(buf.AsSpan(SiginfoOffset), sig);
        BinaryPrimitives.WriteInt32LittleEndian(buf.AsSpan(SiginfoOffset + 8), code);
        if (code > 0) W(buf, SiginfoOffset + 16, address);
        else
        {
            var id = p.Host.GetIdentity();
            BinaryPrimitives.WriteInt32LittleEndian(buf.AsSpan(SiginfoOffset + 16), id.Pid);
            BinaryPrimitives.WriteUInt32LittleEndian(buf.AsSpan(SiginfoOffset + 20), id.Uid);
        }

        if (!p.Memory.TryWrite(fpstate, fx) || !p.Memory.TryWrite(frame, buf))
        {
            // No room for the frame: Linux kills with SIGSEGV.
            p.KillBySignal(GuestFault.SIGSEGV);
            return;
        }
        cpu.Gpr(Reg.Rsp) = frame;
        cpu.Gpr(Reg.Rdi) = (ulong)sig;
        cpu.Gpr(Reg.Rsi) = frame + SiginfoOffset;
        cpu.Gpr(Reg.Rdx) = frame + UcontextOffset;
        cpu.Gpr(Reg.Rax) = 0;
        cpu.Rip = act.Handler;
        cpu.SetFlags(RFlags.DF | RFlags.TF, 0);
        cpu.ResetFpuToInit(); // the handler starts from the init FPU/SSE state; sigreturn restores
        if ((act.Flags & SA_NODEFER) == 0) Blocked |= Bit(sig);
        Blocked |= act.Mask;
        Blocked &= ~(Bit(9) | Bit(19));
        if ((act.Flags & SA_RESETHAND) != 0) _actions[sig] = default;
        cpu.StopRequested = true;
    }

    /// <summary>rt_sigreturn: restores what <see cref="SetUpFrame"/> saved; returns the restored RAX.</summary>
    public long Return(LinuxProcess p)
    {
        var cpu = p.Cpu;
        ulong uc = cpu.Gpr(Reg.Rsp);
        ulong frame = uc - UcontextOffset;
        var buf = new byte[FrameSize];
        if (!p.Memory.TryRead(frame, buf))
        {
            p.KillBySignal(GuestFault.SIGSEGV);
            return 0;
        }
        for (int i = 0; i < 16; i++) cpu.Gpr(s_mcontextOrder[i]) = R(buf, McontextOffset + 8 * i);
        cpu.Rip = R(buf, McontextOffset + 128);
        cpu.SetFlags(RFlags.UserWritable, R(buf, McontextOffset + 136));
        ulong fpstate = R(buf, McontextOffset + 184);
        if (fpstate != 0)
        {
            var fx = new byte[Cpu.Cpu.FxsaveSize];
            if (p.Memory.TryRead(fpstate, fx)) cpu.FxRestore(fx);
        }
        Blocked = R(buf, SigmaskOffset) & ~(Bit(9) | Bit(19));
        cpu.StopRequested = true;
        return (long)cpu.Gpr(Reg.Rax);
    }

    private static void W(byte[] b, int o, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(o), v);
    private static ulong R(byte[] b, int o) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(o));
}
