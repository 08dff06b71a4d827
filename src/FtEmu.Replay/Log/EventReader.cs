using System.Buffers.Binary;
using System.Text;

namespace FtEmu.Replay;

/// <summary>Reads what <see cref="EventWriter"/> wrote; any overrun is a <see cref="LogFormatException"/>, never an index exception.</summary>
public sealed class EventReader
{
    private byte[] _data = Array.Empty<byte>();
    private int _pos;
    private int _end;

    /// <summary>File offset of the chunk being read, for error messages.</summary>
    public long ChunkOffset { get; private set; }

    public void Load(byte[] data, int length, long chunkOffset)
    {
        _data = data;
        _pos = 0;
        _end = length;
        ChunkOffset = chunkOffset;
    }

    public bool AtEnd => _pos >= _end;

    public int Position => _pos;

    /// <summary>Skips <paramref name="n"/> bytes (an event payload nobody needs to decode).</summary>
    public void Skip(ulong n)
    {
        if (n > (ulong)(_end - _pos)) throw Overrun();
        _pos += (int)n;
    }

    private LogFormatException Overrun() => new($"event data overruns its chunk (chunk at file offset {ChunkOffset})");

    public byte Byte()
    {
        if (_pos >= _end) throw Overrun();
        return _data[_pos++];
    }

    public ulong UVarint()
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte();
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
        throw new LogFormatException($"malformed varint (chunk at file offset {ChunkOffset})");
    }

    public long Varint()
    {
        ulong u = UVarint();
        return (long)(u >> 1) ^ -(long)(u & 1);
    }

    public ReadOnlySpan<byte> Bytes()
    {
        ulong n = UVarint();
        if (n > (ulong)(_end - _pos)) throw Overrun();
        var s = _data.AsSpan(_pos, (int)n);
        _pos += (int)n;
        return s;
    }

    public string String() => Encoding.UTF8.GetString(Bytes());

    public ulong Fixed64()
    {
        if (_end - _pos < 8) throw Overrun();
        ulong v = BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(_pos));
        _pos += 8;
        return v;
    }
}

/// <summary>A recording that cannot be read: the message names the offset or the reason.</summary>
public sealed class LogFormatException(string message) : Exception(message);
