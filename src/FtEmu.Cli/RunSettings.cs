using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

internal enum FtRole
{
    None,
    Primary,
    Secondary,
}

internal sealed record RunSettings(
    string? Program,
    string[] Arguments,
    string? Root,
    bool Strace,
    LogLevel LogLevel,
    string? RecordPath = null,
    bool EmbedImage = true,
    ulong CheckpointInterval = Replay.LogFormat.DefaultCheckpointInterval,
    FtRole Role = FtRole.None,
    string? Listen = null,
    string? Peer = null,
    string? TieBreaker = null,
    string? KeyFile = null,
    string? StatusFile = null,
    int HeartbeatMs = 50,
    int TimeoutMs = 300,
    Cpu.CpuEngine Engine = Cpu.CpuEngine.Jit);
