namespace FtEmu.Linux;

/// <summary>How to start a guest process. Everything here is an input a recording must capture.</summary>
public sealed record ProcessOptions
{
    /// <summary>The program's bytes (an ELF image).</summary>
    public required byte[] Image { get; init; }
    /// <summary>The guest path the program was started by (AT_EXECFN, /proc/self/exe).</summary>
    public required string ExecPath { get; init; }
    public required IReadOnlyList<string> Argv { get; init; }
    public required IReadOnlyList<string> Envp { get; init; }
    /// <summary>Host directory that is the guest's "/", or null for the host's own root.</summary>
    public string? Root { get; init; }
    /// <summary>Guest working directory at start.</summary>
    public required string WorkingDirectory { get; init; }
    /// <summary>
    /// The CPU engine. The one exception to the rule above: engines compute identical guest state,
    /// so the choice is not an input and recordings do not store it.
    /// </summary>
    public Cpu.CpuEngineOptions Engine { get; init; } = Cpu.CpuEngineOptions.Default;
}
