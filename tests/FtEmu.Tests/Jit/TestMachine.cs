using FtEmu.Cpu;
using Iced.Intel;

namespace FtEmu.Tests.Jit;

/// <summary>
/// A bare CPU without an OS, for JIT tests: code assembled with Iced at <see cref="CodeBase"/>
/// (writable, so that it can modify itself), data pages, a stack. SYSCALL 60 halts; a fault is
/// recorded with the count, RIP and RFLAGS the OS would see, and halts.
/// </summary>
internal sealed class TestMachine : ICpuEnvironment, IDisposable
{
    public const ulong CodeBase = 0x400000, DataBase = 0x600000, StackTop = 0x800000;
    public const int DataPages = 4;

    /// <param name="hostWindow">False: guest memory without a host window (every compiled access takes a stub).</param>
    public TestMachine(byte[] code, CpuEngineOptions engine, bool hostWindow = true)
    {
        Memory = new GuestMemory(hostWindow);
        Memory.Map(CodeBase, 0x4000, Protection.Read | Protection.Write | Protection.Exec);
        Memory.Map(DataBase, DataPages * GuestMemory.PageSize, Protection.Read | Protection.Write);
        Memory.Map(StackTop - 0x10000, 0x10000, Protection.Read | Protection.Write);
        Memory.WriteInitial(CodeBase, code);
        Cpu = new FtEmu.Cpu.Cpu(Memory, this);
        Cpu.Configure(engine);
        Cpu.Rip = CodeBase;
        Cpu.Gpr(Reg.Rsp) = StackTop;
    }

    public GuestMemory Memory { get; }
    public FtEmu.Cpu.Cpu Cpu { get; }
    public List<(GuestFault Fault, ulong Count, ulong Rip, ulong Flags)> Faults { get; } = new();

    public static byte[] Assemble(Action<Assembler> build)
    {
        var a = new Assembler(64);
        build(a);
        var stream = new MemoryStream();
        a.Assemble(new StreamCodeWriter(stream), CodeBase);
        return stream.ToArray();
    }

    /// <summary>GPRs, RIP, materialised RFLAGS and the count, for a cheap comparison.</summary>
    public string Registers()
    {
        var parts = new List<string>();
        for (int i = 0; i < 16; i++) parts.Add($"r{i}={Cpu.Gpr(i):x}");
        parts.Add($"rip={Cpu.Rip:x} rflags={Cpu.Rflags:x} count={Cpu.InstructionCount}");
        return string.Join(' ', parts);
    }

    public string Hash() => Convert.ToHexString(StateHash.Compute(Cpu, default));

    public void Syscall(FtEmu.Cpu.Cpu cpu)
    {
        if (cpu.Gpr(Reg.Rax) == 60) cpu.Halted = true;
    }

    public void Fault(FtEmu.Cpu.Cpu cpu, GuestFault fault)
    {
        Faults.Add((fault, cpu.InstructionCount, cpu.Rip, cpu.Rflags));
        cpu.Halted = true;
    }

    public ulong ReadTimestampCounter(FtEmu.Cpu.Cpu cpu) => cpu.InstructionCount;

    public void Dispose()
    {
        Cpu.Dispose();
        Memory.Dispose();
    }
}
