using System.Buffers.Binary;
using System.IO.Compression;

namespace FtEmu.Replay;

/// <summary>
/// Writes a .ftlog: the fixed header marked incomplete, the header body, then events in
/// compressed, checksummed chunks. Each chunk reaches the stream in a single Write call, so a
/// stream that forwards writes as messages (lockstep) carries whole chunks.
/// </summary>
/// <remarks>
/// Crash invariant: the file claims to be complete only after the End record's chunk is on disk
/// and the complete flag has been rewritten; a crash or kill -9 at any other point leaves a file
/// that says "incomplete" and whose whole chunks still replay.
/// </remarks>
public sealed class LogWriter : IDisposable
{
    private const int FlushThreshold = 256 * 1024;
    private const int MinCompressed = 512;

    private readonly Stream _out;
    private readonly ChunkCodec _codec;
    private readonly MemoryStream _compressed = new();
    private byte[] _chunk = new byte[64 * 1024];
    private bool _closed;

    /// <param name="writeFileHeader">False when the header travels separately (lockstep sends it in the handshake).</param>
    public LogWriter(Stream output, LogHeader header, ChunkCodec codec = ChunkCodec.Deflate, bool writeFileHeader = true)
    {
        _out = output;
        _codec = codec;
        if (writeFileHeader)
        {
            _out.Write(EncodeFileHeader(header));
            _out.Flush();
        }
    }

    /// <summary>The fixed header (marked incomplete) followed by the header body.</summary>
    public static byte[] EncodeFileHeader(LogHeader header)
    {
        var body = new EventWriter();
        header.Write(body);
        var bytes = new byte[LogFormat.FixedHeaderSize + body.Length];
        var fixedHeader = bytes.AsSpan(0, LogFormat.FixedHeaderSize);
        LogFormat.Magic.CopyTo(fixedHeader);
        BinaryPrimitives.WriteUInt16LittleEndian(fixedHeader[8..], LogFormat.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedHeader[12..], (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedHeader[16..], Crc32C.Compute(body.Written));
        body.Written.CopyTo(bytes.AsSpan(LogFormat.FixedHeaderSize));
        return bytes;
    }

    /// <summary>Events not yet flushed into a chunk.</summary>
    public EventWriter Pending { get; } = new();

    public long EventCount { get; set; }
    public long RawBytes { get; private set; }
    public long StoredBytes { get; private set; }
    public long ChunksWritten { get; private set; }

    /// <summary>Flushes a chunk if enough events are buffered.</summary>
    public void MaybeFlush()
    {
        if (Pending.Length >= FlushThreshold) Flush();
    }

    /// <summary>Writes all buffered events as one chunk and pushes it to the stream.</summary>
    public void Flush() => Flush(Pending.Length);

    /// <summary>Writes the first <paramref name="length"/> bytes of buffered events (whole events only) as one chunk.</summary>
    public void Flush(int length)
    {
        if (length == 0) return;
        var raw = Pending.Written[..length];
        ReadOnlySpan<byte> stored = raw;
        // Tiny chunks (lockstep flushes one event at a time) do not repay a compressor's set-up.
        var codec = raw.Length < MinCompressed ? ChunkCodec.None : _codec;
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
        int total = LogFormat.ChunkHeaderSize + stored.Length;
        if (_chunk.Length < total) _chunk = new byte[Math.Max(total, _chunk.Length * 2)];
        var h = _chunk.AsSpan(0, LogFormat.ChunkHeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(h, LogFormat.ChunkMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)raw.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], (uint)stored.Length);
        h[12] = (byte)codec;
        h[13] = h[14] = h[15] = 0;
        uint crc = Crc32C.Compute(stored, Crc32C.Compute(h[..16]));
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], crc);
        stored.CopyTo(_chunk.AsSpan(LogFormat.ChunkHeaderSize));
        RawBytes += raw.Length;
        StoredBytes += total;
        ChunksWritten++;
        Pending.Consume(length);
        _out.Write(_chunk, 0, total);
        _out.Flush();
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
