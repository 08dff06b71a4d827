using FtEmu.Replay;

namespace FtEmu.Lockstep;

/// <summary>Encoders for the small fixed messages.</summary>
internal static class Payloads
{
    public static byte[] Of(params ulong[] values)
    {
        var w = new EventWriter();
        foreach (var v in values) w.UVarint(v);
        return w.Written.ToArray();
    }

    public static byte[] Chunk(long index, ReadOnlySpan<byte> chunk)
    {
        var w = new EventWriter();
        w.UVarint((ulong)index);
        w.Bytes(chunk);
        return w.Written.ToArray();
    }

    public static byte[] Text(string s)
    {
        var w = new EventWriter();
        w.String(s);
        return w.Written.ToArray();
    }

    public static byte[] Checkpoint(ulong count, byte[] hash)
    {
        var w = new EventWriter();
        w.UVarint(count);
        w.Bytes(hash);
        return w.Written.ToArray();
    }

    /// <summary>Decodes a payload, turning any malformation into a <see cref="LinkException"/>.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> payload, string peer, Func<EventReader, T> read)
    {
        try
        {
            return read(Handshake.Reader(payload));
        }
        catch (LogFormatException)
        {
            throw new LinkException($"{peer}: malformed message");
        }
    }
}
