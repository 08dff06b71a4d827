using System.Buffers.Binary;
using System.IO.Compression;

namespace FtEmu.Replay;

/// <summary>
/// Reads a .ftlog: validates the fixed header and header body, then hands out chunks one by one,
/// each checked against its CRC-32C. A file that ends inside a chunk is reported as truncated at
/// that offset; a chunk whose checksum, magic or sizes are wrong is reported as corrupt.
/// </summary>
public sealed class LogReader : IDisposable
{
    private readonly Stream _in;
    private byte[] _raw = new byte[64 * 1024];
    private byte[] _stored = new byte[64 * 1024];

    public LogReader(Stream input, string name)
    {
        _in = input;
        Span<byte> fixedHeader = stackalloc byte[LogFormat.FixedHeaderSize];
        if (ReadFully(fixedHeader) < fixedHeader.Length || !fixedHeader[..8].SequenceEqual(LogFormat.Magic))
            throw new LogFormatException($"{name}: not an FtEmu recording");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(fixedHeader[8..]);
        if (version != LogFormat.Version)
            throw new LogFormatException($"{name}: recording format version {version}, this ftemu reads version {LogFormat.Version}");
        byte complete = fixedHeader[LogFormat.CompleteFlagOffset];
        if (complete > 1 || fixedHeader[11] != 0) throw new LogFormatException($"{name}: corrupt fixed header (offset {LogFormat.CompleteFlagOffset})");
        IsComplete = complete == 1;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(fixedHeader[12..]);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(fixedHeader[16..]);
        if (length > 1u << 30) throw new LogFormatException($"{name}: implausible header length {length}");
        var body = new byte[length];
        if (ReadFully(body) < body.Length) throw new LogFormatException($"{name}: truncated inside the header");
        if (Crc32C.Compute(body) != crc) throw new LogFormatException($"{name}: header checksum mismatch (offset {LogFormat.FixedHeaderSize})");
        var r = new EventReader();
        r.Load(body, body.Length, LogFormat.FixedHeaderSize);
        Header = LogHeader.Read(r);
        Offset = LogFormat.FixedHeaderSize + length;
    }

    public LogHeader Header { get; }
    /// <summary>The writer marked the file complete.</summary>
    public bool IsComplete { get; }
    /// <summary>File offset of the next chunk.</summary>
    public long Offset { get; private set; }
    /// <summary>Set when the data ended inside a chunk: the offset of that partial chunk.</summary>
    public long? TruncatedAt { get; private set; }
    public long RawBytes { get; private set; }
    public long StoredBytes { get; private set; }

    /// <summary>Loads the next chunk into <paramref name="events"/>; false at the end of the data (or at a truncation).</summary>
    public bool NextChunk(EventReader events)
    {
        Span<byte> h = stackalloc byte[LogFormat.ChunkHeaderSize];
        int got = ReadFully(h);
        if (got == 0) return false;
        long at = Offset;
        if (got < h.Length)
        {
            TruncatedAt = at;
            return false;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(h) != LogFormat.ChunkMagic)
            throw new LogFormatException($"corrupt recording: no chunk marker at offset {at}");
        uint rawLength = BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
        uint storedLength = BinaryPrimitives.ReadUInt32LittleEndian(h[8..]);
        var codec = (ChunkCodec)h[12];
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]);
        if (rawLength > LogFormat.MaxChunkSize || storedLength > LogFormat.MaxChunkSize)
            throw new LogFormatException($"corrupt recording: implausible chunk size at offset {at}");
        if (_stored.Length < storedLength) _stored = new byte[storedLength];
        if (ReadFully(_stored.AsSpan(0, (int)storedLength)) < storedLength)
        {
            TruncatedAt = at;
            return false;
        }
        if (Crc32C.Compute(_stored.AsSpan(0, (int)storedLength), Crc32C.Compute(h[..16])) != crc)
            throw new LogFormatException($"corrupt recording: checksum mismatch in the chunk at offset {at}");
        if (_raw.Length < rawLength) _raw = new byte[rawLength];
        switch (codec)
        {
            case ChunkCodec.None:
                if (storedLength != rawLength) throw new LogFormatException($"corrupt recording: size mismatch in the chunk at offset {at}");
                _stored.AsSpan(0, (int)rawLength).CopyTo(_raw);
                break;
            case ChunkCodec.Deflate:
                Inflate(at, (int)storedLength, (int)rawLength);
                break;
            default:
                throw new LogFormatException($"recording uses unknown chunk codec {(byte)codec} at offset {at}");
        }
        Offset = at + LogFormat.ChunkHeaderSize + storedLength;
        RawBytes += rawLength;
        StoredBytes += storedLength + LogFormat.ChunkHeaderSize;
        events.Load(_raw, (int)rawLength, at);
        return true;
    }

    private void Inflate(long at, int storedLength, int rawLength)
    {
        try
        {
            using var z = new DeflateStream(new MemoryStream(_stored, 0, storedLength), CompressionMode.Decompress);
            int n = 0;
            while (n < rawLength)
            {
                int k = z.Read(_raw, n, rawLength - n);
                if (k == 0) break;
                n += k;
            }
            if (n != rawLength) throw new LogFormatException($"corrupt recording: chunk at offset {at} inflates to {n} bytes, not {rawLength}");
        }
        catch (InvalidDataException)
        {
            throw new LogFormatException($"corrupt recording: chunk at offset {at} does not decompress");
        }
    }

    private int ReadFully(Span<byte> buffer)
    {
        int n = 0;
        while (n < buffer.Length)
        {
            int k = _in.Read(buffer[n..]);
            if (k == 0) break;
            n += k;
        }
        return n;
    }

    public void Dispose() => _in.Dispose();
}
