namespace FtEmu.Lockstep;

/// <summary>Fault-tolerance states, named as vSphere FT names them.</summary>
public enum FtState
{
    /// <summary>Waiting for the first secondary.</summary>
    Starting,
    /// <summary>A secondary is in lockstep: the guest is protected.</summary>
    Running,
    /// <summary>Running alone after losing (or never getting) a secondary; a new one may join.</summary>
    NeedsSecondary,
    /// <summary>Fault tolerance is off (the guest has exited, or this side lost the tie-breaker).</summary>
    Disabled,
}

/// <summary>Timing and limits shared by both sides.</summary>
public sealed record LockstepSettings
{
    public int HeartbeatMs { get; init; } = 50;
    /// <summary>Silence after which the peer is declared dead (default well under a second).</summary>
    public int TimeoutMs { get; init; } = 300;
    /// <summary>The primary slows down when the secondary is further behind than this.</summary>
    public ulong MaxLagInstructions { get; init; } = 200_000_000;
    public ulong CheckpointInterval { get; init; } = 50_000_000;
    /// <summary>How long a primary waits for its first secondary before running unprotected.</summary>
    public int FirstSecondaryWaitMs { get; init; } = 30_000;
    /// <summary>How long a secondary keeps trying to reach its primary.</summary>
    public int ConnectTimeoutMs { get; init; } = 10_000;
    public byte[]? Key { get; init; }
    public string? TieBreakerPath { get; init; }
    public string? StatusFile { get; init; }
    /// <summary>The CPU engine this side runs (either side may use either engine).</summary>
    public Cpu.CpuEngineOptions Engine { get; init; } = Cpu.CpuEngineOptions.Default;
}
