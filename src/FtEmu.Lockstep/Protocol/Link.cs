using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace FtEmu.Lockstep;

/// <summary>
/// A framed, optionally authenticated message link over a stream.
/// Frame: u32 length of the rest, u8 type, u64 sequence number, payload, and with a key a
/// 32-byte HMAC-SHA256 over direction, sequence, type and payload under a per-session key derived
/// from the shared key and both sides' nonces.
/// </summary>
/// <remarks>
/// Invariant: a frame is accepted only if its sequence number is exactly one more than the last
/// accepted one from that peer and (with a key) its MAC verifies, so nothing can be replayed,
/// reordered or injected. Sends are serialised by a lock; one thread receives.
/// </remarks>
public sealed class Link : IDisposable
{
    public const ushort ProtocolVersion = 1;
    public const int MaxFrame = 80 << 20;
    private const int MacSize = 32;

    private readonly Stream _stream;
    private readonly object _sendLock = new();
    private readonly bool _isPrimary;
    private byte[]? _sessionKey;
    private ulong _sendSeq;
    private ulong _recvSeq;
    private byte[] _frame = new byte[64 * 1024];

    public Link(Stream stream, bool isPrimary, string peer)
    {
        _stream = stream;
        _isPrimary = isPrimary;
        Peer = peer;
    }

    public string Peer { get; }
    public long BytesSent { get; private set; }
    public long BytesReceived { get; private set; }

    /// <summary>Derives the session key once both nonces are known (no key: messages are not authenticated).</summary>
    public void Authenticate(byte[]? sharedKey, byte[] primaryNonce, byte[] secondaryNonce)
    {
        if (sharedKey == null) return;
        var material = new byte[14 + primaryNonce.Length + secondaryNonce.Length];
        "ftemu-lockstep"u8.CopyTo(material);
        primaryNonce.CopyTo(material, 14);
        secondaryNonce.CopyTo(material, 14 + primaryNonce.Length);
        _sessionKey = HMACSHA256.HashData(sharedKey, material);
    }

    public void Send(MessageType type, ReadOnlySpan<byte> payload)
    {
        lock (_sendLock)
        {
            int macSize = _sessionKey != null ? MacSize : 0;
            int rest = 1 + 8 + payload.Length + macSize;
            var buf = new byte[4 + rest];
            BinaryPrimitives.WriteUInt32LittleEndian(buf, (uint)rest);
            buf[4] = (byte)type;
            ulong seq = ++_sendSeq;
            BinaryPrimitives.WriteUInt64LittleEndian(buf.AsSpan(5), seq);
            payload.CopyTo(buf.AsSpan(13));
            if (_sessionKey != null) Mac(_isPrimary, buf.AsSpan(4, 9 + payload.Length), buf.AsSpan(13 + payload.Length));
            _stream.Write(buf);
            _stream.Flush();
            BytesSent += buf.Length;
        }
    }

    /// <summary>Receives the next frame; the payload is valid until the next call.</summary>
    public (MessageType Type, ReadOnlyMemory<byte> Payload) Receive()
    {
        Span<byte> len = stackalloc byte[4];
        ReadExactly(len);
        uint rest = BinaryPrimitives.ReadUInt32LittleEndian(len);
        int macSize = _sessionKey != null ? MacSize : 0;
        if (rest < 9 + macSize || rest > MaxFrame) throw new LinkException($"{Peer}: malformed frame (length {rest})");
        if (_frame.Length < rest) _frame = new byte[rest];
        ReadExactly(_frame.AsSpan(0, (int)rest));
        BytesReceived += 4 + rest;
        var type = (MessageType)_frame[0];
        ulong seq = BinaryPrimitives.ReadUInt64LittleEndian(_frame.AsSpan(1));
        int payloadLength = (int)rest - 9 - macSize;
        if (_sessionKey != null)
        {
            Span<byte> expected = stackalloc byte[MacSize];
            Mac(!_isPrimary, _frame.AsSpan(0, 9 + payloadLength), expected);
            if (!CryptographicOperations.FixedTimeEquals(expected, _frame.AsSpan(9 + payloadLength, MacSize)))
                throw new LinkException($"{Peer}: message failed authentication (wrong key or tampered)");
        }
        if (seq != _recvSeq + 1) throw new LinkException($"{Peer}: message out of sequence ({seq} after {_recvSeq}): replayed or injected");
        _recvSeq = seq;
        if (!Enum.IsDefined(type)) throw new LinkException($"{Peer}: unknown message type {(byte)type}");
        return (type, _frame.AsMemory(9, payloadLength));
    }

    private void Mac(bool fromPrimary, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var input = new byte[1 + data.Length];
        input[0] = fromPrimary ? (byte)'P' : (byte)'S';
        data.CopyTo(input.AsSpan(1));
        HMACSHA256.HashData(_sessionKey!, input, output);
    }

    private void ReadExactly(Span<byte> buffer)
    {
        try
        {
            _stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new LinkException($"{Peer}: connection closed");
        }
        catch (IOException e)
        {
            throw new LinkException($"{Peer}: {e.Message}");
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Without a key only loopback peers are allowed: the log carries everything the guest reads.</summary>
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address);
}
