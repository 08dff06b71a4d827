using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

internal sealed record RunSettings(
    string Program,
    string[] Arguments,
    string? Root,
    bool Strace,
    LogLevel LogLevel,
    string? RecordPath = null,
    bool EmbedImage = true,
    ulong CheckpointInterval = Replay.LogFormat.DefaultCheckpointInterval);
