namespace FtEmu.Cpu;

/// <summary>How the CPU executes guest code. Every engine computes exactly the same guest state; only the speed differs.</summary>
public enum CpuEngine
{
    /// <summary>Every block through the interpreter.</summary>
    Interpreter,
    /// <summary>Hot blocks compiled to IL (and by .NET to native code), the rest interpreted.</summary>
    Jit,
}

/// <summary>
/// The engine choice and its tuning. Not part of the guest's model: a recording made with one
/// engine replays with another, so nothing here is recorded.
/// </summary>
public sealed record CpuEngineOptions
{
    public static readonly CpuEngineOptions Default = new();

    public CpuEngine Engine { get; init; } = CpuEngine.Jit;

    /// <summary>A block is compiled once the JIT engine has interpreted it this many times.</summary>
    public int JitThreshold { get; init; } = JitCache.DefaultThreshold;

    /// <summary>Whether compiled blocks remember their successors (off only to measure what chaining gains).</summary>
    public bool JitChaining { get; init; } = true;

    /// <summary>Most blocks one translation covers (1 compiles every block on its own).</summary>
    public int JitMaxRegionBlocks { get; init; } = JitRegion.DefaultMaxBlocks;

    /// <summary>Compile on the background compiler's thread while the interpreter goes on (off: compile at once, as tests want).</summary>
    public bool JitBackground { get; init; } = true;

    public static CpuEngine Parse(string name) => name switch
    {
        "interp" or "interpreter" => CpuEngine.Interpreter,
        "jit" => CpuEngine.Jit,
        _ => throw new ArgumentException($"unknown engine '{name}' (interp or jit)"),
    };
}
