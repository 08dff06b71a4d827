using FtEmu.Cpu;

namespace FtEmu.Tests;

/// <summary>The CPU engines tests run guests with, by name (for theory data).</summary>
public static class TestEngines
{
    public static readonly CpuEngineOptions Interpreter = new() { Engine = CpuEngine.Interpreter };

    /// <summary>The JIT with a threshold low enough that the guests' code really is compiled.</summary>
    public static readonly CpuEngineOptions Jit = new() { Engine = CpuEngine.Jit, JitThreshold = 2 };

    public static readonly string[] Names = { "interp", "jit" };

    public static CpuEngineOptions ByName(string name) => name switch
    {
        "interp" => Interpreter,
        "jit" => Jit,
        _ => throw new ArgumentException(name),
    };
}
