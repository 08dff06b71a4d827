namespace FtEmu.Replay;

/// <summary>
/// Constants of the .ftlog format (documented in docs/ftlog.md).
/// </summary>
public static class LogFormat
{
    public static ReadOnlySpan<byte> Magic => "FTEMULOG"u8;
    public const ushort Version = 1;
    public const int CompleteFlagOffset = 10;
    public const int FixedHeaderSize = 20;
    public const uint ChunkMagic = 0x4B4E4843; // "CHNK"
    public const int ChunkHeaderSize = 20;
    /// <summary>Largest raw chunk a reader accepts; a writer flushes long before.</summary>
    public const int MaxChunkSize = 64 << 20;
    public const ulong DefaultCheckpointInterval = 100_000_000;

    public static string EmulatorVersion =>
        typeof(LogFormat).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}

/// <summary>How a chunk's payload is stored. Numbers are part of the format.</summary>
public enum ChunkCodec : byte
{
    None = 0,
    Deflate = 1,
}
