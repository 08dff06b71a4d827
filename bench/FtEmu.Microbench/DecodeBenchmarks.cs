using BenchmarkDotNet.Attributes;
using FtEmu.Cpu;

namespace FtEmu.Microbench;

/// <summary>
/// <see cref="BlockDecoder.Decode"/> over 8 KB of real compiled code, block after block (a linear
/// sweep: each block starts where the previous one ended). Reported per block and per instruction.
/// </summary>
public class DecodeBenchmarks
{
    private GuestMemory _memory = null!;
    private BlockDecoder _decoder = null!;
    private ulong _end;

    [GlobalSetup]
    public void Setup()
    {
        byte[] code = HostCode.Read(8192);
        _memory = GuestSetup.WithCode(code);
        _decoder = new BlockDecoder(_memory);
        _end = GuestSetup.CodeBase + (ulong)code.Length - 16;
        (int blocks, int instructions) = Sweep();
        Console.WriteLine($"// decode sweep: {code.Length} bytes, {blocks} blocks, {instructions} instructions");
    }

    [GlobalCleanup]
    public void Cleanup() => _memory.Dispose();

    /// <summary>Decodes the whole buffer; returns instructions decoded.</summary>
    [Benchmark(Description = "decode 8 KB of code (per sweep)")]
    public int DecodeSweep() => Sweep().Instructions;

    private (int Blocks, int Instructions) Sweep()
    {
        int blocks = 0, instructions = 0;
        for (ulong ip = GuestSetup.CodeBase; ip < _end;)
        {
            Block b = _decoder.Decode(ip);
            blocks++;
            instructions += b.Ops.Length;
            ip = b.EndIp;
        }
        return (blocks, instructions);
    }
}
