using FtEmu.Cpu;
using FtEmu.Linux;

namespace FtEmu.Replay;

/// <summary>A checkpoint record: the state hash plus the registers, so that a mismatch can say which registers differ.</summary>
public sealed record Checkpoint(ulong InstructionCount, byte[] Hash, ulong[] Registers)
{
    /// <summary>Names of <see cref="Registers"/> entries.</summary>
    public static readonly string[] RegisterNames =
        { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip", "rflags", "fs_base" };

    public static unsafe Checkpoint Take(LinuxProcess p)
    {
        var regs = new ulong[RegisterNames.Length];
        for (int i = 0; i < 16; i++) regs[i] = p.Cpu.Gpr(i);
        regs[16] = p.Cpu.Rip;
        regs[17] = p.Cpu.Rflags;
        regs[18] = p.Cpu.State->FsBase;
        return new Checkpoint(p.Cpu.InstructionCount, p.StateHash(), regs);
    }

    public void Write(EventWriter w)
    {
        w.Bytes(Hash);
        w.UVarint((ulong)Registers.Length);
        foreach (var r in Registers) w.Fixed64(r);
    }

    public static Checkpoint Read(EventReader r, ulong count)
    {
        byte[] hash = r.Bytes().ToArray();
        ulong n = r.UVarint();
        if (n > 64) throw new LogFormatException("implausible register count in a checkpoint");
        var regs = new ulong[n];
        for (int i = 0; i < (int)n; i++) regs[i] = r.Fixed64();
        return new Checkpoint(count, hash, regs);
    }

    public string HashHex => Convert.ToHexString(Hash).ToLowerInvariant();
}
