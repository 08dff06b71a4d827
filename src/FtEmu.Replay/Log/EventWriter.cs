using System.Buffers.Binary;
using System.Text;

namespace FtEmu.Replay;

/// <summary>Appends primitive values to an event buffer: LEB128 varints (zigzag for signed), length-prefixed bytes and strings.</summary>
public sealed class EventWriter
{
    private byte[] _buffer = new byte[64 * 1024];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Reset() => Length = 0;

    /// <summary>Drops the first <paramref name="n"/> bytes, keeping what follows.</summary>
    public void Consume(int n)
    {
        _buffer.AsSpan(n, Length - n).CopyTo(_buffer);
        Length -= n;
    }

    private Span<byte> Reserve(int n)
    {
        if (Length + n > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + n));
        var s = _buffer.AsSpan(Length, n);
        Length += n;
        return s;
    }

    public void Byte(byte v) => Reserve(1)[0] = v;

    public void UVarint(ulong v)
    {
        while (v >= 0x80)
        {
            Byte((byte)(v | 0x80));
            v >>= 7;
        }
        Byte((byte)v);
    }

    public void Varint(long v) => UVarint((ulong)((v << 1) ^ (v >> 63)));

    public void Bytes(ReadOnlySpan<byte> data)
    {
        UVarint((ulong)data.Length);
        data.CopyTo(Reserve(data.Length));
    }

    public void String(string s) => Bytes(Encoding.UTF8.GetBytes(s));

    /// <summary>Reserves one byte for a payload length; <see cref="EndLength"/> fills it in.</summary>
    public int BeginLength()
    {
        Byte(0);
        return Length;
    }

    /// <summary>Writes the varint length of everything after <paramref name="start"/>, widening the reserved byte if needed.</summary>
    public void EndLength(int start)
    {
        int payload = Length - start;
        Span<byte> tmp = stackalloc byte[10];
        int n = 0;
        for (uint v = (uint)payload; ; v >>= 7)
        {
            tmp[n++] = (byte)(v < 0x80 ? v : (v & 0x7F) | 0x80);
            if (v < 0x80) break;
        }
        if (n > 1)
        {
            Reserve(n - 1);
            _buffer.AsSpan(start, payload).CopyTo(_buffer.AsSpan(start + n - 1));
        }
        tmp[..n].CopyTo(_buffer.AsSpan(start - 1));
    }

    public void Fixed64(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), v);
}
