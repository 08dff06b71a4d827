using System.Buffers.Binary;
using System.IO.Compression;

namespace FtEmu.Replay;

/// <summary>
/// Writes a .ftlog: the fixed header marked incomplete, the header body, then events in
/// compressed, checksummed chunks.
/// </summary>
/// <remarks>
/// Crash invariant: the file claims to be complete only after the End record's chunk is on disk
/// and the complete flag has been rewritten; a crash or kill -9 at any other point leaves a file
/// that says "incomplete" and whose whole chunks still replay.
/// </remarks>
public sealed class LogWriter : IDisposable
{
    private const int FlushThreshold = 256 * 1024;

    private readonly Stream _out;
    private readonly ChunkCodec _codec;
    private readonly MemoryStream _compressed = new();
    private bool _closed;

    public LogWriter(Stream output, LogHeader header, ChunkCodec codec = ChunkCodec.Deflate)
    {
        _out = output;
        _codec = codec;
        var body = new EventWriter();
        header.Write(body);
        Span<byte> fixedHeader = stackalloc byte[LogFormat.FixedHeaderSize];
        LogFormat.Magic.CopyTo(fixedHeader);
        BinaryPrimitives.WriteUInt16LittleEndian(fixedHeader[8..], LogFormat.Version);
        fixedHeader[LogFormat.CompleteFlagOffset] = 0;
        fixedHeader[11] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(fixedHeader[12..], (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedHeader[16..], Crc32C.Compute(body.Written));
        _out.Write(fixedHeader);
        _out.Write(body.Written);
        _out.Flush();
    }

    /// <summary>Events not yet flushed into a chunk.</summary>
    public EventWriter Pending { get; } = new();

    public long EventCount { get; set; }
    public long RawBytes { get; private set; }
    public long StoredBytes { get; private set; }

    /// <summary>Flushes a chunk if enough events are buffered.</summary>
    public void MaybeFlush()
    {
        if (Pending.Length >= FlushThreshold) Flush();
    }

    /// <summary>Writes all buffered events as one chunk and pushes it to the stream.</summary>
    public void Flush()
    {
        if (Pending.Length == 0) return;
        var raw = Pending.Written;
        ReadOnlySpan<byte> stored = raw;
        var codec = _codec;
        if (codec == ChunkCodec.Deflate)
        {
            _compressed.SetLength(0);
            using (var z = new DeflateStream(_compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
            stored = _compressed.GetBuffer().AsSpan(0, (int)_compressed.Length);
            if (stored.Length >= raw.Length)
            {
                stored = raw;
                codec = ChunkCodec.None;
            }
        }
        Span<byte> h = stackalloc byte[LogFormat.ChunkHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(h, LogFormat.ChunkMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)raw.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], (uint)stored.Length);
        h[12] = (byte)codec;
        h[13] = h[14] = h[15] = 0;
        uint crc = Crc32C.Compute(stored, Crc32C.Compute(h[..16]));
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], crc);
        _out.Write(h);
        _out.Write(stored);
        _out.Flush();
        RawBytes += raw.Length;
        StoredBytes += stored.Length + LogFormat.ChunkHeaderSize;
        Pending.Reset();
    }

    /// <summary>Flushes the last chunk and marks the file complete.</summary>
    public void Complete()
    {
        Flush();
        if (_out.CanSeek)
        {
            long end = _out.Position;
            _out.Position = LogFormat.CompleteFlagOffset;
            _out.WriteByte(1);
            _out.Position = end;
        }
        _out.Flush();
        _closed = true;
    }

    public void Dispose()
    {
        if (!_closed) Flush();
        _out.Dispose();
    }
}
