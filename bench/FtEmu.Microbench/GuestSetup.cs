using FtEmu.Cpu;

namespace FtEmu.Microbench;

/// <summary>A guest with no operating system: benchmarks run code that makes no system calls.</summary>
internal sealed class NoOsEnvironment : ICpuEnvironment
{
    public void Syscall(Cpu.Cpu cpu) => throw new InvalidOperationException("the benchmark guest made a system call");

    public void Fault(Cpu.Cpu cpu, GuestFault fault) => throw new InvalidOperationException($"the benchmark guest faulted at 0x{cpu.Rip:x}", fault);

    public ulong ReadTimestampCounter(Cpu.Cpu cpu) => 0;
}

internal static class GuestSetup
{
    public const ulong CodeBase = 0x400000;

    /// <summary>Memory with <paramref name="code"/> at <see cref="CodeBase"/>, readable and executable.</summary>
    public static GuestMemory WithCode(byte[] code)
    {
        var memory = new GuestMemory();
        memory.Map(CodeBase, (ulong)code.Length + GuestMemory.PageSize, Protection.Read | Protection.Exec);
        memory.WriteInitial(CodeBase, code);
        return memory;
    }
}
