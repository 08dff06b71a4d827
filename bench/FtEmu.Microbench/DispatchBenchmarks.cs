using BenchmarkDotNet.Attributes;
using FtEmu.Cpu;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace FtEmu.Microbench;

/// <summary>
/// The interpreter's dispatch cost: a register-only loop (ALU, shift, LEA, a compare-and-branch)
/// run through <see cref="Cpu.Cpu.Run"/>; each operation is one retired guest instruction, so the
/// result is nanoseconds per instruction.
/// </summary>
public class DispatchBenchmarks
{
    private const int Instructions = 1_000_000;

    private GuestMemory _memory = null!;
    private Cpu.Cpu _cpu = null!;

    [GlobalSetup]
    public void Setup()
    {
        var a = new Assembler(64);
        var top = a.CreateLabel();
        a.mov(rdi, ulong.MaxValue); // the loop never ends: Run stops it by instruction count
        a.Label(ref top);
        a.add(rax, rbx);
        a.xor(rcx, rax);
        a.mov(rdx, rcx);
        a.shl(rdx, 3);
        a.or(rsi, rdx);
        a.lea(rbx, rbx + rsi * 2 + 1);
        a.sub(r8, rax);
        a.inc(r9);
        a.dec(rdi);
        a.jnz(top);
        var stream = new MemoryStream();
        a.Assemble(new StreamCodeWriter(stream), GuestSetup.CodeBase);
        _memory = GuestSetup.WithCode(stream.ToArray());
        _cpu = new Cpu.Cpu(_memory, new NoOsEnvironment()) { Rip = GuestSetup.CodeBase };
        _cpu.Run(_cpu.InstructionCount + Instructions); // decode the blocks once
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cpu.Dispose();
        _memory.Dispose();
    }

    [Benchmark(Description = "interpret register-only loop (per instruction)", OperationsPerInvoke = Instructions)]
    public ulong RegisterLoop()
    {
        _cpu.Run(_cpu.InstructionCount + Instructions);
        return _cpu.InstructionCount;
    }
}
