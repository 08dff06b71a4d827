using System.Security.Cryptography;
using FtEmu.Replay;

namespace FtEmu.Lockstep;

/// <summary>The first two messages: Hello (secondary) and Welcome (primary), and the transcript both sides confirm.</summary>
public static class Handshake
{
    private static ReadOnlySpan<byte> Magic => "FTLS"u8;

    public sealed record Hello(ushort Version, byte[] Nonce, bool Keyed);

    public enum StartMode : byte
    {
        /// <summary>The secondary starts the program from its first instruction and replays the whole log.</summary>
        Fresh = 0,
        /// <summary>A Snapshot message follows; the log continues from the snapshot's instruction count.</summary>
        Snapshot = 1,
    }

    public sealed record Welcome(ushort Version, byte[] Nonce, long Generation, byte[] LogFileHeader, StartMode Mode, int HeartbeatMs, int TimeoutMs);

    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(16);

    public static byte[] Encode(Hello h)
    {
        var w = new EventWriter();
        foreach (byte b in Magic) w.Byte(b);
        w.UVarint(h.Version);
        w.Bytes(h.Nonce);
        w.Byte(h.Keyed ? (byte)1 : (byte)0);
        return w.Written.ToArray();
    }

    public static Hello DecodeHello(ReadOnlyMemory<byte> payload, string peer)
    {
        var r = Reader(payload);
        try
        {
            for (int i = 0; i < 4; i++)
                if (r.Byte() != Magic[i]) throw new LinkException($"{peer}: not an ftemu lockstep peer");
            var h = new Hello((ushort)r.UVarint(), r.Bytes().ToArray(), r.Byte() != 0);
            if (h.Version != Link.ProtocolVersion)
                throw new LinkException($"{peer}: speaks lockstep protocol version {h.Version}, this ftemu speaks {Link.ProtocolVersion}");
            return h;
        }
        catch (LogFormatException)
        {
            throw new LinkException($"{peer}: malformed hello");
        }
    }

    public static byte[] Encode(Welcome m)
    {
        var w = new EventWriter();
        foreach (byte b in Magic) w.Byte(b);
        w.UVarint(m.Version);
        w.Bytes(m.Nonce);
        w.Varint(m.Generation);
        w.Bytes(m.LogFileHeader);
        w.Byte((byte)m.Mode);
        w.UVarint((ulong)m.HeartbeatMs);
        w.UVarint((ulong)m.TimeoutMs);
        return w.Written.ToArray();
    }

    public static Welcome DecodeWelcome(ReadOnlyMemory<byte> payload, string peer)
    {
        var r = Reader(payload);
        try
        {
            for (int i = 0; i < 4; i++)
                if (r.Byte() != Magic[i]) throw new LinkException($"{peer}: not an ftemu lockstep peer");
            ushort version = (ushort)r.UVarint();
            if (version != Link.ProtocolVersion)
                throw new LinkException($"{peer}: speaks lockstep protocol version {version}, this ftemu speaks {Link.ProtocolVersion}");
            return new Welcome(version, r.Bytes().ToArray(), r.Varint(), r.Bytes().ToArray(), (StartMode)r.Byte(), (int)r.UVarint(), (int)r.UVarint());
        }
        catch (LogFormatException)
        {
            throw new LinkException($"{peer}: malformed welcome");
        }
    }

    /// <summary>Hash of both handshake payloads; each side sends it as its first authenticated message.</summary>
    public static byte[] Transcript(ReadOnlySpan<byte> hello, ReadOnlySpan<byte> welcome)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(hello);
        h.AppendData(welcome);
        return h.GetHashAndReset();
    }

    public static EventReader Reader(ReadOnlyMemory<byte> payload)
    {
        var r = new EventReader();
        var copy = payload.ToArray();
        r.Load(copy, copy.Length, 0);
        return r;
    }
}
