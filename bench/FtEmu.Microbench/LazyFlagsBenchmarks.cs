using BenchmarkDotNet.Attributes;
using FtEmu.Cpu;

namespace FtEmu.Microbench;

/// <summary>
/// Lazy flags: an ADD records its operands, then something reads the flags. Full RFLAGS
/// materialisation (PUSHF), a condition on the SUB fast path (CMP; JB) and a condition that has to
/// compute the flags (JO after ADD). Results are per record-and-read pair.
/// </summary>
public class LazyFlagsBenchmarks
{
    private const int Pairs = 1024;

    private GuestMemory _memory = null!;
    private Cpu.Cpu _cpu = null!;

    [GlobalSetup]
    public void Setup()
    {
        _memory = new GuestMemory();
        _cpu = new Cpu.Cpu(_memory, new NoOsEnvironment());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cpu.Dispose();
        _memory.Dispose();
    }

    [Benchmark(Description = "ADD then read RFLAGS", OperationsPerInvoke = Pairs)]
    public ulong RflagsAfterAdd()
    {
        ulong f = 0;
        for (ulong i = 0; i < Pairs; i++)
        {
            ulong a = i * 0x9E3779B97F4A7C15, b = i << 60;
            _cpu.SetLazyFlags(FlagOp.Add, 8, a, b, a + b);
            f ^= _cpu.Rflags;
        }
        return f;
    }

    [Benchmark(Description = "CMP then JB (fast path)", OperationsPerInvoke = Pairs)]
    public int ConditionAfterSub()
    {
        int taken = 0;
        for (ulong i = 0; i < Pairs; i++)
        {
            ulong a = i * 0x9E3779B97F4A7C15, b = i << 60;
            _cpu.SetLazyFlags(FlagOp.Sub, 8, a, b, a - b);
            if (_cpu.Condition(2)) taken++;
        }
        return taken;
    }

    [Benchmark(Description = "ADD then JO (computes the flags)", OperationsPerInvoke = Pairs)]
    public int OverflowAfterAdd()
    {
        int taken = 0;
        for (ulong i = 0; i < Pairs; i++)
        {
            ulong a = i * 0x9E3779B97F4A7C15, b = i << 60;
            _cpu.SetLazyFlags(FlagOp.Add, 4, a, b, a + b);
            if (_cpu.Condition(0)) taken++;
        }
        return taken;
    }
}
