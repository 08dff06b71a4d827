using BenchmarkDotNet.Attributes;
using FtEmu.Cpu;

namespace FtEmu.Microbench;

/// <summary>
/// <see cref="GuestMemory"/> scalar access: a TLB hit (one page, over and over), a TLB miss (two
/// pages whose numbers differ by the TLB size, so they evict each other on every access and each
/// one walks the page table) and an access that crosses a page boundary (byte by byte).
/// Results are per access.
/// </summary>
public class MemoryBenchmarks
{
    private const int Accesses = 1024;
    private const ulong Base = 0x10000000;
    // Two pages TlbSize pages apart share a slot of the direct-mapped TLB.
    private const ulong Conflict = GuestMemory.TlbSize * GuestMemory.PageSize;

    private GuestMemory _memory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _memory = new GuestMemory();
        _memory.Map(Base, 2 * GuestMemory.PageSize, Protection.ReadWrite);
        _memory.Map(Base + Conflict, GuestMemory.PageSize, Protection.ReadWrite);
        // Give the pages storage so that reads do not see the shared zero page.
        _memory.Write64(Base, 1);
        _memory.Write64(Base + GuestMemory.PageSize, 2);
        _memory.Write64(Base + Conflict, 3);
    }

    [GlobalCleanup]
    public void Cleanup() => _memory.Dispose();

    [Benchmark(Description = "Read64 TLB hit", OperationsPerInvoke = Accesses)]
    public ulong Read64Hit()
    {
        ulong sum = 0;
        for (int i = 0; i < Accesses; i++) sum += _memory.Read64(Base + (ulong)(i & 511) * 8);
        return sum;
    }

    [Benchmark(Description = "Read64 TLB miss", OperationsPerInvoke = Accesses)]
    public ulong Read64Miss()
    {
        ulong sum = 0;
        for (int i = 0; i < Accesses; i++) sum += _memory.Read64(Base + ((ulong)i & 1) * Conflict);
        return sum;
    }

    [Benchmark(Description = "Read64 crossing a page", OperationsPerInvoke = Accesses)]
    public ulong Read64CrossPage()
    {
        ulong sum = 0;
        for (int i = 0; i < Accesses; i++) sum += _memory.Read64(Base + GuestMemory.PageSize - 4);
        return sum;
    }

    [Benchmark(Description = "Write64 TLB hit", OperationsPerInvoke = Accesses)]
    public void Write64Hit()
    {
        for (int i = 0; i < Accesses; i++) _memory.Write64(Base + (ulong)(i & 511) * 8, (ulong)i);
    }

    [Benchmark(Description = "Write64 TLB miss", OperationsPerInvoke = Accesses)]
    public void Write64Miss()
    {
        for (int i = 0; i < Accesses; i++) _memory.Write64(Base + ((ulong)i & 1) * Conflict, (ulong)i);
    }

    [Benchmark(Description = "Write64 crossing a page", OperationsPerInvoke = Accesses)]
    public void Write64CrossPage()
    {
        for (int i = 0; i < Accesses; i++) _memory.Write64(Base + GuestMemory.PageSize - 4, (ulong)i);
    }
}
